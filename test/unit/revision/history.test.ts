import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { historyEntries, iterateRange, parseRange } from "../../../src/revision";
import type { HistoryEntry } from "../../../src/revision";
import { BRANCHED, DIAMOND, graphOf, throwsRevision } from "./build";

const ids = (entries: readonly HistoryEntry[]): string[] => entries.map((e) => e.id);

describe("historyEntries", () => {
  const diamond = graphOf(DIAMOND);

  it("lists newest first, children before parents", () => {
    assert.deepEqual(ids(historyEntries(diamond)), ["c1", "m", "b2", "a2", "b1", "a1", "r0"]);
  });

  it("marks heads, bases, branch points, merge points and the current state", () => {
    const entries = new Map(historyEntries(diamond, ["a2", "b1"]).map((e) => [e.id, e]));
    const flags = (id: string): string => {
      const e = entries.get(id)!;
      return [
        e.isHead && "head",
        e.isBase && "base",
        e.isBranchPoint && "branch",
        e.isMergePoint && "merge",
        e.isCurrent && "current",
        e.isApplied && "applied",
      ]
        .filter(Boolean)
        .join(" ");
    };
    assert.equal(flags("c1"), "head");
    assert.equal(flags("m"), "merge");
    assert.equal(flags("r0"), "base branch applied");
    assert.equal(flags("a2"), "current applied");
    assert.equal(flags("b1"), "current applied");
    assert.equal(flags("b2"), "");
    assert.deepEqual(entries.get("m")!.downRevisions, ["a2", "b2"]);
    assert.deepEqual(entries.get("r0")!.children, ["a1", "b1"]);
    assert.equal(entries.get("m")!.message, "revision m");
  });

  it("a newer branch comes first when two branches are open", () => {
    assert.deepEqual(ids(historyEntries(graphOf(BRANCHED))), ["b2", "a2", "b1", "a1", "r0"]);
  });
});

describe("iterateRange", () => {
  const diamond = graphOf(DIAMOND);

  it("includes both ends and only what lies between them", () => {
    assert.deepEqual(ids(iterateRange(diamond, "a1:m")), ["m", "a2", "a1"]);
    assert.deepEqual(ids(iterateRange(diamond, "r0:b2")), ["b2", "b1", "r0"]);
  });

  it("open ends default to base and heads", () => {
    assert.deepEqual(ids(iterateRange(diamond, ":a2")), ["a2", "a1", "r0"]);
    assert.deepEqual(ids(iterateRange(diamond, "b1:")), ["c1", "m", "b2", "b1"]);
    assert.deepEqual(ids(iterateRange(diamond, ":")), ids(historyEntries(diamond)));
  });

  it("current and relative ends use the current revisions", () => {
    assert.deepEqual(ids(iterateRange(diamond, "current:", ["m"])), ["c1", "m"]);
    assert.deepEqual(ids(iterateRange(diamond, "-1:current", ["m"])), ["m", "b2", "a2"]);
    assert.deepEqual(ids(iterateRange(diamond, ":head-2")), ["b2", "a2", "b1", "a1", "r0"]);
  });

  it("errors: bad syntax, reversed ends", () => {
    throwsRevision(() => parseRange("a1"), /Cannot parse revision range 'a1'/);
    throwsRevision(() => parseRange("a:b:c"), /Cannot parse revision range/);
    throwsRevision(() => iterateRange(diamond, "c1:a1"), /^Revision c1 is not an ancestor of a1; swap the ends/);
    throwsRevision(() => iterateRange(diamond, "a2:b2"), /Revision a2 is not an ancestor of b2/);
  });
});
