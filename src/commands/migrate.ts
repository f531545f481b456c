/**
 * `retort upgrade <target>` and `retort downgrade <target>`: run migrations along the revision
 * graph (one transaction per migration with its version-table change, under the run lock), or
 * with `--sql` print the SQL they would send, without connecting.
 */
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { resolveTarget } from "../revision/resolve";
import type { Direction } from "../revision/types";
import { renderOfflineSql } from "../runtime/offline";
import { runMigrations } from "../runtime/runner";
import type { TransactionMode } from "../runtime/runner";
import { UsageError } from "../util/errors";
import type { CommandContext } from "./context";
import { readCurrentRevisions, withOpenDataSource } from "./database-state";
import { excludedTables, loadProjectDataSource } from "./datasource-session";
import { createMigrationLoader, describeRevisions, readMigrationsFolder } from "./migrations-folder";

/** Options of `upgrade` and `downgrade`. */
export interface MigrateOptions extends RetortOptions {
  /** `head`, `+1`, `-1`, `base`, an id or prefix, `<rev>+N`; with `--sql` also `from:to`. */
  readonly target: string;
  /** Print the SQL instead of running it. */
  readonly sql: boolean;
  /** `each`: a transaction per migration (default); `all`: one for the whole run. */
  readonly transactionMode: TransactionMode;
  /** How long to wait for another run's lock. */
  readonly lockTimeoutSeconds: number;
}

/** Runs `upgrade`. */
export function upgrade(options: MigrateOptions, context: CommandContext): Promise<void> {
  return migrate("up", options, context);
}

/** Runs `downgrade`. */
export function downgrade(options: MigrateOptions, context: CommandContext): Promise<void> {
  return migrate("down", options, context);
}

async function migrate(direction: Direction, options: MigrateOptions, context: CommandContext): Promise<void> {
  const folder = await readMigrationsFolder(options, context.cwd);
  const loadMigration = createMigrationLoader(folder.graph, context.cwd);
  const loaded = await loadProjectDataSource(options, context);
  const dialect = dialects[loaded.dialect];
  if (options.sql) {
    const { from, to } = splitOfflineRange(direction, options.target);
    const fromHeads = from === undefined ? [] : resolveTarget(folder.graph, from, []);
    const sql = await renderOfflineSql(
      { dialect, versionTable: options.versionTable, graph: folder.graph, loadMigration },
      direction,
      fromHeads,
      to,
    );
    for (const line of sql.replace(/\n$/, "").split("\n")) context.reporter.info(line);
    return;
  }
  if (options.target.includes(":")) {
    throw new UsageError(`'${options.target}' is a range; ranges (from:to) are only accepted with --sql`);
  }
  await withOpenDataSource(loaded, async (dataSource) => {
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.connect();
    let applied: readonly unknown[];
    try {
      applied = await runMigrations(
        {
          queryRunner,
          dialect,
          versionTable: options.versionTable,
          graph: folder.graph,
          loadMigration,
          excludeTables: excludedTables(options, loaded),
          reporter: context.reporter,
          transactionMode: options.transactionMode,
          lockTimeoutMs: Math.round(options.lockTimeoutSeconds * 1000),
        },
        direction,
        options.target,
      );
    } finally {
      await queryRunner.release();
    }
    if (applied.length === 0) {
      const current = await readCurrentRevisions(dataSource, loaded, options.versionTable);
      context.reporter.info(`Nothing to ${direction === "up" ? "upgrade" : "downgrade"}: the database is at ${describeRevisions(current)}`);
    }
  });
}

/**
 * Alembic's offline ranges: `from:to` starts from `from` as if the database were there;
 * without a range an upgrade starts from base, and a downgrade needs one (there is no database
 * to say where it starts).
 */
export function splitOfflineRange(direction: Direction, target: string): { from?: string; to: string } {
  const parts = target.split(":");
  if (parts.length > 2 || parts.some((part) => part.trim() === "")) {
    throw new UsageError(`Cannot read the range '${target}'; expected <from>:<to>, e.g. base:head`);
  }
  if (parts.length === 2) return { from: parts[0]!.trim(), to: parts[1]!.trim() };
  if (direction === "down") {
    throw new UsageError(`downgrade --sql needs a <from>:<to> range, e.g. \`retort downgrade head:${target} --sql\``);
  }
  return { to: target };
}
