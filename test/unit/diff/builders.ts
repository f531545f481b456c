/**
 * Tiny builders for schema models in unit tests. Everything defaults to the smallest valid
 * value, and optional members are left out (never `undefined`), as the readers do.
 */
import assert from "node:assert/strict";
import { compareModels } from "../../../src/model/compare";
import { sortModel } from "../../../src/model/sort";
import type {
  Check,
  Column,
  ColumnType,
  EnumType,
  ForeignKey,
  Index,
  SchemaModel,
  TableModel,
  View,
} from "../../../src/model/types";

export const types = {
  int: { kind: "integer" } as ColumnType,
  bigint: { kind: "bigint" } as ColumnType,
  text: { kind: "text" } as ColumnType,
  bool: { kind: "boolean" } as ColumnType,
  uuid: { kind: "uuid" } as ColumnType,
  varchar: (length?: number): ColumnType =>
    length === undefined ? { kind: "varchar" } : { kind: "varchar", length },
  numeric: (precision: number, scale: number): ColumnType => ({
    kind: "numeric",
    precision,
    scale,
  }),
  enumOf: (name: string): ColumnType => ({ kind: "enum", name }),
};

/** A column, NOT NULL integer unless told otherwise. */
export function col(
  name: string,
  type: ColumnType = types.int,
  extra: Partial<Omit<Column, "name" | "type">> = {},
): Column {
  return { name, type, nullable: false, ...extra };
}

/** A nullable text column. */
export function textCol(name: string, extra: Partial<Omit<Column, "name" | "type">> = {}): Column {
  return col(name, types.text, { nullable: true, ...extra });
}

type TableSpec = Partial<Omit<TableModel, "name" | "columns">>;

/** A table with the given columns and nothing else unless `spec` says. */
export function table(name: string, columns: readonly Column[], spec: TableSpec = {}): TableModel {
  return {
    name,
    columns,
    indexes: [],
    uniques: [],
    foreignKeys: [],
    checks: [],
    exclusions: [],
    ...spec,
  };
}

/** A table with an `id` integer primary key named `PK_<name>` followed by `columns`. */
export function idTable(
  name: string,
  columns: readonly Column[] = [],
  spec: TableSpec = {},
): TableModel {
  return table(name, [col("id", types.int, { identity: "increment" }), ...columns], {
    primaryKey: { name: `PK_${name}`, columns: ["id"] },
    ...spec,
  });
}

export function fk(
  name: string,
  columns: readonly string[],
  referencedTable: string,
  referencedColumns: readonly string[] = ["id"],
  extra: Partial<ForeignKey> = {},
): ForeignKey {
  return {
    name,
    columns,
    referencedTable,
    referencedColumns,
    onDelete: "NO ACTION",
    onUpdate: "NO ACTION",
    ...extra,
  };
}

export function index(name: string, columns: readonly string[], extra: Partial<Index> = {}): Index {
  return { name, columns, unique: false, ...extra };
}

export function check(name: string, expression: string): Check {
  return { name, expression };
}

export function enumType(name: string, values: readonly string[]): EnumType {
  return { name, values };
}

export function view(name: string, definition: string, materialized = false): View {
  return { name, definition, materialized };
}

export function model(
  spec: { tables?: TableModel[]; enums?: EnumType[]; views?: View[] } = {},
): SchemaModel {
  return { tables: spec.tables ?? [], enums: spec.enums ?? [], views: spec.views ?? [] };
}

/** The model with table `name` replaced by `change(table)`. */
export function changeTable(
  m: SchemaModel,
  name: string,
  change: (t: TableModel) => TableModel,
): SchemaModel {
  assert.ok(
    m.tables.some((t) => t.name === name),
    `no table ${name}`,
  );
  return { ...m, tables: m.tables.map((t) => (t.name === name ? change(t) : t)) };
}

/** Sorted, with columns ordered by name: databases append columns, the model compares by name. */
function normalise(m: SchemaModel): SchemaModel {
  const sorted = sortModel(m);
  return {
    ...sorted,
    tables: sorted.tables.map((t) => ({
      ...t,
      columns: [...t.columns].sort((a, b) => (a.name < b.name ? -1 : 1)),
    })),
  };
}

/** Asserts two models are equal (no `compareModels` line, and deep-equal up to column order). */
export function assertSameModel(
  actual: SchemaModel,
  expected: SchemaModel,
  message?: string,
): void {
  assert.deepEqual(compareModels(actual, expected, ["actual", "expected"]), [], message);
  assert.deepEqual(normalise(actual), normalise(expected), message);
}
