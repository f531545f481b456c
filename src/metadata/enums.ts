import type { Table, TableColumn } from "typeorm";
import type { ColumnType, EnumType } from "../model/types";
import { qualifiedName } from "../model/keys";
import type { ReadContext } from "./context";
import { toModelSchema } from "./context";

type EnumReference = Extract<ColumnType, { kind: "enum" }>;

/**
 * The enum type TypeORM creates for an `enum`/`simple-enum` column on a database with named enum
 * types: `enumName` when given, otherwise `<table>_<column lower-cased>_enum` (the table name
 * keeps its case), in the table's schema. See `PostgresQueryRunner.buildEnumName`.
 */
export function readEnumReference(context: ReadContext, table: Table, column: TableColumn): EnumReference {
  const { schema, tableName } = context.driver.parseTableName(table);
  const name = column.enumName ?? `${tableName}_${column.name.toLowerCase()}_enum`;
  const modelSchema = toModelSchema(context, schema);
  return modelSchema === undefined ? { kind: "enum", name } : { kind: "enum", name, schema: modelSchema };
}

/** A column whose type is an enum (a named type on PostgreSQL, a CHECK on SQLite). */
export function isEnumColumn(column: TableColumn): boolean {
  return column.type === "enum" || column.type === "simple-enum";
}

/**
 * The enum types `synchronize()` creates for `tables`, in creation order. An enum shared by
 * several columns (the same `enumName`) is created once, with the values of the first column
 * that needs it: TypeORM skips `CREATE TYPE` when the type already exists.
 */

export function collectEnums(context: ReadContext, tables: readonly Table[]): EnumType[] {
  if (!context.dialect.capabilities.enumTypes) return [];
  const enums = new Map<string, EnumType>();
  for (const table of tables) {
    for (const column of table.columns) {
      if (!isEnumColumn(column)) continue;
      const reference = readEnumReference(context, table, column);
      const key = qualifiedName(reference);
      if (enums.has(key)) continue;
      const values = [...(column.enum ?? [])];
      enums.set(
        key,
        reference.schema === undefined
          ? { name: reference.name, values }
          : { schema: reference.schema, name: reference.name, values },
      );
    }
  }
  return [...enums.values()];
}
