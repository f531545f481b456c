import { RevisionError } from "../util/errors";
import { compareOrdinal } from "./order";
import type { RevisionGraph, RevisionNode } from "./types";

/**
 * The node of a revision id (exact id only; prefixes and labels go through `resolveTarget`).
 * @throws RevisionError when no migration file defines `id`.
 */
export function getRevision(graph: RevisionGraph, id: string): RevisionNode {
  const node = graph.nodes.get(id);
  if (node === undefined) throw new RevisionError(`Unknown revision ${id}: no migration file defines it`);
  return node;
}

/**
 * All revisions reachable from `ids` through down revisions, not counting the starting ids
 * themselves (unless one of them is an ancestor of another). Returned in graph order.
 */
export function ancestors(graph: RevisionGraph, ids: string | readonly string[]): string[] {
  return walk(graph, ids, (node) => node.downRevisions);
}

/**
 * All revisions that descend from `ids`, not counting the starting ids themselves (unless one
 * of them descends from another). Returned in graph order.
 */
export function descendants(graph: RevisionGraph, ids: string | readonly string[]): string[] {
  return walk(graph, ids, (node) => node.children);
}

/**
 * The revisions applied when the version table holds `heads`: the heads and all their
 * ancestors. Returned in graph order.
 */
export function appliedRevisions(graph: RevisionGraph, heads: readonly string[]): string[] {
  const reached = new Set(walk(graph, heads, (node) => node.downRevisions));
  for (const id of heads) reached.add(id);
  return sortByRank(graph, reached);
}

/** True when `ancestor` is a strict ancestor of `id`. */
export function isAncestor(graph: RevisionGraph, ancestor: string, id: string): boolean {
  const limit = graph.rank.get(ancestor);
  if (limit === undefined || limit >= (graph.rank.get(id) ?? -1)) return false;
  const seen = new Set<string>();
  const todo = [id];
  while (todo.length > 0) {
    for (const parent of getRevision(graph, todo.pop()!).downRevisions) {
      if (parent === ancestor) return true;
      // A parent ranked before `ancestor` cannot reach it: ranks grow from parent to child.
      if (!seen.has(parent) && graph.rank.get(parent)! > limit) {
        seen.add(parent);
        todo.push(parent);
      }
    }
  }
  return false;
}

/**
 * Drops duplicates and every id that is an ancestor of another id in the list, leaving the set
 * of heads a version table would store for that state. Sorted by id.
 */
export function normalizeHeads(graph: RevisionGraph, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)];
  for (const id of unique) getRevision(graph, id);
  const covered = new Set(ancestors(graph, unique));
  return unique.filter((id) => !covered.has(id)).sort(compareOrdinal);
}

/**
 * Checks the version table contents: every id exists and none is an ancestor of another.
 * @returns the heads sorted by id.
 * @throws RevisionError naming the unknown or redundant revision.
 */
export function checkCurrentHeads(graph: RevisionGraph, current: readonly string[]): string[] {
  for (const id of current) {
    if (!graph.nodes.has(id)) {
      // A hand-edited row may be empty: quote it then, or the message reads "at revision ,".
      const shown = id.trim() === "" ? `an empty revision id '${id}'` : `revision ${id}`;
      throw new RevisionError(
        `The database is at ${shown}, which no migration file defines; restore the file or run \`retort stamp --purge <revision>\``,
      );
    }
  }
  const unique = [...new Set(current)];
  const covered = new Set(ancestors(graph, unique));
  const redundant = unique.filter((id) => covered.has(id)).sort(compareOrdinal);
  if (redundant.length > 0) {
    const over = unique.find((other) => isAncestor(graph, redundant[0]!, other))!;
    throw new RevisionError(
      `The version table is inconsistent: it lists ${redundant[0]} and its descendant ${over}; repair it with \`retort stamp --purge <revision>\``,
    );
  }
  return unique.sort(compareOrdinal);
}

/** Sorts ids by their position in the graph's topological order. */
export function sortByRank(graph: RevisionGraph, ids: Iterable<string>): string[] {
  return [...ids].sort((a, b) => graph.rank.get(a)! - graph.rank.get(b)!);
}

function walk(
  graph: RevisionGraph,
  ids: string | readonly string[],
  next: (node: RevisionNode) => readonly string[],
): string[] {
  const starts = typeof ids === "string" ? [ids] : ids;
  const seen = new Set<string>();
  const todo = [...starts];
  for (const id of starts) getRevision(graph, id);
  while (todo.length > 0) {
    for (const other of next(getRevision(graph, todo.pop()!))) {
      if (!seen.has(other)) {
        seen.add(other);
        todo.push(other);
      }
    }
  }
  return sortByRank(graph, seen);
}
