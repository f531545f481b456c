import { assertNever } from "../util/assert-never";
import { RevisionError } from "../util/errors";
import { compareOrdinal } from "./order";
import { formatTarget, parseTarget } from "./target";
import { checkCurrentHeads, getRevision, isAncestor, normalizeHeads } from "./traverse";
import type { RevisionGraph, Target, TargetAnchor } from "./types";

/**
 * Shortest id prefix accepted. Alembic takes any unique prefix; we ask for four characters so
 * that a typo like `a` or `1` is reported as unknown instead of silently picking a revision, and
 * so that a prefix stays unique as the folder grows (16^4 = 65536 values). Full ids and branch
 * labels of any length always match exactly.
 */
export const MIN_PREFIX_LENGTH = 4;

/** How many candidates an "ambiguous" message lists before saying "and N more". */
const MAX_LISTED = 8;

/**
 * Turns a revision reference into an id: an exact id, then a branch label, then a unique prefix
 * of at least {@link MIN_PREFIX_LENGTH} characters.
 * @throws RevisionError for an unknown revision, a short prefix or an ambiguous prefix (listing
 *   the candidates).
 */
export function resolveRevisionRef(graph: RevisionGraph, ref: string): string {
  if (graph.nodes.has(ref)) return ref;
  const labelled = graph.labels.get(ref);
  if (labelled !== undefined) return labelled;
  if (ref.length < MIN_PREFIX_LENGTH) {
    throw new RevisionError(
      `Unknown revision '${ref}': no revision id or branch label matches (id prefixes need at least ${MIN_PREFIX_LENGTH} characters)`,
    );
  }
  const candidates = graph.order.filter((id) => id.startsWith(ref)).sort(compareOrdinal);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length === 0) {
    throw new RevisionError(`Unknown revision '${ref}': no revision id, id prefix or branch label matches`);
  }
  throw new RevisionError(`Revision prefix '${ref}' is ambiguous; it matches ${listIds(candidates)}; give more characters`);
}

/**
 * Resolves a target to the set of heads the version table would hold at that target (sorted by
 * id; empty means base). `current` is the database's applied heads, used by `current`, `+N` and
 * `-N`.
 *
 * Relative steps move one revision at a time and must never have to choose:
 * - a step up from a single revision goes to its only child (from base: the only base); several
 *   children (a branch point) or several bases make the step ambiguous. A step up from several
 *   heads is allowed when exactly one revision is a child of any of them (typically the merge
 *   that joins them); the other heads stay.
 * - a step down from a single revision goes to all of its parents at once, so `-1` from a merge
 *   gives both merged heads; a step down from several heads is ambiguous.
 * Moving past base or past a head is an error that says how many steps were possible.
 *
 * @throws RevisionError for unknown or ambiguous revisions, several heads where `head` needs one
 *   ("Multiple heads are present: a, b; ..."), and relative steps that are ambiguous or go too far.
 */
export function resolveTarget(
  graph: RevisionGraph,
  target: Target | string,
  current: readonly string[] = [],
): string[] {
  const parsed = typeof target === "string" ? parseTarget(target) : target;
  switch (parsed.kind) {
    case "relative":
      return walkSteps(graph, parsed.anchor, parsed.steps, current, formatTarget(parsed));
    case "current":
    case "head":
    case "heads":
    case "base":
    case "revision":
    case "branch-head":
      return resolveAnchor(graph, parsed, current);
    default:
      return assertNever(parsed, "target");
  }
}

function resolveAnchor(graph: RevisionGraph, anchor: TargetAnchor, current: readonly string[]): string[] {
  switch (anchor.kind) {
    case "current":
      return checkCurrentHeads(graph, current);
    case "head":
      if (graph.heads.length > 1) throw multipleHeads(graph.heads);
      return [...graph.heads];
    case "heads":
      return [...graph.heads].sort(compareOrdinal);
    case "base":
      return [];
    case "revision":
      return [resolveRevisionRef(graph, anchor.ref)];
    case "branch-head": {
      const from = resolveRevisionRef(graph, anchor.ref);
      const heads = graph.heads.filter((h) => h === from || isAncestor(graph, from, h));
      if (heads.length > 1) throw multipleHeads(heads, ` above ${anchor.ref}`);
      return heads;
    }
    default:
      return assertNever(anchor, "target anchor");
  }
}

function walkSteps(
  graph: RevisionGraph,
  anchor: TargetAnchor,
  steps: number,
  current: readonly string[],
  text: string,
): string[] {
  let state = resolveAnchor(graph, anchor, current);
  const total = Math.abs(steps);
  for (let done = 0; done < total; done++) {
    state = steps > 0 ? stepUp(graph, state, text, done, total) : stepDown(graph, state, text, done, anchor);
  }
  return state;
}

function stepUp(graph: RevisionGraph, state: readonly string[], text: string, done: number, total: number): string[] {
  const candidates =
    state.length === 0
      ? [...graph.bases]
      : [...new Set(state.flatMap((id) => getRevision(graph, id).children))].sort(compareOrdinal);
  const where = state.length === 0 ? "base" : state.join(", ");
  if (candidates.length === 0) {
    throw new RevisionError(
      `Relative target '${text}' goes past head: ${where} has no later revision (${done} of ${total} steps possible)`,
    );
  }
  if (candidates.length > 1) {
    const what = state.length === 0 ? "there are several bases" : `${where} is followed by several revisions`;
    throw new RevisionError(
      `Relative target '${text}' is ambiguous: ${what}: ${listIds(candidates)}; name the revision instead`,
    );
  }
  return normalizeHeads(graph, [...state, candidates[0]!]);
}

function stepDown(
  graph: RevisionGraph,
  state: readonly string[],
  text: string,
  done: number,
  anchor: TargetAnchor,
): string[] {
  if (state.length === 0) {
    throw new RevisionError(
      `Relative target '${text}' goes past base: only ${done} step${done === 1 ? "" : "s"} down ${done === 1 ? "is" : "are"} possible`,
    );
  }
  if (state.length > 1) {
    const who =
      done === 0 && anchor.kind === "current" ? "the database is at several heads" : "that point has several heads";
    throw new RevisionError(
      `Relative target '${text}' is ambiguous: ${who} (${listIds(state)}); name the revision to go back to instead`,
    );
  }
  return normalizeHeads(graph, getRevision(graph, state[0]!).downRevisions);
}

/** The error for `head` (or `<ref>@head`) when the graph has several heads. */
export function multipleHeads(heads: readonly string[], where = ""): RevisionError {
  return new RevisionError(
    `Multiple heads are present${where}: ${[...heads].sort(compareOrdinal).join(", ")}; name one, use \`heads\` for all of them, or join them with \`retort merge -m <message>\``,
  );
}

function listIds(ids: readonly string[]): string {
  if (ids.length <= MAX_LISTED) return ids.join(", ");
  return `${ids.slice(0, MAX_LISTED).join(", ")} and ${ids.length - MAX_LISTED} more`;
}
