import { qualifiedName, sortBy } from "./keys";
import type { SchemaModel, TableModel } from "./types";

/**
 * Puts a model in canonical order: tables, enums and views by qualified name; indexes,
 * uniques, foreign keys, checks and exclusions by name. Column order is kept (it is the
 * declared order), as are the orders of columns inside keys and of enum values, which matter.
 */
export function sortModel(model: SchemaModel): SchemaModel {
  return {
    tables: sortBy(model.tables.map(sortTable), qualifiedName),
    enums: sortBy(model.enums, qualifiedName),
    views: sortBy(model.views, qualifiedName),
  };
}

export function sortTable(table: TableModel): TableModel {
  const byName = <T extends { readonly name: string }>(items: readonly T[]): T[] =>
    sortBy(items, (item) => item.name);
  return {
    ...table,
    indexes: byName(table.indexes),
    uniques: byName(table.uniques),
    foreignKeys: byName(table.foreignKeys),
    checks: byName(table.checks),
    exclusions: byName(table.exclusions),
  };
}
