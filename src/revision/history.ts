import { RevisionError } from "../util/errors";
import { compareByAge, sortTopologically } from "./order";
import { resolveTarget } from "./resolve";
import { parseTarget } from "./target";
import { appliedRevisions, checkCurrentHeads, descendants, getRevision } from "./traverse";
import type { HistoryEntry, RevisionGraph, RevisionHeader, Target } from "./types";

/** A parsed `history -r lower:upper` range; a missing side defaults to `base` / `heads`. */
export interface RevisionRange {
  readonly lower: Target;
  readonly upper: Target;
}

/**
 * Parses `lower:upper`, `lower:` or `:upper`; each side is any target `parseTarget` accepts.
 * @throws RevisionError when there is no single `:` or a side is malformed.
 */
export function parseRange(text: string): RevisionRange {
  const parts = text.trim().split(":");
  if (parts.length !== 2) {
    throw new RevisionError(`Cannot parse revision range '${text}'; expected <lower>:<upper>, <lower>: or :<upper>`);
  }
  const [lower, upper] = parts.map((part) => part.trim()) as [string, string];
  return {
    lower: lower === "" ? { kind: "base" } : parseTarget(lower),
    upper: upper === "" ? { kind: "heads" } : parseTarget(upper),
  };
}

/**
 * The whole history as data, newest first: children always come before their parents; among
 * revisions that could come next, the newest `createdAt` first, then the largest id. Each entry
 * carries head / base / branch point / merge point markers, and `isCurrent` / `isApplied`
 * against `current` (the version table rows), when given.
 */
export function historyEntries(graph: RevisionGraph, current: readonly string[] = []): HistoryEntry[] {
  return entriesFor(graph, graph.order, checkCurrentHeads(graph, current));
}

/**
 * The entries of `history -r <range>`, newest first: revisions that are the upper target or its
 * ancestors, and are the lower target or its descendants (both ends included, as in Alembic).
 * `base:` and `:heads` are the open ends. Relative forms (`-3:`, `current:`) use `current`.
 * @throws RevisionError when the lower end is not an ancestor of the upper end.
 */
export function iterateRange(
  graph: RevisionGraph,
  range: string | RevisionRange,
  current: readonly string[] = [],
): HistoryEntry[] {
  const parsed = typeof range === "string" ? parseRange(range) : range;
  const heads = checkCurrentHeads(graph, current);
  const upper = resolveTarget(graph, parsed.upper, heads);
  const lower = resolveTarget(graph, parsed.lower, heads);
  const below = new Set(appliedRevisions(graph, upper));
  const missing = lower.find((id) => !below.has(id));
  if (missing !== undefined) {
    throw new RevisionError(
      `Revision ${missing} is not an ancestor of ${upper.length === 0 ? "base" : upper.join(", ")}; swap the ends of the range?`,
    );
  }
  const inRange =
    lower.length === 0 ? [...below] : [...lower, ...descendants(graph, lower)].filter((id) => below.has(id));
  return entriesFor(graph, inRange, heads);
}

function entriesFor(graph: RevisionGraph, ids: readonly string[], current: readonly string[]): HistoryEntry[] {
  const heads = new Set(current);
  const applied = new Set(appliedRevisions(graph, current));
  const newestFirst = sortTopologically(
    ids,
    (id) => getRevision(graph, id),
    (node) => node.children,
    (node) => node.downRevisions,
    (a: RevisionHeader, b: RevisionHeader) => compareByAge(b, a),
  );
  return newestFirst.map((id) => historyEntry(graph, id, heads, applied));
}

/**
 * The history entry of one revision: its place in the graph (head, base, branch/merge point)
 * and whether it is a current head (`current`: the version table rows) or applied.
 */
export function entryOf(graph: RevisionGraph, id: string, current: readonly string[] = []): HistoryEntry {
  const known = current.filter((head) => graph.nodes.has(head));
  return historyEntry(graph, id, new Set(current), new Set(appliedRevisions(graph, known)));
}

function historyEntry(
  graph: RevisionGraph,
  id: string,
  current: ReadonlySet<string>,
  applied: ReadonlySet<string>,
): HistoryEntry {
  const node = getRevision(graph, id);
  return {
    id,
    downRevisions: node.downRevisions,
    children: node.children,
    message: node.message,
    createdAt: node.createdAt,
    path: node.path,
    branchLabels: node.branchLabels ?? [],
    isHead: node.children.length === 0,
    isBase: node.downRevisions.length === 0,
    isBranchPoint: node.children.length > 1,
    isMergePoint: node.downRevisions.length > 1,
    isCurrent: current.has(id),
    isApplied: applied.has(id),
  };
}
