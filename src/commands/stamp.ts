/**
 * `retort stamp <target> [--purge] [--sql]`: sets the version table to a revision without
 * running any migration, for a database whose schema is already there (`stamp head` after
 * adopting retort on an existing database) or to repair the table.
 *
 * As in Alembic, a stamp replaces the rows on the target's own line of history and keeps rows
 * of unrelated branches; `stamp base` empties the table; `--purge` empties it first, which is
 * also how rows naming a deleted migration file are cleared.
 */
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import type { Dialect, QueryExecutor } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";
import { compareOrdinal } from "../revision/order";
import { resolveTarget } from "../revision/resolve";
import { checkCurrentHeads, isAncestor } from "../revision/traverse";
import type { RevisionGraph } from "../revision/types";
import { executorFor } from "../runtime/query-executor";
import { sessionBehaviours } from "../runtime/session";
import { createVersionTableStatement, readVersions, updateVersionStatements } from "../runtime/version-table";
import type { VersionTable } from "../runtime/version-table";
import { RevisionError } from "../util/errors";
import type { CommandContext } from "./context";
import { withOpenDataSource } from "./database-state";
import { loadProjectDataSource } from "./datasource-session";
import { splitOfflineRange } from "./migrate";
import { describeRevisions, readMigrationsFolder } from "./migrations-folder";

/** Options of `stamp`. */
export interface StampOptions extends RetortOptions {
  /** A target; with `--sql` also `from:to`. */
  readonly target: string;
  readonly purge: boolean;
  readonly sql: boolean;
  readonly lockTimeoutSeconds: number;
}

/** The version table before and after a stamp, and the rows that change. */
export interface StampPlan {
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly removed: readonly string[];
  readonly added: readonly string[];
}

/**
 * Works out a stamp (pure). `current` are the rows as stored; with `purge` they are all removed
 * whatever they are, otherwise each must be a known revision.
 * @throws RevisionError for unknown rows without `purge`, or a bad target.
 */
export function planStamp(graph: RevisionGraph, current: readonly string[], target: string, purge: boolean): StampPlan {
  const unknown = current.filter((id) => !graph.nodes.has(id));
  if (!purge && unknown.length > 0) {
    throw new RevisionError(
      `The version table lists ${unknown.join(", ")}, which no migration file defines; pass --purge to replace every row`,
    );
  }
  const kept = purge ? [] : checkCurrentHeads(graph, current);
  const wanted = resolveTarget(graph, target, kept);
  const related = (id: string): boolean =>
    wanted.some((t) => t === id || isAncestor(graph, t, id) || isAncestor(graph, id, t));
  const to = wanted.length === 0 ? [] : [...wanted, ...kept.filter((id) => !related(id))].sort(compareOrdinal);
  const sortedFrom = [...current].sort(compareOrdinal);
  return {
    from: sortedFrom,
    to,
    removed: purge ? sortedFrom : sortedFrom.filter((id) => !to.includes(id)),
    added: to.filter((id) => purge || !sortedFrom.includes(id)),
  };
}

/** Runs `stamp`. */
export async function stamp(options: StampOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const loaded = await loadProjectDataSource(options, context);
  const dialect = dialects[loaded.dialect];
  const table: VersionTable = { name: options.versionTable, dialect };
  if (options.sql) {
    const { from, to } = splitOfflineRange("up", options.target);
    const fromHeads = from === undefined ? [] : resolveTarget(graph, from, []);
    const plan = planStamp(graph, fromHeads, to, options.purge);
    const statements = [createVersionTableStatement(table), { sql: sessionBehaviours[dialect.name].begin }];
    statements.push(...stampStatements(dialect, table, plan, options.purge), { sql: "COMMIT" });
    for (const statement of statements) context.reporter.info(`${statement.sql};`);
    return;
  }
  await withOpenDataSource(loaded, async (dataSource) => {
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      const plan = await stampOnline(executorFor(queryRunner), graph, table, options, context);
      const same = plan.removed.length === 0 && plan.added.length === 0;
      context.reporter.info(
        same
          ? `Nothing to stamp: the database is at ${describeRevisions(plan.to)}`
          : `Stamped ${describeRevisions(plan.from)} -> ${describeRevisions(plan.to)}`,
      );
    } finally {
      await queryRunner.release();
    }
  });
}

async function stampOnline(
  executor: QueryExecutor,
  graph: RevisionGraph,
  table: VersionTable,
  options: StampOptions,
  context: CommandContext,
): Promise<StampPlan> {
  const behaviour = sessionBehaviours[table.dialect.name];
  // The run lock keeps a stamp from interleaving with an upgrade of the same database.
  const release = await behaviour.acquireLock(executor, `retort:${table.name}`, {
    timeoutMs: Math.round(options.lockTimeoutSeconds * 1000),
    onWait: (line) => context.reporter.info(line),
  });
  try {
    await run(executor, createVersionTableStatement(table));
    await run(executor, { sql: behaviour.begin });
    let committed = false;
    try {
      const plan = planStamp(graph, await readVersions(executor, table), options.target, options.purge);
      for (const statement of stampStatements(table.dialect, table, plan, options.purge)) await run(executor, statement);
      await run(executor, { sql: "COMMIT" });
      committed = true;
      return plan;
    } finally {
      if (!committed) await executor.query("ROLLBACK").catch(() => undefined);
    }
  } finally {
    await release();
  }
}

function stampStatements(dialect: Dialect, table: VersionTable, plan: StampPlan, purge: boolean): Statement[] {
  if (!purge) return updateVersionStatements(table, plan.removed, plan.added);
  return [{ sql: `DELETE FROM ${dialect.quoteIdent(table.name)}` }, ...updateVersionStatements(table, [], plan.added)];
}

async function run(executor: QueryExecutor, statement: Statement): Promise<void> {
  await executor.query(statement.sql, statement.params);
}
