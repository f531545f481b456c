import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  appliedRevisions,
  buildRevisionGraph,
  descendants,
  normalizeHeads,
  planDowngrade,
  planRevisions,
  planUpgrade,
} from "../../../src/revision";
import type { Plan, RevisionGraph } from "../../../src/revision";
import { BRANCHED, DIAMOND, LINEAR, MULTI_ROOT, graphOf, headersOf, throwsRevision } from "./build";

/** `[revision, headsAfter]` pairs: the shape most assertions care about. */
function trace(plan: Plan): Array<[string, string[]]> {
  return plan.steps.map((step) => [step.revision, [...step.headsAfter]]);
}

describe("planUpgrade", () => {
  const linear = graphOf(LINEAR);
  const branched = graphOf(BRANCHED);
  const diamond = graphOf(DIAMOND);

  it("linear from base to head", () => {
    const plan = planUpgrade(linear, [], "head");
    assert.deepEqual(trace(plan), [
      ["r0", ["r0"]],
      ["a1", ["a1"]],
      ["a2", ["a2"]],
      ["a3", ["a3"]],
    ]);
    assert.deepEqual(plan.steps[1], {
      revision: "a1",
      direction: "up",
      headsAfter: ["a1"],
      removedHeads: ["r0"],
      addedHeads: ["a1"],
    });
    assert.deepEqual([plan.from, plan.to], [[], ["a3"]]);
  });

  it("linear partial, relative and already-applied targets", () => {
    assert.deepEqual(planRevisions(planUpgrade(linear, ["a1"], "head")), ["a2", "a3"]);
    assert.deepEqual(planRevisions(planUpgrade(linear, ["r0"], "+2")), ["a1", "a2"]);
    assert.deepEqual(planRevisions(planUpgrade(linear, [], "a3-2")), ["r0", "a1"]);
    const noop = planUpgrade(linear, ["a3"], "a1");
    assert.deepEqual([noop.steps, noop.from, noop.to], [[], ["a3"], ["a3"]]);
    assert.deepEqual(planUpgrade(linear, ["a3"], "head").steps, []);
  });

  it("refuses to move down and refuses 'head' with several heads", () => {
    throwsRevision(() => planUpgrade(linear, ["a3"], "-1"), /^'-1' moves down; use `retort downgrade -1`$/);
    throwsRevision(() => planUpgrade(branched, [], "head"), /Multiple heads are present: a2, b2/);
  });

  it("branched: heads applies both branches, interleaved by createdAt", () => {
    const plan = planUpgrade(branched, [], "heads");
    assert.deepEqual(trace(plan), [
      ["r0", ["r0"]],
      ["a1", ["a1"]],
      ["b1", ["a1", "b1"]],
      ["a2", ["a2", "b1"]],
      ["b2", ["a2", "b2"]],
    ]);
    // The second child of the branch point adds a row instead of replacing one.
    assert.deepEqual([plan.steps[2]!.removedHeads, plan.steps[2]!.addedHeads], [[], ["b1"]]);
  });

  it("branched: upgrading one branch leaves the other one alone", () => {
    assert.deepEqual(trace(planUpgrade(branched, ["b2"], "a2")), [
      ["a1", ["a1", "b2"]],
      ["a2", ["a2", "b2"]],
    ]);
    assert.deepEqual(trace(planUpgrade(branched, ["b1"], "a2")), [
      ["a1", ["a1", "b1"]],
      ["a2", ["a2", "b1"]],
    ]);
  });

  it("diamond: the merge replaces both parent rows", () => {
    const plan = planUpgrade(diamond, ["a2", "b1"], "head");
    assert.deepEqual(trace(plan), [
      ["b2", ["a2", "b2"]],
      ["m", ["m"]],
      ["c1", ["c1"]],
    ]);
    assert.deepEqual([plan.steps[1]!.removedHeads, plan.steps[1]!.addedHeads], [["a2", "b2"], ["m"]]);
  });

  it("diamond: upgrading to the merge from one branch applies the other branch first", () => {
    assert.deepEqual(planRevisions(planUpgrade(diamond, ["a2"], "m")), ["b1", "b2", "m"]);
    assert.deepEqual(planRevisions(planUpgrade(diamond, [], "a2")), ["r0", "a1", "a2"]);
    // +1 from a2 walks to its only child, the merge, which needs branch b as well (as in Alembic).
    assert.deepEqual(planRevisions(planUpgrade(diamond, ["a2"], "+1")), ["b1", "b2", "m"]);
  });

  it("multi-root: each root is applied where it is asked for", () => {
    const graph = graphOf(MULTI_ROOT);
    assert.deepEqual(trace(planUpgrade(graph, [], "heads")), [
      ["x0", ["x0"]],
      ["y0", ["x0", "y0"]],
      ["x1", ["x1", "y0"]],
      ["y1", ["x1", "y1"]],
    ]);
    assert.deepEqual(trace(planUpgrade(graph, ["y1"], "x1")), [
      ["x0", ["x0", "y1"]],
      ["x1", ["x1", "y1"]],
    ]);
  });

  it("is deterministic whatever order the headers come in", () => {
    const headers = headersOf(DIAMOND);
    const forward = planUpgrade(buildRevisionGraph(headers), [], "head");
    const backward = planUpgrade(buildRevisionGraph([...headers].reverse()), [], "head");
    assert.deepEqual(backward, forward);
  });
});

