import type { Row } from "../dialect";
import { RetortError } from "../../util/errors";

/** The rows of the four introspection queries, as the executor returned them. */
export interface SqliteCatalogRows {
  /** One row per column: table_name, table_sql (on the cid 0 row; NULL on the others), cid, column_name, column_type, not_null, default_value, pk, hidden. */
  readonly columns: readonly Row[];
  /** One row per index column: table_name, index_name, is_unique, origin, seqno, cid, column_name, index_sql. */
  readonly indexes: readonly Row[];
  /** One row per foreign-key column: table_name, id, seq, referenced_table, from_column, to_column, on_update, on_delete. */
  readonly foreignKeys: readonly Row[];
  /** One row per view: view_name, view_sql. */
  readonly views: readonly Row[];
}

function bad(row: Row, key: string, expected: string): never {
  throw new RetortError(
    "internal",
    `SQLite catalog row has ${expected} expected in ${key}: ${JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))}`,
  );
}

/** A text cell that must be present. */
export function textCell(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== "string") bad(row, key, "a string");
  return value;
}

/** A text cell that may be NULL. */
export function optionalTextCell(row: Row, key: string): string | undefined {
  const value = row[key];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") bad(row, key, "a string or NULL");
  return value;
}

/** An integer cell; drivers hand these back as number, bigint or numeric text. */
export function intCell(row: Row, key: string): number {
  const value = row[key];
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return bad(row, key, "an integer");
}

/** Groups rows by a text cell, keeping first-seen order of the groups and of rows inside them. */
export function groupRows(rows: readonly Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const name = textCell(row, key);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [row]);
    else group.push(row);
  }
  return groups;
}
