import { RetortError, RevisionError } from "../util/errors";
import { compareByAge, compareOrdinal, sortIds, sortTopologically } from "./order";
import { resolveTarget } from "./resolve";
import { formatTarget, parseTarget } from "./target";
import { appliedRevisions, checkCurrentHeads, descendants, getRevision } from "./traverse";
import type { Plan, PlanStep, RevisionGraph, RevisionHeader, Target } from "./types";

/**
 * Plans an upgrade from the applied heads `current` (the version table rows) to `target`.
 *
 * Semantics (Alembic's, with `implicit_base`):
 * - The target resolves to a set of heads T (see `resolveTarget`). The plan applies every
 *   revision that is in T or an ancestor of T and is not yet applied (applied = `current` and
 *   all their ancestors). Nothing else moves: upgrading to `<rev>` on one branch never touches a
 *   branch that is not an ancestor of `<rev>`, and never unapplies anything.
 * - A target that is already applied (an ancestor of `current`, or `current` itself) gives an
 *   empty plan, not an error.
 * - Order: topological (parents first); among revisions whose parents are all applied, the
 *   oldest `createdAt` runs first, then the smallest id. Deterministic for a given graph.
 * - Version table: applying revision r deletes the rows of r's parents that are heads and
 *   inserts r. So applying the second child of a branch point adds a row (both branches are
 *   applied), and applying a merge replaces its parents' rows by one.
 *
 * `-N` relative to the current revisions is refused here (it moves down); `<rev>-N` is fine.
 * @throws RevisionError for invalid targets or an inconsistent `current`.
 */
export function planUpgrade(graph: RevisionGraph, current: readonly string[], target: Target | string): Plan {
  const parsed = typeof target === "string" ? parseTarget(target) : target;
  if (parsed.kind === "relative" && parsed.anchor.kind === "current" && parsed.steps < 0) {
    throw new RevisionError(`'${formatTarget(parsed)}' moves down; use \`retort downgrade ${formatTarget(parsed)}\``);
  }
  const from = checkCurrentHeads(graph, current);
  const wanted = resolveTarget(graph, parsed, from);
  const applied = new Set(appliedRevisions(graph, from));
  const needed = appliedRevisions(graph, wanted).filter((id) => !applied.has(id));
  const order = sortTopologically(
    needed,
    (id) => getRevision(graph, id),
    (node) => node.downRevisions,
    (node) => node.children,
    compareByAge,
  );

  const heads = new Set(from);
  const steps = order.map((id): PlanStep => {
    const removed = getRevision(graph, id).downRevisions.filter((parent) => heads.has(parent));
    for (const parent of removed) heads.delete(parent);
    heads.add(id);
    return {
      revision: id,
      direction: "up",
      headsAfter: sortIds(heads),
      removedHeads: sortIds(removed),
      addedHeads: [id],
    };
  });
  return { direction: "up", from, to: sortIds(heads), steps };
}

/**
 * Plans a downgrade from the applied heads `current` to `target`.
 *
 * Semantics (Alembic's):
 * - The target resolves to a set of heads T; each must be applied, otherwise the target "is not
 *   a valid downgrade target from current head(s)". `base` (T empty) unapplies everything.
 * - The plan unapplies every applied revision that is a strict descendant of a revision in T.
 *   The target itself stays applied, and so does every branch that does not descend from T:
 *   downgrading to `a1` while branch b is also applied only unapplies a's revisions after a1,
 *   plus any merge that joined a and b (and whatever was applied after that merge).
 * - Downgrading a merge m (for instance `-1` from m, or a target that is one of its parents)
 *   unapplies m alone and leaves both of its parents applied, as two version table rows.
 * - Order: reverse topological (children first); among revisions whose applied children are
 *   all gone, the newest `createdAt` runs first, then the largest id.
 * - Version table: unapplying r deletes r's row and inserts a row for each parent of r that is
 *   no longer below any other applied revision.
 *
 * `+N` relative to the current revisions is refused here (it moves up); `<rev>+N` is fine.
 * @throws RevisionError for invalid targets, unapplied targets or an inconsistent `current`.
 */
export function planDowngrade(graph: RevisionGraph, current: readonly string[], target: Target | string): Plan {
  const parsed = typeof target === "string" ? parseTarget(target) : target;
  if (parsed.kind === "relative" && parsed.anchor.kind === "current" && parsed.steps > 0) {
    throw new RevisionError(`'${formatTarget(parsed)}' moves up; use \`retort upgrade ${formatTarget(parsed)}\``);
  }
  const from = checkCurrentHeads(graph, current);
  const wanted = resolveTarget(graph, parsed, from);
  const applied = new Set(appliedRevisions(graph, from));
  for (const id of wanted) {
    if (!applied.has(id)) {
      throw new RevisionError(
        `Destination ${formatTarget(parsed)} is not a valid downgrade target from current head(s) ${from.join(", ") || "base"}: ${id} is not applied`,
      );
    }
  }
  const doomed = wanted.length === 0 ? [...applied] : descendants(graph, wanted).filter((id) => applied.has(id));
  const order = sortTopologically(
    doomed,
    (id) => getRevision(graph, id),
    (node) => node.children,
    (node) => node.downRevisions,
    (a: RevisionHeader, b: RevisionHeader) => compareByAge(b, a),
  );

  const heads = new Set(from);
  const steps = order.map((id): PlanStep => {
    if (!heads.delete(id)) throw new RetortError("internal", `${id} would be unapplied before its descendants`);
    applied.delete(id);
    const added = getRevision(graph, id).downRevisions.filter(
      (parent) => !getRevision(graph, parent).children.some((child) => applied.has(child)),
    );
    for (const parent of added) heads.add(parent);
    return {
      revision: id,
      direction: "down",
      headsAfter: sortIds(heads),
      removedHeads: [id],
      addedHeads: sortIds(added),
    };
  });
  return { direction: "down", from, to: sortIds(heads), steps };
}

/** Ids of a plan's steps, in order; handy for messages and tests. */
export function planRevisions(plan: Plan): string[] {
  return plan.steps.map((step) => step.revision);
}

/** True when two head lists hold the same ids, in any order. */
export function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  const x = [...a].sort(compareOrdinal);
  const y = [...b].sort(compareOrdinal);
  return x.length === y.length && x.every((id, i) => id === y[i]);
}