describe("planDowngrade", () => {
  const linear = graphOf(LINEAR);
  const branched = graphOf(BRANCHED);
  const diamond = graphOf(DIAMOND);

  it("linear: relative, named and base targets", () => {
    assert.deepEqual(trace(planDowngrade(linear, ["a3"], "-2")), [
      ["a3", ["a2"]],
      ["a2", ["a1"]],
    ]);
    assert.deepEqual(trace(planDowngrade(linear, ["a2"], "r0")), [
      ["a2", ["a1"]],
      ["a1", ["r0"]],
    ]);
    const toBase = planDowngrade(linear, ["a3"], "base");
    assert.deepEqual(planRevisions(toBase), ["a3", "a2", "a1", "r0"]);
    assert.deepEqual(toBase.to, []);
    assert.deepEqual(planDowngrade(linear, ["a3"], "a3").steps, []);
  });

  it("refuses to move up and targets that are not applied", () => {
    throwsRevision(() => planDowngrade(linear, ["a1"], "+1"), /^'\+1' moves up; use `retort upgrade \+1`$/);
    throwsRevision(
      () => planDowngrade(linear, ["a1"], "a3"),
      /^Destination a3 is not a valid downgrade target from current head\(s\) a1: a3 is not applied$/,
    );
    throwsRevision(
      () => planDowngrade(branched, ["a2"], "b1"),
      /not a valid downgrade target from current head\(s\) a2: b1/,
    );
    throwsRevision(() => planDowngrade(linear, [], "a1"), /from current head\(s\) base/);
  });

  it("branched: a target on one branch leaves the other branch applied", () => {
    const plan = planDowngrade(branched, ["a2", "b2"], "a1");
    assert.deepEqual(trace(plan), [["a2", ["a1", "b2"]]]);
    assert.deepEqual([plan.steps[0]!.removedHeads, plan.steps[0]!.addedHeads], [["a2"], ["a1"]]);
  });

  it("branched: downgrading to the branch point removes both branches, newest first", () => {
    assert.deepEqual(trace(planDowngrade(branched, ["a2", "b2"], "r0")), [
      ["b2", ["a2", "b1"]],
      ["a2", ["a1", "b1"]],
      ["b1", ["a1"]],
      ["a1", ["r0"]],
    ]);
  });

  it("diamond: -1 from the merge leaves both parents as heads", () => {
    const plan = planDowngrade(diamond, ["m"], "-1");
    assert.deepEqual(trace(plan), [["m", ["a2", "b2"]]]);
    assert.deepEqual([plan.steps[0]!.removedHeads, plan.steps[0]!.addedHeads], [["m"], ["a2", "b2"]]);
  });

  it("diamond: a target on one branch unapplies the merge and that branch only", () => {
    assert.deepEqual(trace(planDowngrade(diamond, ["c1"], "a1")), [
      ["c1", ["m"]],
      ["m", ["a2", "b2"]],
      ["a2", ["a1", "b2"]],
    ]);
    assert.deepEqual(planRevisions(planDowngrade(diamond, ["c1"], "b2")), ["c1", "m"]);
    assert.deepEqual(planRevisions(planDowngrade(diamond, ["c1"], "base")), ["c1", "m", "b2", "a2", "b1", "a1", "r0"]);
  });

  it("multi-root: only the named root's descendants go", () => {
    const graph = graphOf(MULTI_ROOT);
    assert.deepEqual(trace(planDowngrade(graph, ["x1", "y1"], "x0")), [["x1", ["x0", "y1"]]]);
    assert.deepEqual(trace(planDowngrade(graph, ["x1", "y1"], "base")), [
      ["y1", ["x1", "y0"]],
      ["x1", ["x0", "y0"]],
      ["y0", ["x0"]],
      ["x0", []],
    ]);
  });
});

