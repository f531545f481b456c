import type { Dialect, DialectName, QueryExecutor, Row } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";
import { RevisionError } from "../util/errors";

/**
 * The version table holds one row per applied head (several while branches are applied side by
 * side), as Alembic's `alembic_version` does. It lives in the connection's default schema.
 */
export interface VersionTable {
  readonly name: string;
  readonly dialect: Dialect;
}

const column = "version_num";

/** `CREATE TABLE IF NOT EXISTS` for the version table. */
export function createVersionTableStatement(table: VersionTable): Statement {
  const q = table.dialect.quoteIdent;
  return {
    sql: `CREATE TABLE IF NOT EXISTS ${q(table.name)} (${q(column)} varchar(64) NOT NULL, CONSTRAINT ${q(`${table.name}_pkc`)} PRIMARY KEY (${q(column)}))`,
  };
}

/** Statements that turn the rows `removed` into the rows `added`. */
export function updateVersionStatements(
  table: VersionTable,
  removed: readonly string[],
  added: readonly string[],
): Statement[] {
  const q = table.dialect.quoteIdent;
  const l = table.dialect.quoteLiteral;
  return [
    ...removed.map((id) => ({ sql: `DELETE FROM ${q(table.name)} WHERE ${q(column)} = ${l(id)}` })),
    ...added.map((id) => ({ sql: `INSERT INTO ${q(table.name)} (${q(column)}) VALUES (${l(id)})` })),
  ];
}

/** The catalog query telling whether a table of the default schema exists, per dialect. */
const existsQuery: Readonly<Record<DialectName, (table: VersionTable) => Statement>> = {
  postgres: (table) => ({
    sql: "SELECT to_regclass($1) IS NOT NULL AS present",
    params: [table.dialect.quoteIdent(table.name)],
  }),
  sqlite: (table) => ({
    sql: "SELECT count(*) AS present FROM sqlite_master WHERE type = 'table' AND name = ?",
    params: [table.name],
  }),
};

/** Whether the version table exists (a single catalog query). */
export async function versionTableExists(executor: QueryExecutor, table: VersionTable): Promise<boolean> {
  const query = existsQuery[table.dialect.name](table);
  const rows = await executor.query(query.sql, query.params);
  const present = rows[0]?.present;
  return present === true || Number(present) > 0;
}

/** The catalog query telling whether the version table has its column, per dialect. */
const columnQuery: Readonly<Record<DialectName, (table: VersionTable) => Statement>> = {
  postgres: (table) => ({
    sql: "SELECT count(*)::int AS present FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = $2 AND NOT attisdropped",
    params: [table.dialect.quoteIdent(table.name), column],
  }),
  sqlite: (table) => ({
    sql: "SELECT count(*) AS present FROM pragma_table_info(?) WHERE name = ?",
    params: [table.name, column],
  }),
};

/**
 * The applied heads, sorted; empty when the table does not exist yet.
 * @throws RevisionError when the table exists without its `version_num` column (edited by hand).
 */
export async function readVersions(executor: QueryExecutor, table: VersionTable): Promise<string[]> {
  if (!(await versionTableExists(executor, table))) return [];
  let rows: Row[];
  try {
    rows = await executor.query(`SELECT ${table.dialect.quoteIdent(column)} AS v FROM ${table.dialect.quoteIdent(table.name)}`);
  } catch (error) {
    // Only now, on the rare failure, look at the columns (a query every read would cost more).
    if ((await hasVersionColumn(executor, table)) === false) {
      throw new RevisionError(
        `The version table ${table.name} has no column ${column}; restore it or drop the table and \`retort stamp\` the current revision`,
        { cause: error },
      );
    }
    throw error;
  }
  return rows.map((row) => String(row.v)).sort();
}

/** Whether the version table has its column; undefined when that cannot be told (an aborted transaction). */
async function hasVersionColumn(executor: QueryExecutor, table: VersionTable): Promise<boolean | undefined> {
  const query = columnQuery[table.dialect.name](table);
  try {
    const rows = await executor.query(query.sql, query.params);
    return Number(rows[0]?.present) > 0;
  } catch {
    return undefined;
  }
}

/**
 * Creates the version table unless it exists. The runner calls this holding the run lock, but a
 * process that does not take it (an older retort, a hand-run script) can still race us, and on
 * PostgreSQL two concurrent `CREATE TABLE IF NOT EXISTS` can both pass the existence check and
 * one then fails on the catalog's unique index (`pg_type_typname_nsp_index`, SQLSTATE 23505) or
 * with 42P07. So: check first (a catalog read, no lock, no notice), create, and when creating
 * fails, look again (after `around` has rolled back) and only rethrow if the table is still missing.
 * @param around runs the creation, e.g. inside a transaction that takes SQLite's write lock.
 */
export async function ensureVersionTable(
  executor: QueryExecutor,
  table: VersionTable,
  around: (create: () => Promise<void>) => Promise<void> = (create) => create(),
): Promise<void> {
  if (await versionTableExists(executor, table)) return;
  const statement = createVersionTableStatement(table);
  try {
    await around(async () => {
      await executor.query(statement.sql, statement.params);
    });
  } catch (error) {
    if (!(await versionTableExists(executor, table))) throw error;
  }
}
