import { RevisionError } from "../util/errors";
import { compareByAge, compareOrdinal, sortTopologically } from "./order";
import type { RevisionGraph, RevisionHeader, RevisionNode } from "./types";

/** Words with a meaning in targets; no revision id or branch label may be one of them. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(["head", "heads", "base", "current"]);

/** What to do about a cycle, at the end of its message. */
const breakCycle = "fix the downRevision that points back";

/** Characters that separate parts of a target (`<rev>@head`, `<rev>+2`, `a:b`). */
const ILLEGAL_NAME = /[@+\-:\s]/;

/**
 * Builds and validates the revision graph from a plain list of headers (no I/O). Everything is
 * checked up front so that no command starts on a broken graph:
 * - ids and branch labels are non-empty, contain none of `@ + - :` or spaces, and are not a
 *   reserved word (`head`, `heads`, `base`, `current`);
 * - no id is defined twice (the error names both files);
 * - every down revision exists (the error names the file that refers to it);
 * - no branch label is declared twice or equals a revision id;
 * - the graph has no cycle (the error names the revisions in one cycle).
 *
 * @throws RevisionError describing the first problem found (files are visited in path order).
 */
export function buildRevisionGraph(headers: readonly RevisionHeader[]): RevisionGraph {
  const sorted = [...headers].sort((a, b) => compareOrdinal(a.path, b.path) || compareOrdinal(a.id, b.id));
  const byId = new Map<string, RevisionHeader>();
  for (const header of sorted) {
    checkName(header.id, "revision id", header.path);
    const seen = byId.get(header.id);
    if (seen !== undefined) {
      throw new RevisionError(
        `Revision ${header.id} is defined twice: in ${seen.path} and in ${header.path}; give one of them a new revision id`,
      );
    }
    byId.set(header.id, header);
  }
  for (const header of sorted) checkParents(header, byId);
  const labels = collectLabels(sorted, byId);

  const children = new Map<string, string[]>();
  for (const header of sorted) children.set(header.id, []);
  for (const header of sorted) {
    for (const parent of header.downRevisions) children.get(parent)!.push(header.id);
  }
  const draft = new Map<string, RevisionNode>();
  for (const header of sorted) draft.set(header.id, { ...header, children: children.get(header.id)! });

  const order = sortTopologically(
    sorted.map((h) => h.id),
    (id) => draft.get(id)!,
    (node) => node.downRevisions,
    (node) => node.children,
    compareByAge,
  );
  if (order.length < sorted.length) throw cycleError(draft, new Set(order));

  const rank = new Map<string, number>();
  order.forEach((id, index) => rank.set(id, index));
  const byRank = (a: string, b: string): number => rank.get(a)! - rank.get(b)!;
  const nodes = new Map<string, RevisionNode>();
  for (const id of order) {
    const node = draft.get(id)!;
    nodes.set(id, { ...node, children: [...node.children].sort(byRank) });
  }
  const pick = (test: (node: RevisionNode) => boolean): string[] => order.filter((id) => test(nodes.get(id)!));
  return {
    nodes,
    order,
    rank,
    labels,
    heads: pick((n) => n.children.length === 0),
    bases: pick((n) => n.downRevisions.length === 0),
    branchPoints: pick((n) => n.children.length > 1),
    mergePoints: pick((n) => n.downRevisions.length > 1),
  };
}

function checkName(name: string, what: string, path: string): void {
  if (name.length === 0) throw new RevisionError(`${path}: the ${what} is empty`);
  if (ILLEGAL_NAME.test(name)) {
    throw new RevisionError(`${path}: the ${what} '${name}' contains one of '@', '+', '-', ':' or a space`);
  }
  if (RESERVED_NAMES.has(name)) {
    throw new RevisionError(`${path}: '${name}' is a reserved word and cannot be a ${what}`);
  }
}

function checkParents(header: RevisionHeader, byId: ReadonlyMap<string, RevisionHeader>): void {
  const seen = new Set<string>();
  for (const parent of header.downRevisions) {
    if (seen.has(parent)) {
      throw new RevisionError(`${header.path}: downRevision lists ${parent} twice`);
    }
    seen.add(parent);
    if (parent === header.id) {
      throw new RevisionError(`Cycle detected in revisions: ${header.id} -> ${header.id} (${header.path}); ${breakCycle}`);
    }
    if (!byId.has(parent)) {
      throw new RevisionError(
        `${header.path}: downRevision ${parent} is not defined by any migration file; restore that file or correct downRevision`,
      );
    }
  }
}

function collectLabels(
  headers: readonly RevisionHeader[],
  byId: ReadonlyMap<string, RevisionHeader>,
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const header of headers) {
    for (const label of header.branchLabels ?? []) {
      checkName(label, "branch label", header.path);
      const owner = labels.get(label);
      if (owner !== undefined) {
        throw new RevisionError(
          `Branch label '${label}' is declared twice: in ${byId.get(owner)!.path} and in ${header.path}`,
        );
      }
      const clash = byId.get(label);
      if (clash !== undefined) {
        throw new RevisionError(`${header.path}: branch label '${label}' is also the id of ${clash.path}`);
      }
      labels.set(label, header.id);
    }
  }
  return labels;
}

/**
 * Every revision Kahn's algorithm could not order lies on a cycle or downstream of one. Walking
 * parents that are themselves unordered must therefore come back to a revision already visited:
 * the loop from there is a cycle.
 */
function cycleError(nodes: ReadonlyMap<string, RevisionNode>, ordered: ReadonlySet<string>): RevisionError {
  const stuck = [...nodes.keys()].filter((id) => !ordered.has(id)).sort(compareOrdinal);
  const path: string[] = [];
  const at = new Map<string, number>();
  let current = stuck[0]!;
  while (!at.has(current)) {
    at.set(current, path.length);
    path.push(current);
    const parent = nodes
      .get(current)!
      .downRevisions.filter((p) => !ordered.has(p))
      .sort(compareOrdinal)[0];
    current = parent!;
  }
  const cycle = path.slice(at.get(current)!);
  // Walking parents lists the cycle newest-to-oldest; show it in upgrade direction.
  cycle.reverse();
  const files = cycle.map((id) => nodes.get(id)!.path).join(", ");
  return new RevisionError(`Cycle detected in revisions: ${[...cycle, cycle[0]].join(" -> ")} (${files}); ${breakCycle}`);
}
