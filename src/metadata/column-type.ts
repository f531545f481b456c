import type { Table, TableColumn } from "typeorm";
import type { ColumnType } from "../model/types";
import type { ReadContext } from "./context";
import { readEnumReference } from "./enums";

/**
 * The canonical type of a column as TypeORM's `CREATE TABLE` spells it, through the dialect's
 * `parseType` so that it equals what introspection reads back.
 *
 * - Named enum types (PostgreSQL `enum`/`simple-enum`): a reference to the enum type.
 * - Without named enum types (SQLite) any column with `enum` values gets TypeORM's inline
 *   `CHECK ("col" IN (...))`, so it is an inline enum, whatever its declared type.
 * - Serial and identity columns: TypeORM writes the bare type (`SERIAL`, `integer GENERATED ...`),
 *   without length or precision.
 * - Arrays: TypeORM appends ` array` to the element's spelling.
 */
export function readColumnType(context: ReadContext, table: Table, column: TableColumn): ColumnType {
  const { dialect } = context;
  const isEnumType = column.type === "enum" || column.type === "simple-enum";
  if (dialect.capabilities.enumTypes && isEnumType) {
    return wrapArray(context, column, readEnumReference(context, table, column));
  }
  if (!dialect.capabilities.enumTypes && column.enum !== undefined && !column.isArray) {
    return { kind: "inline-enum", values: [...column.enum] };
  }
  if (writesBareType(context, column)) return dialect.parseType(column.type);
  const fullType = context.driver.createFullType(column);
  if (column.isArray && dialect.capabilities.arrays) {
    return { kind: "array", element: dialect.parseType(fullType.replace(/\s+array$/i, "")) };
  }
  return dialect.parseType(fullType);
}

function wrapArray(context: ReadContext, column: TableColumn, element: ColumnType): ColumnType {
  return column.isArray && context.dialect.capabilities.arrays ? { kind: "array", element } : element;
}

/** Serial and identity columns are written as their bare type name. */
function writesBareType(context: ReadContext, column: TableColumn): boolean {
  if (!column.isGenerated || column.generationStrategy === "uuid") return false;
  if (column.generationStrategy === "identity") return context.behaviour.identityColumns;
  return context.behaviour.increment === "serial";
}
