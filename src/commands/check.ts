/**
 * `retort check [--json] [--strict]`: tells whether `revision --autogenerate` would find
 * anything, for CI. Exit 0 with "No new upgrade operations detected." when entities and
 * database agree; exit 1 with one line per pending operation and the hazards when they differ,
 * or when the database is not at head. With `--strict`, pending operations that lose data
 * exit 3, so that a pipeline can tell them apart from ordinary drift.
 */
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { RetortError } from "../util/errors";
import { countHazards, formatChangeSummary, summarizeOperations } from "./change-summary";
import type { HazardCounts, OperationSummary } from "./change-summary";
import { diffDatabaseWithEntities } from "./compare-schemas";
import type { CommandContext } from "./context";
import { notAtHeadsReason, readCurrentRevisions, withOpenDataSource } from "./database-state";
import { loadProjectDataSource } from "./datasource-session";
import { readMigrationsFolder } from "./migrations-folder";

/** Options of `check`. */
export interface CheckOptions extends RetortOptions {
  readonly json: boolean;
  /** Pending data-loss operations exit 3 instead of 1. */
  readonly strict: boolean;
}

/** `check --json`. */
export interface CheckJson {
  readonly status: "up-to-date" | "pending" | "not-at-head";
  readonly current: readonly string[];
  readonly heads: readonly string[];
  readonly operations: readonly OperationSummary[];
  readonly hazards: HazardCounts;
}

/** Exit code of `check --strict` when a pending operation loses data. */
export const DATA_LOSS_EXIT_CODE = 3;

/** `check` found differences (exit 1), or with `--strict` data loss (exit 3). */
export class PendingChangesError extends RetortError {
  constructor(message: string, exitCode: number) {
    super("revision", message, { exitCode });
  }
}

/** Runs `check`. */
export async function check(options: CheckOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const loaded = await loadProjectDataSource(options, context);
  const capabilities = dialects[loaded.dialect].capabilities;
  const { current, reason, summaries } = await withOpenDataSource(loaded, async (dataSource) => {
    const current = await readCurrentRevisions(dataSource, loaded, options.versionTable);
    const reason = notAtHeadsReason(graph, current);
    if (reason !== undefined) return { current, reason, summaries: [] };
    const ops = await diffDatabaseWithEntities(dataSource, loaded, options, { specs: [], interactive: false }, context);
    return { current, reason, summaries: summarizeOperations(ops, capabilities) };
  });
  const hazards = countHazards(summaries);
  if (options.json) {
    const status = reason !== undefined ? "not-at-head" : summaries.length > 0 ? "pending" : "up-to-date";
    const value: CheckJson = { status, current, heads: graph.heads, operations: summaries, hazards };
    context.reporter.json(value);
  }
  if (reason !== undefined) throw new PendingChangesError(reason, 1);
  if (summaries.length === 0) {
    if (!options.json) context.reporter.info("No new upgrade operations detected.");
    return;
  }
  if (!options.json) for (const line of formatChangeSummary(summaries)) context.reporter.info(line);
  const count = `${summaries.length} new upgrade operation${summaries.length === 1 ? "" : "s"} detected`;
  const next = "run `retort revision --autogenerate -m <message>`";
  if (options.strict && hazards["data-loss"] > 0) {
    throw new PendingChangesError(`${count}, ${hazards["data-loss"]} losing data; ${next} and review it`, DATA_LOSS_EXIT_CODE);
  }
  throw new PendingChangesError(`${count}; ${next}`, 1);
}
