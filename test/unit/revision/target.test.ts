import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatTarget, parseTarget, resolveRevisionRef, resolveTarget } from "../../../src/revision";
import { BRANCHED, DIAMOND, LINEAR, MULTI_ROOT, graphOf, throwsRevision } from "./build";

describe("parseTarget", () => {
  const cases: ReadonlyArray<[string, unknown]> = [
    ["head", { kind: "head" }],
    ["heads", { kind: "heads" }],
    ["base", { kind: "base" }],
    ["current", { kind: "current" }],
    ["1a2b3c4d5e6f", { kind: "revision", ref: "1a2b3c4d5e6f" }],
    ["1a2b", { kind: "revision", ref: "1a2b" }],
    ["core@head", { kind: "branch-head", ref: "core" }],
    ["+2", { kind: "relative", anchor: { kind: "current" }, steps: 2 }],
    ["-1", { kind: "relative", anchor: { kind: "current" }, steps: -1 }],
    ["head-1", { kind: "relative", anchor: { kind: "head" }, steps: -1 }],
    ["base+3", { kind: "relative", anchor: { kind: "base" }, steps: 3 }],
    ["ae10+2", { kind: "relative", anchor: { kind: "revision", ref: "ae10" }, steps: 2 }],
    ["core@head-2", { kind: "relative", anchor: { kind: "branch-head", ref: "core" }, steps: -2 }],
    ["  head  ", { kind: "head" }],
  ];
  for (const [text, expected] of cases) {
    it(`parses '${text}' and formats it back`, () => {
      const target = parseTarget(text);
      assert.deepEqual(target, expected);
      assert.equal(formatTarget(target), text.trim());
    });
  }

  it("refuses malformed targets", () => {
    throwsRevision(() => parseTarget(""), /Empty revision target/);
    throwsRevision(() => parseTarget("head+"), /Cannot parse revision target 'head\+'/);
    throwsRevision(() => parseTarget("+x"), /Cannot parse/);
    throwsRevision(() => parseTarget("a+1+1"), /Cannot parse/);
    throwsRevision(() => parseTarget("x@base"), /Cannot parse/);
    throwsRevision(() => parseTarget("@head"), /Cannot parse/);
    throwsRevision(() => parseTarget("a b"), /Cannot parse/);
    throwsRevision(() => parseTarget("a:b"), /ranges \(a:b\) are only accepted by `retort history -r`/);
  });
});

describe("resolveRevisionRef", () => {
  const graph = graphOf([
    ["1a2b3c4d5e6f", [], { branchLabels: ["core"] }],
    ["1a2b99990000", ["1a2b3c4d5e6f"]],
    ["ffee00112233", ["1a2b99990000"]],
  ]);
  it("full ids, labels and unique prefixes", () => {
    assert.equal(resolveRevisionRef(graph, "1a2b3c4d5e6f"), "1a2b3c4d5e6f");
    assert.equal(resolveRevisionRef(graph, "core"), "1a2b3c4d5e6f");
    assert.equal(resolveRevisionRef(graph, "ffee"), "ffee00112233");
    assert.equal(resolveRevisionRef(graph, "1a2b9"), "1a2b99990000");
  });
  it("ambiguous prefixes list the candidates", () => {
    throwsRevision(
      () => resolveRevisionRef(graph, "1a2b"),
      /^Revision prefix '1a2b' is ambiguous; it matches 1a2b3c4d5e6f, 1a2b99990000; give more characters$/,
    );
  });
  it("unknown and too-short references", () => {
    throwsRevision(() => resolveRevisionRef(graph, "abcdef"), /^Unknown revision 'abcdef': no revision id/);
    throwsRevision(() => resolveRevisionRef(graph, "ffe"), /id prefixes need at least 4 characters/);
  });
});

