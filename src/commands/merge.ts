/**
 * `retort merge -m MSG [revs...] [--rev-id ID]`: writes a revision whose parents are the given
 * revisions (all heads by default), joining branches back into one line of history. Its `up`
 * and `down` are empty; edit them when the branches need reconciling.
 */
import type { RetortOptions } from "../config/options";
import { compareOrdinal } from "../revision/order";
import { resolveTarget } from "../revision/resolve";
import { isAncestor, sortByRank } from "../revision/traverse";
import type { RevisionGraph } from "../revision/types";
import { RevisionError } from "../util/errors";
import type { CommandContext } from "./context";
import { readMigrationsFolder } from "./migrations-folder";
import { writeNewRevision } from "./new-revision";

/** Options of `merge`. */
export interface MergeOptions extends RetortOptions {
  readonly message: string;
  /** Revisions to merge (ids, prefixes, labels, `heads`); all heads when empty. */
  readonly revisions: readonly string[];
  readonly revId?: string;
}

/** Runs `merge`. */
export async function merge(options: MergeOptions, context: CommandContext): Promise<void> {
  const folder = await readMigrationsFolder(options, context.cwd);
  const parents = chooseMergeParents(folder.graph, options.revisions);
  await writeNewRevision(
    options,
    folder,
    {
      message: options.message,
      ...(options.revId === undefined ? {} : { revId: options.revId }),
      downRevisions: parents,
      upOps: [],
      downOps: [],
    },
    context,
  );
  context.reporter.info(`  merges ${parents.join(", ")}`);
}

/**
 * The parents of a merge, in graph order: at least two distinct revisions, none an ancestor of
 * another (merging a revision with its own descendant would join nothing).
 * @throws RevisionError naming the problem.
 */
export function chooseMergeParents(graph: RevisionGraph, refs: readonly string[]): string[] {
  const wanted = refs.length === 0 ? ["heads"] : refs;
  const ids = [...new Set(wanted.flatMap((ref) => resolveTarget(graph, ref, [])))].sort(compareOrdinal);
  if (ids.length < 2) {
    throw new RevisionError(
      refs.length === 0
        ? `Nothing to merge: there ${graph.heads.length === 1 ? "is one head" : "are no revisions"}`
        : `A merge needs at least two revisions; ${ids.length === 0 ? "none" : `only ${ids[0]}`} given`,
    );
  }
  for (const a of ids) {
    for (const b of ids) {
      if (a !== b && isAncestor(graph, a, b)) {
        throw new RevisionError(`Cannot merge ${a} with its descendant ${b}; name revisions on different branches`);
      }
    }
  }
  return sortByRank(graph, ids);
}