/**
 * Checks a plan against the definition of the version table: after every step the rows are
 * exactly the maximal applied revisions, and a revision runs only once its parents are applied
 * (up) or its children are unapplied (down).
 */
function checkPlanInvariants(graph: RevisionGraph, current: readonly string[], plan: Plan): Set<string> {
  const applied = new Set(appliedRevisions(graph, current));
  for (const step of plan.steps) {
    const node = graph.nodes.get(step.revision)!;
    if (step.direction === "up") {
      assert.ok(!applied.has(step.revision), `${step.revision} applied twice`);
      assert.ok(
        node.downRevisions.every((p) => applied.has(p)),
        `${step.revision} before its parents`,
      );
      applied.add(step.revision);
    } else {
      assert.ok(applied.has(step.revision), `${step.revision} not applied`);
      assert.ok(
        node.children.every((c) => !applied.has(c)),
        `${step.revision} before its children`,
      );
      applied.delete(step.revision);
    }
    assert.deepEqual(step.headsAfter, normalizeHeads(graph, [...applied]));
  }
  assert.deepEqual(plan.to, normalizeHeads(graph, [...applied]));
  return applied;
}

describe("plans keep the version table consistent for every state and target", () => {
  const shapes = { LINEAR, BRANCHED, DIAMOND, MULTI_ROOT };
  for (const [name, specs] of Object.entries(shapes)) {
    it(name, () => {
      const graph = graphOf(specs);
      // Every consistent state: the applied set of every subset of revisions, normalised.
      const states = new Map<string, string[]>();
      const ids = graph.order;
      for (let mask = 0; mask < 1 << ids.length; mask++) {
        const picked = ids.filter((_, i) => mask & (1 << i));
        const heads = normalizeHeads(graph, picked);
        states.set(heads.join(","), heads);
      }
      let checked = 0;
      for (const current of states.values()) {
        const before = new Set(appliedRevisions(graph, current));
        for (const target of [...ids, "base", "heads"]) {
          const wanted = target === "base" ? [] : target === "heads" ? [...graph.heads] : [target];
          const up = planUpgrade(graph, current, target);
          const afterUp = checkPlanInvariants(graph, current, up);
          assert.deepEqual([...afterUp].sort(), [...new Set([...before, ...appliedRevisions(graph, wanted)])].sort());
          if (wanted.every((id) => before.has(id))) {
            const down = planDowngrade(graph, current, target);
            const afterDown = checkPlanInvariants(graph, current, down);
            const gone = new Set(wanted.length === 0 ? before : descendants(graph, wanted));
            assert.deepEqual([...afterDown].sort(), [...before].filter((id) => !gone.has(id)).sort());
            checked++;
          }
        }
      }
      assert.ok(checked > states.size, `only ${checked} downgrades checked`);
    });
  }
});
