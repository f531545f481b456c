import { qualifiedName, sortBy } from "./keys";
import type { Column, SchemaModel, TableModel } from "./types";

/**
 * Puts a model in canonical form: tables, enums and views by qualified name; indexes, uniques,
 * foreign keys, checks and exclusions by name; and every object's members in one fixed order,
 * so that two equal models also serialise to the same JSON text. Column order is kept (it is
 * the declared order), as are the orders of columns inside keys and of enum values, which matter.
 */
export function sortModel(model: SchemaModel): SchemaModel {
  return {
    tables: sortBy(model.tables.map(sortTable), qualifiedName),
    enums: sortBy(model.enums, qualifiedName).map((e) =>
      ordered(e, ["schema", "name", "values"]),
    ),
    views: sortBy(model.views, qualifiedName).map((v) =>
      ordered(v, ["schema", "name", "materialized", "definition"]),
    ),
  };
}

const columnMembers: readonly (keyof Column)[] = [
  "name",
  "type",
  "nullable",
  "default",
  "identity",
  "computed",
  "comment",
  "collation",
];

export function sortTable(table: TableModel): TableModel {
  const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] =>
    sortBy(items, (item) => item.name);
  return ordered(
    {
      ...table,
      columns: table.columns.map((c) => ordered(c, columnMembers)),
      indexes: byName(table.indexes),
      uniques: byName(table.uniques),
      foreignKeys: byName(table.foreignKeys),
      checks: byName(table.checks),
      exclusions: byName(table.exclusions),
    },
    [
      "schema",
      "name",
      "comment",
      "columns",
      "primaryKey",
      "indexes",
      "uniques",
      "foreignKeys",
      "checks",
      "exclusions",
    ],
  );
}

/** A copy of `value` with the listed members first, in that order, and `undefined` ones dropped. */
function ordered<T extends object>(value: T, first: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of first as readonly string[]) {
    const member = record[key];
    if (member !== undefined) out[key] = member;
  }
  for (const key of Object.keys(value)) {
    const member = record[key];
    if (member !== undefined && !(key in out)) out[key] = member;
  }
  return out as T;
}
