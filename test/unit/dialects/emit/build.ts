import type { Column, ColumnType, ForeignKey, Index, TableModel } from "../../../../src/model/types";

/** Tiny builders for emitter tests: only what a test spells out differs from the plain default. */
export const t = {
  int: { kind: "integer" } as ColumnType,
  bigint: { kind: "bigint" } as ColumnType,
  smallint: { kind: "smallint" } as ColumnType,
  text: { kind: "text" } as ColumnType,
  bool: { kind: "boolean" } as ColumnType,
  varchar: (length?: number): ColumnType => (length === undefined ? { kind: "varchar" } : { kind: "varchar", length }),
  numeric: (precision: number, scale: number): ColumnType => ({ kind: "numeric", precision, scale }),
  enumRef: (name: string): ColumnType => ({ kind: "enum", name }),
  inlineEnum: (...values: string[]): ColumnType => ({ kind: "inline-enum", values }),
  native: (sql: string): ColumnType => ({ kind: "native", sql }),
  timestamptz: { kind: "timestamp", withTimeZone: true } as ColumnType,
};

/** A NOT NULL column unless `extra` says otherwise. */
export function col(name: string, type: ColumnType, extra: Partial<Omit<Column, "name" | "type">> = {}): Column {
  return { name, type, nullable: false, ...extra };
}

/** A nullable column. */
export function opt(name: string, type: ColumnType, extra: Partial<Omit<Column, "name" | "type">> = {}): Column {
  return col(name, type, { nullable: true, ...extra });
}

export function table(
  name: string,
  columns: readonly Column[],
  extra: Partial<Omit<TableModel, "name" | "columns">> = {},
): TableModel {
  return { name, columns, indexes: [], uniques: [], foreignKeys: [], checks: [], exclusions: [], ...extra };
}

export function fk(
  name: string,
  columns: readonly string[],
  referencedTable: string,
  referencedColumns: readonly string[],
  extra: Partial<ForeignKey> = {},
): ForeignKey {
  return { name, columns, referencedTable, referencedColumns, onDelete: "NO ACTION", onUpdate: "NO ACTION", ...extra };
}

export function index(name: string, columns: readonly string[], extra: Partial<Index> = {}): Index {
  return { name, columns, unique: false, ...extra };
}