describe("resolveTarget", () => {
  const linear = graphOf(LINEAR);
  const branched = graphOf(BRANCHED);
  const diamond = graphOf(DIAMOND);

  it("head, heads, base, current", () => {
    assert.deepEqual(resolveTarget(linear, "head"), ["a3"]);
    assert.deepEqual(resolveTarget(branched, "heads"), ["a2", "b2"]);
    assert.deepEqual(resolveTarget(linear, "base"), []);
    assert.deepEqual(resolveTarget(branched, "current", ["b1", "a1"]), ["a1", "b1"]);
    assert.deepEqual(resolveTarget(graphOf([]), "head"), []);
  });

  it("head with several heads is an error that suggests merging", () => {
    throwsRevision(
      () => resolveTarget(branched, "head"),
      /^Multiple heads are present: a2, b2; name one, use `heads` for all of them, or join them with `retort merge -m <message>`$/,
    );
    throwsRevision(() => resolveTarget(branched, "head-1"), /^Multiple heads are present: a2, b2/);
  });

  it("<ref>@head picks the head above a revision or label", () => {
    assert.deepEqual(resolveTarget(branched, "a1@head"), ["a2"]);
    assert.deepEqual(resolveTarget(branched, "b2@head"), ["b2"]);
    throwsRevision(() => resolveTarget(branched, "r0@head"), /^Multiple heads are present above r0: a2, b2/);
    const labelled = graphOf([
      ["r0", []],
      ["a1", ["r0"], { branchLabels: ["alpha"] }],
      ["a2", ["a1"]],
      ["b1", ["r0"]],
    ]);
    assert.deepEqual(resolveTarget(labelled, "alpha@head"), ["a2"]);
    assert.deepEqual(resolveTarget(labelled, "alpha"), ["a1"]);
  });

  it("+N and -N relative to the current revisions", () => {
    assert.deepEqual(resolveTarget(linear, "+1", []), ["r0"]);
    assert.deepEqual(resolveTarget(linear, "+2", ["r0"]), ["a2"]);
    assert.deepEqual(resolveTarget(linear, "-2", ["a3"]), ["a1"]);
    assert.deepEqual(resolveTarget(linear, "-4", ["a3"]), []);
    assert.deepEqual(resolveTarget(linear, "+0", ["a1"]), ["a1"]);
  });

  it("<rev>+N, <rev>-N, head-1, base+N", () => {
    assert.deepEqual(resolveTarget(linear, "a1+2"), ["a3"]);
    assert.deepEqual(resolveTarget(linear, "a3-3"), ["r0"]);
    assert.deepEqual(resolveTarget(linear, "head-1"), ["a2"]);
    assert.deepEqual(resolveTarget(linear, "base+1"), ["r0"]);
    assert.deepEqual(resolveTarget(diamond, "c1-2"), ["a2", "b2"]);
  });

  it("a step down from a merge gives both parents; a step up from both gives the merge", () => {
    assert.deepEqual(resolveTarget(diamond, "-1", ["m"]), ["a2", "b2"]);
    assert.deepEqual(resolveTarget(diamond, "+1", ["a2", "b2"]), ["m"]);
    assert.deepEqual(resolveTarget(diamond, "+2", ["a2", "b2"]), ["c1"]);
  });

  it("a step up from one branch head into the merge keeps the others", () => {
    const graph = graphOf([...MULTI_ROOT, ["x2", ["x1"]]]);
    assert.deepEqual(resolveTarget(graph, "+1", ["x1", "y1"]), ["x2", "y1"]);
  });

  it("relative steps past head or base", () => {
    throwsRevision(
      () => resolveTarget(linear, "+2", ["a2"]),
      /^Relative target '\+2' goes past head: a3 has no later revision \(1 of 2 steps possible\)$/,
    );
    throwsRevision(() => resolveTarget(linear, "a3+1"), /goes past head: a3 has no later revision \(0 of 1/);
    throwsRevision(
      () => resolveTarget(linear, "-5", ["a3"]),
      /^Relative target '-5' goes past base: only 4 steps down are possible$/,
    );
    throwsRevision(() => resolveTarget(linear, "-1", []), /goes past base: only 0 steps down/);
    throwsRevision(() => resolveTarget(graphOf([]), "+1"), /goes past head: base has no later revision/);
  });

  it("ambiguous relative steps", () => {
    throwsRevision(
      () => resolveTarget(branched, "+1", ["r0"]),
      /^Relative target '\+1' is ambiguous: r0 is followed by several revisions: a1, b1; name the revision instead$/,
    );
    throwsRevision(
      () => resolveTarget(branched, "-1", ["a2", "b2"]),
      /^Relative target '-1' is ambiguous: the database is at several heads \(a2, b2\); name the revision to go back to instead$/,
    );
    throwsRevision(() => resolveTarget(diamond, "m-2"), /'m-2' is ambiguous: that point has several heads \(a2, b2\)/);
    throwsRevision(() => resolveTarget(graphOf(MULTI_ROOT), "base+1"), /ambiguous: there are several bases: x0, y0/);
  });

  it("unknown current revisions and inconsistent version tables", () => {
    throwsRevision(
      () => resolveTarget(linear, "+1", ["zzzz"]),
      /database is at revision zzzz, which no migration file defines/,
    );
    throwsRevision(
      () => resolveTarget(linear, "current", ["a1", "a2"]),
      /inconsistent: it lists a1 and its descendant a2/,
    );
  });
});
