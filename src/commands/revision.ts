/**
 * `retort revision -m MSG [--autogenerate [--strict]]`: writes a new migration. Without
 * `--autogenerate` its `up` and `down` are empty; with it they hold the operations that bring the
 * database (at head) to the entities, and their reverse. `--strict` refuses (exit 3, no file)
 * when any of them loses data, as `check --strict` does.
 *
 * One deliberate difference from Alembic: when autogenerate finds no change, Alembic still
 * writes an empty file; retort writes nothing and says "No changes in schema detected.", so
 * that running it twice never leaves empty migrations behind.
 */
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { reverseAll } from "../ops/reverse";
import { resolveTarget } from "../revision/resolve";
import type { RevisionGraph } from "../revision/types";
import { RevisionError, UsageError } from "../util/errors";
import { countHazards, formatChangeSummary, summarizeOperations } from "./change-summary";
import type { OperationSummary } from "./change-summary";
import { DATA_LOSS_EXIT_CODE, PendingChangesError } from "./check";
import { diffDatabaseWithEntities } from "./compare-schemas";
import type { CommandContext } from "./context";
import { readCurrentRevisions, requireAtHeads, withOpenDataSource } from "./database-state";
import { loadProjectDataSource } from "./datasource-session";
import { readMigrationsFolder } from "./migrations-folder";
import { writeNewRevision } from "./new-revision";

/** Options of `revision`. */
export interface RevisionOptions extends RetortOptions {
  readonly message: string;
  readonly autogenerate: boolean;
  /** `--rev-id`: the new revision's id instead of a random one. */
  readonly revId?: string;
  /** `--head`: the revision the new one follows; the single head by default. */
  readonly head?: string;
  /** `--splice`: allow `--head` to name a revision that is not a head (starts a branch). */
  readonly splice: boolean;
  /** `--rename old->new` specs for autogenerate. */
  readonly renames: readonly string[];
  /** `--strict`: with `--autogenerate`, write nothing and exit 3 when an operation loses data. */
  readonly strict: boolean;
}

/** Runs `revision`. */
export async function revision(options: RevisionOptions, context: CommandContext): Promise<void> {
  if (!options.autogenerate && options.renames.length > 0) throw new UsageError("--rename only applies with --autogenerate");
  if (!options.autogenerate && options.strict) throw new UsageError("--strict only applies with --autogenerate");
  const folder = await readMigrationsFolder(options, context.cwd);
  const downRevisions = chooseParents(folder.graph, options.head, options.splice);
  if (!options.autogenerate) {
    await writeNewRevision(options, folder, { message: options.message, ...revIdOf(options), downRevisions, upOps: [], downOps: [] }, context);
    return;
  }
  const loaded = await loadProjectDataSource(options, context);
  const ops = await withOpenDataSource(loaded, async (dataSource) => {
    requireAtHeads(folder.graph, await readCurrentRevisions(dataSource, loaded, options.versionTable));
    return diffDatabaseWithEntities(dataSource, loaded, options, { specs: options.renames, interactive: true }, context);
  });
  if (ops.length === 0) {
    context.reporter.info("No changes in schema detected.");
    return;
  }
  const capabilities = dialects[loaded.dialect].capabilities;
  if (options.strict) refuseDataLoss(summarizeOperations(ops, capabilities), context);
  await writeNewRevision(
    options,
    folder,
    { message: options.message, ...revIdOf(options), downRevisions, upOps: ops, downOps: reverseAll(ops), capabilities },
    context,
  );
  for (const line of formatChangeSummary(summarizeOperations(ops, capabilities))) context.reporter.info(line);
}

/**
 * `--strict`: prints the operations and hazards, then refuses to write a migration that loses data.
 * @throws PendingChangesError (exit 3, as `check --strict`) when any operation loses data.
 */
function refuseDataLoss(summaries: readonly OperationSummary[], context: CommandContext): void {
  const losing = countHazards(summaries)["data-loss"];
  if (losing === 0) return;
  for (const line of formatChangeSummary(summaries)) context.reporter.info(line);
  const count = `${summaries.length} operation${summaries.length === 1 ? "" : "s"} detected, ${losing} losing data`;
  throw new PendingChangesError(
    `${count}; no migration written (--strict): review the hazards above, then run again without --strict`,
    DATA_LOSS_EXIT_CODE,
  );
}

function revIdOf(options: RevisionOptions): { revId?: string } {
  return options.revId === undefined ? {} : { revId: options.revId };
}

/**
 * The parents of a new revision: the single head, or what `--head` names (`base` starts a new
 * root). As in Alembic, `--head` must name a head unless `--splice` allows branching off an
 * older revision.
 * @throws RevisionError for several heads without `--head`, or a non-head without `--splice`.
 */
export function chooseParents(graph: RevisionGraph, head: string | undefined, splice: boolean): string[] {
  if (head === undefined) {
    if (splice) throw new UsageError("--splice needs --head <rev>: the revision to branch from");
    if (graph.heads.length > 1) {
      throw new RevisionError(
        `Multiple heads are present: ${graph.heads.join(", ")}; pass --head <rev> or run \`retort merge -m <message>\` first`,
      );
    }
    return [...graph.heads];
  }
  const parents = resolveTarget(graph, head, []);
  if (parents.length > 1) {
    throw new RevisionError(`--head ${head} names several revisions (${parents.join(", ")}); name one`);
  }
  for (const id of parents) {
    if (!splice && (graph.nodes.get(id)?.children.length ?? 0) > 0) {
      throw new RevisionError(`Revision ${id} is not a head revision; pass --splice to start a new branch from it`);
    }
  }
  return parents;
}
