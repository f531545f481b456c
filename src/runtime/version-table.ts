import type { Dialect, DialectName, QueryExecutor } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";

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

/** The applied heads, sorted; empty when the table does not exist yet. */
export async function readVersions(executor: QueryExecutor, table: VersionTable): Promise<string[]> {
  if (!(await versionTableExists(executor, table))) return [];
  const rows = await executor.query(`SELECT ${table.dialect.quoteIdent(column)} AS v FROM ${table.dialect.quoteIdent(table.name)}`);
  return rows.map((row) => String(row.v)).sort();
}
