import assert from "node:assert/strict";
import { test } from "node:test";
import { planStamp } from "../../../src/commands/stamp";
import { BRANCHED, DIAMOND, LINEAR, graphOf, throwsRevision } from "../revision/build";

test("stamping a linear history replaces the row; base empties the table", () => {
  const graph = graphOf(LINEAR);
  assert.deepEqual(planStamp(graph, [], "head", false), { from: [], to: ["a3"], removed: [], added: ["a3"] });
  assert.deepEqual(planStamp(graph, ["a1"], "head", false), { from: ["a1"], to: ["a3"], removed: ["a1"], added: ["a3"] });
  assert.deepEqual(planStamp(graph, ["a3"], "a1", false), { from: ["a3"], to: ["a1"], removed: ["a3"], added: ["a1"] });
  assert.deepEqual(planStamp(graph, ["a3"], "base", false), { from: ["a3"], to: [], removed: ["a3"], added: [] });
  assert.deepEqual(planStamp(graph, ["a3"], "a3", false), { from: ["a3"], to: ["a3"], removed: [], added: [] });
  assert.deepEqual(planStamp(graph, ["a1"], "+1", false).to, ["a2"], "relative to the current row");
});

test("stamping one branch keeps the row of the other", () => {
  const graph = graphOf(BRANCHED);
  assert.deepEqual(planStamp(graph, ["a1", "b2"], "a2", false), { from: ["a1", "b2"], to: ["a2", "b2"], removed: ["a1"], added: ["a2"] });
  assert.deepEqual(planStamp(graph, ["a2", "b2"], "r0", false).to, ["r0"], "an ancestor of both replaces both");
  assert.deepEqual(planStamp(graph, ["a2"], "heads", false).to, ["a2", "b2"]);
  const diamond = graphOf(DIAMOND);
  assert.deepEqual(planStamp(diamond, ["a2", "b2"], "c1", false), { from: ["a2", "b2"], to: ["c1"], removed: ["a2", "b2"], added: ["c1"] });
});

test("unknown rows need --purge, which removes every row", () => {
  const graph = graphOf(LINEAR);
  throwsRevision(() => planStamp(graph, ["gone", "a1"], "head", false), /^The version table lists gone, which no migration file defines; pass --purge/);
  assert.deepEqual(planStamp(graph, ["gone", "a1"], "a2", true), { from: ["a1", "gone"], to: ["a2"], removed: ["a1", "gone"], added: ["a2"] });
  assert.deepEqual(planStamp(graph, ["a2"], "a2", true), { from: ["a2"], to: ["a2"], removed: ["a2"], added: ["a2"] }, "purge rewrites even an unchanged row");
  throwsRevision(() => planStamp(graph, [], "nope", false), /^Unknown revision 'nope'/);
});
