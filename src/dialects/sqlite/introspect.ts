import type { IntrospectOptions, QueryExecutor, Row } from "../dialect";
import type { SchemaModel } from "../../model/types";
import { RetortError } from "../../util/errors";
import { textCell } from "./catalog-rows";
import type { SqliteCatalogRows } from "./catalog-rows";
import { buildSqliteModel } from "./parse-catalog";

/**
 * Which tables of `sqlite_master` (alias `m`) to read: not SQLite's own (`sqlite_*`, e.g.
 * sqlite_sequence), not virtual tables, not the excluded ones (bound as parameters).
 */
function tableFilter(excludeTables: readonly string[]): string {
  const excluded = excludeTables.length === 0 ? "" : ` AND m.name NOT IN (${excludeTables.map(() => "?").join(", ")})`;
  return `m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'${excluded}`;
}

/**
 * Tables with their CREATE TABLE text, one row per column (pragma_table_xinfo also lists
 * generated columns). The text comes on each table's first row only (cid 0): repeated on every
 * column row it was most of the memory the query took.
 */
function columnsQuery(filter: string): string {
  return `SELECT m.name AS table_name, CASE WHEN c.cid = 0 THEN m.sql END AS table_sql, c.cid AS cid, c.name AS column_name, c.type AS column_type,
  c."notnull" AS not_null, c.dflt_value AS default_value, c.pk AS pk, c.hidden AS hidden
FROM sqlite_master AS m JOIN pragma_table_xinfo(m.name, 'main') AS c
WHERE ${filter}
ORDER BY m.name, c.cid`;
}

/** Every index of every table, one row per key column, with its CREATE INDEX text (NULL for autoindexes). */
function indexesQuery(filter: string): string {
  return `SELECT m.name AS table_name, il.name AS index_name, il."unique" AS is_unique, il.origin AS origin,
  ii.seqno AS seqno, ii.cid AS cid, ii.name AS column_name, ix.sql AS index_sql
FROM sqlite_master AS m
  JOIN pragma_index_list(m.name, 'main') AS il
  JOIN pragma_index_info(il.name, 'main') AS ii
  LEFT JOIN sqlite_master AS ix ON ix.type = 'index' AND ix.name = il.name
WHERE ${filter}
ORDER BY m.name, il.name, ii.seqno`;
}

/** Every foreign key of every table, one row per column pair. */
function foreignKeysQuery(filter: string): string {
  return `SELECT m.name AS table_name, fk.id AS id, fk.seq AS seq, fk."table" AS referenced_table,
  fk."from" AS from_column, fk."to" AS to_column, fk.on_update AS on_update, fk.on_delete AS on_delete
FROM sqlite_master AS m JOIN pragma_foreign_key_list(m.name, 'main') AS fk
WHERE ${filter}
ORDER BY m.name, fk.id, fk.seq`;
}

const viewsQuery = `SELECT name AS view_name, sql AS view_sql FROM sqlite_master WHERE type = 'view' ORDER BY name`;

/**
 * The same catalog in one row per table: its CREATE TABLE text and its columns, index columns
 * and foreign-key columns as JSON arrays (in the orders of the three row queries above). Reading
 * 2000 rows of four cells is about twice as fast as 28,000 rows of eight: the driver builds a
 * JavaScript object per row, which costs more than SQLite's work and `JSON.parse` together.
 * `ORDER BY` inside an aggregate needs SQLite 3.44 (the better-sqlite3 12 this project installs
 * bundles 3.53); on an older one, or one without JSON functions, the query fails and the row
 * queries are used instead.
 */
function aggregatedTablesQuery(filter: string): string {
  return `SELECT m.name AS table_name, m.sql AS table_sql,
  (SELECT json_group_array(json_array(c.cid, c.name, c.type, c."notnull", c.dflt_value, c.pk, c.hidden) ORDER BY c.cid)
    FROM pragma_table_xinfo(m.name, 'main') AS c) AS columns,
  (SELECT json_group_array(json_array(il.name, il."unique", il.origin, ii.seqno, ii.cid, ii.name) ORDER BY il.name, ii.seqno)
    FROM pragma_index_list(m.name, 'main') AS il JOIN pragma_index_info(il.name, 'main') AS ii) AS indexes,
  (SELECT json_group_array(json_array(fk.id, fk.seq, fk."table", fk."from", fk."to", fk.on_update, fk.on_delete) ORDER BY fk.id, fk.seq)
    FROM pragma_foreign_key_list(m.name, 'main') AS fk) AS foreign_keys
FROM sqlite_master AS m
WHERE ${filter}
ORDER BY m.name`;
}

