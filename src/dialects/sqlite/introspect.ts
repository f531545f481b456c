import type { IntrospectOptions, QueryExecutor } from "../dialect";
import type { SchemaModel } from "../../model/types";
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
 * Reads the live SQLite schema (the `main` database) with four queries whatever the number of
 * tables, joining `sqlite_master` with the pragma table-valued functions
 * (https://www.sqlite.org/pragma.html#pragfunc), then builds the model in a pure function.
 */
export async function introspectSqlite(executor: QueryExecutor, options: IntrospectOptions): Promise<SchemaModel> {
  const filter = tableFilter(options.excludeTables);
  const params = [...options.excludeTables];
  const columns = await executor.query(columnsQuery(filter), params);
  const indexes = await executor.query(indexesQuery(filter), params);
  const foreignKeys = await executor.query(foreignKeysQuery(filter), params);
  const views = await executor.query(viewsQuery);
  return buildSqliteModel({ columns, indexes, foreignKeys, views });
}
