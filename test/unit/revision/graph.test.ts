import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  ancestors,
  appliedRevisions,
  buildRevisionGraph,
  descendants,
  isAncestor,
  normalizeHeads,
} from "../../../src/revision";
import { BRANCHED, DIAMOND, LINEAR, MULTI_ROOT, graphOf, headersOf, throwsRevision } from "./build";

describe("buildRevisionGraph shapes", () => {
  it("linear: one head, one base, topological order", () => {
    const graph = graphOf(LINEAR);
    assert.deepEqual(graph.order, ["r0", "a1", "a2", "a3"]);
    assert.deepEqual(graph.heads, ["a3"]);
    assert.deepEqual(graph.bases, ["r0"]);
    assert.deepEqual(graph.branchPoints, []);
    assert.deepEqual(graph.mergePoints, []);
    assert.deepEqual(graph.nodes.get("a1")!.children, ["a2"]);
  });

  it("branched: two heads and a branch point, ties ordered by createdAt", () => {
    const graph = graphOf(BRANCHED);
    assert.deepEqual(graph.order, ["r0", "a1", "b1", "a2", "b2"]);
    assert.deepEqual(graph.heads, ["a2", "b2"]);
    assert.deepEqual(graph.branchPoints, ["r0"]);
    assert.deepEqual(graph.nodes.get("r0")!.children, ["a1", "b1"]);
  });

  it("ties with equal createdAt are ordered by id, whatever the input order", () => {
    const same = { createdAt: "2026-01-01T00:00:00.000Z" };
    const headers = headersOf([
      ["r0", [], same],
      ["zz", ["r0"], same],
      ["bb", ["r0"], same],
      ["mm", ["r0"], same],
    ]);
    assert.deepEqual(buildRevisionGraph(headers).order, ["r0", "bb", "mm", "zz"]);
    assert.deepEqual(buildRevisionGraph([...headers].reverse()).order, ["r0", "bb", "mm", "zz"]);
  });

  it("diamond: merge point, one head again", () => {
    const graph = graphOf(DIAMOND);
    assert.deepEqual(graph.heads, ["c1"]);
    assert.deepEqual(graph.mergePoints, ["m"]);
    assert.deepEqual(graph.branchPoints, ["r0"]);
    assert.deepEqual(graph.order, ["r0", "a1", "b1", "a2", "b2", "m", "c1"]);
  });

  it("multi-root: several bases and heads", () => {
    const graph = graphOf(MULTI_ROOT);
    assert.deepEqual(graph.bases, ["x0", "y0"]);
    assert.deepEqual(graph.heads, ["x1", "y1"]);
  });

  it("empty: no heads, no bases", () => {
    const graph = buildRevisionGraph([]);
    assert.deepEqual([graph.heads, graph.bases, graph.order], [[], [], []]);
  });
});

describe("traversal", () => {
  const graph = graphOf(DIAMOND);
  it("ancestors and descendants are strict and in graph order", () => {
    assert.deepEqual(ancestors(graph, "m"), ["r0", "a1", "b1", "a2", "b2"]);
    assert.deepEqual(ancestors(graph, "r0"), []);
    assert.deepEqual(descendants(graph, "a1"), ["a2", "m", "c1"]);
    assert.deepEqual(descendants(graph, ["a2", "b2"]), ["m", "c1"]);
    assert.deepEqual(descendants(graph, "c1"), []);
  });
  it("appliedRevisions includes the heads", () => {
    assert.deepEqual(appliedRevisions(graph, ["a2", "b1"]), ["r0", "a1", "b1", "a2"]);
    assert.deepEqual(appliedRevisions(graph, []), []);
  });
  it("isAncestor is strict and directional", () => {
    assert.equal(isAncestor(graph, "b1", "c1"), true);
    assert.equal(isAncestor(graph, "c1", "b1"), false);
    assert.equal(isAncestor(graph, "a2", "b2"), false);
    assert.equal(isAncestor(graph, "m", "m"), false);
  });
  it("normalizeHeads drops ancestors and duplicates", () => {
    assert.deepEqual(normalizeHeads(graph, ["a1", "b2", "a2", "a2", "r0"]), ["a2", "b2"]);
  });
  it("unknown ids are RevisionErrors", () => {
    throwsRevision(() => ancestors(graph, "nope"), /Unknown revision nope/);
  });
});

describe("buildRevisionGraph validation", () => {
  it("duplicate ids name both files", () => {
    const headers = headersOf([
      ["r0", []],
      ["a1", ["r0"]],
    ]);
    const dup = { ...headers[1]!, path: "migrations/copy.ts" };
    throwsRevision(
      () => buildRevisionGraph([...headers, dup]),
      /^Revision a1 is defined twice: in migrations\/a1\.ts and in migrations\/copy\.ts; give one of them a new revision id$/,
    );
  });

  it("a missing down revision names the file", () => {
    throwsRevision(
      () =>
        graphOf([
          ["r0", []],
          ["a1", ["zz"]],
        ]),
      /^migrations\/a1\.ts: downRevision zz is not defined by any migration file; restore that file or correct downRevision$/,
    );
  });

  it("a cycle names the revisions in it", () => {
    throwsRevision(
      () =>
        graphOf([
          ["r0", []],
          ["a", ["r0", "c"]],
          ["b", ["a"]],
          ["c", ["b"]],
          ["d", ["c"]],
        ]),
      /^Cycle detected in revisions: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c) \(/,
    );
  });

  it("a cycle without any base is still found", () => {
    throwsRevision(
      () =>
        graphOf([
          ["a", ["b"]],
          ["b", ["a"]],
        ]),
      /Cycle detected in revisions: (a -> b -> a|b -> a -> b)/,
    );
  });

  it("a self reference is a cycle", () => {
    throwsRevision(() => graphOf([["a", ["a"]]]), /Cycle detected in revisions: a -> a/);
  });

  it("a parent listed twice is refused", () => {
    throwsRevision(
      () =>
        graphOf([
          ["r0", []],
          ["a", ["r0", "r0"]],
        ]),
      /migrations\/a\.ts: downRevision lists r0 twice/,
    );
  });

  it("illegal and reserved ids are refused", () => {
    throwsRevision(() => graphOf([["a-b", []]]), /the revision id 'a-b' contains/);
    throwsRevision(() => graphOf([["head", []]]), /'head' is a reserved word/);
    throwsRevision(() => graphOf([["", []]]), /the revision id is empty/);
  });

  it("branch labels: duplicates and clashes with ids", () => {
    throwsRevision(
      () =>
        graphOf([
          ["r0", [], { branchLabels: ["x"] }],
          ["a1", ["r0"], { branchLabels: ["x"] }],
        ]),
      /Branch label 'x' is declared twice: in migrations\/a1\.ts and in migrations\/r0\.ts/,
    );
    throwsRevision(
      () =>
        graphOf([
          ["r0", [], { branchLabels: ["a1"] }],
          ["a1", ["r0"]],
        ]),
      /branch label 'a1' is also the id of migrations\/a1\.ts/,
    );
    const graph = graphOf([["r0", [], { branchLabels: ["core"] }]]);
    assert.equal(graph.labels.get("core"), "r0");
  });
});