/** CREATE INDEX and CREATE VIEW texts (autoindexes have none), for the aggregated read. */
const definitionsQuery = `SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'view') AND sql IS NOT NULL ORDER BY name`;

/** A cell holding a JSON array of arrays (what `json_group_array(json_array(...))` returns). */
function jsonRows(row: Row, key: string): unknown[][] {
  const parsed: unknown = JSON.parse(textCell(row, key));
  if (!Array.isArray(parsed) || !parsed.every((item) => Array.isArray(item))) {
    throw new RetortError(
      "internal",
      `SQLite catalog cell ${key} of table ${String(row.table_name)} is not a JSON array of rows`,
    );
  }
  return parsed as unknown[][];
}

/** The row-query shapes (`SqliteCatalogRows`) from the aggregated rows, so one builder reads both. */
function rowsFromAggregated(tables: readonly Row[], definitions: readonly Row[]): SqliteCatalogRows {
  const indexSql = new Map<string, string>();
  const views: Row[] = [];
  for (const row of definitions) {
    const name = textCell(row, "name");
    const sql = textCell(row, "sql");
    if (textCell(row, "type") === "view") views.push({ view_name: name, view_sql: sql });
    else indexSql.set(name, sql);
  }
  const columns: Row[] = [];
  const indexes: Row[] = [];
  const foreignKeys: Row[] = [];
  for (const table of tables) {
    const table_name = textCell(table, "table_name");
    const table_sql = textCell(table, "table_sql");
    for (const [cid, column_name, column_type, not_null, default_value, pk, hidden] of jsonRows(table, "columns")) {
      columns.push({
        table_name,
        table_sql: cid === 0 ? table_sql : null,
        cid,
        column_name,
        column_type,
        not_null,
        default_value,
        pk,
        hidden,
      });
    }
    for (const [index_name, is_unique, origin, seqno, cid, column_name] of jsonRows(table, "indexes")) {
      const index_sql = typeof index_name === "string" ? (indexSql.get(index_name) ?? null) : null;
      indexes.push({ table_name, index_name, is_unique, origin, seqno, cid, column_name, index_sql });
    }
    for (const [id, seq, referenced_table, from_column, to_column, on_update, on_delete] of jsonRows(
      table,
      "foreign_keys",
    )) {
      foreignKeys.push({ table_name, id, seq, referenced_table, from_column, to_column, on_update, on_delete });
    }
  }
  return { columns, indexes, foreignKeys, views };
}

/** The four row queries: what every SQLite answers. */
async function readCatalogRows(
  executor: QueryExecutor,
  filter: string,
  params: readonly string[],
): Promise<SqliteCatalogRows> {
  const columns = await executor.query(columnsQuery(filter), params);
  const indexes = await executor.query(indexesQuery(filter), params);
  const foreignKeys = await executor.query(foreignKeysQuery(filter), params);
  const views = await executor.query(viewsQuery);
  return { columns, indexes, foreignKeys, views };
}

/** The aggregated read (two queries), or undefined when this SQLite cannot run it. */
async function readAggregatedCatalog(
  executor: QueryExecutor,
  filter: string,
  params: readonly string[],
): Promise<SqliteCatalogRows | undefined> {
  let tables: Row[];
  try {
    tables = await executor.query(aggregatedTablesQuery(filter), params);
  } catch (error) {
    if (/syntax error|no such function/i.test(error instanceof Error ? error.message : String(error))) return undefined;
    throw error;
  }
  return rowsFromAggregated(tables, await executor.query(definitionsQuery));
}

/** How to read the catalog: `aggregated` (the default) falls back to `rows` on an older SQLite. */
export type SqliteCatalogRead = "aggregated" | "rows";

/**
 * Reads the live SQLite schema (the `main` database) with a fixed number of queries whatever the
 * number of tables (two; four on SQLite before 3.44), joining `sqlite_master` with the pragma
 * table-valued functions (https://www.sqlite.org/pragma.html#pragfunc), then builds the model
 * in a pure function.
 */
export async function introspectSqlite(
  executor: QueryExecutor,
  options: IntrospectOptions,
  read: SqliteCatalogRead = "aggregated",
): Promise<SchemaModel> {
  const filter = tableFilter(options.excludeTables);
  const params = [...options.excludeTables];
  const rows =
    (read === "aggregated" ? await readAggregatedCatalog(executor, filter, params) : undefined) ??
    (await readCatalogRows(executor, filter, params));
  return buildSqliteModel(rows);
}
