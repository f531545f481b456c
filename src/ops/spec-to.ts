/**
 * Model → spec: what a migration file says about a model value, with every default left out so
 * the file states only what is particular. `xFromSpec(xToSpec(m))` deep-equals `m`.
 */
import { spellColumnType } from "../model/type-spelling";
import type {
  Check,
  Column,
  ColumnType,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryKey,
  TableModel,
  Unique,
  View,
} from "../model/types";
import type {
  CheckSpec,
  ColumnDefinitionSpec,
  ColumnSpec,
  ExclusionSpec,
  ForeignKeySpec,
  IndexSpec,
  NameRef,
  PrimaryKeySpec,
  TableRef,
  TableSpec,
  TypeSpec,
  UniqueSpec,
  ViewSpec,
} from "./spec";

/** The neutral spelling of a type when it has one, else the type object itself. */
export function columnTypeToSpec(type: ColumnType): TypeSpec {
  return spellColumnType(type) ?? type;
}

/** A column's definition without its name (as `alterColumn` states it). */
export function columnDefinitionToSpec(column: Column): ColumnDefinitionSpec {
  return {
    type: columnTypeToSpec(column.type),
    ...(column.nullable ? { nullable: true } : {}),
    ...(column.default === undefined ? {} : { default: column.default }),
    ...(column.identity === undefined ? {} : { identity: column.identity }),
    ...(column.computed === undefined ? {} : { computed: { ...column.computed } }),
    ...(column.comment === undefined ? {} : { comment: column.comment }),
    ...(column.collation === undefined ? {} : { collation: column.collation }),
  };
}

/** A column as a spec: its name, then its definition without defaults. */
export function columnToSpec(column: Column): ColumnSpec {
  return { name: column.name, ...columnDefinitionToSpec(column) };
}

/** The column list alone when the key has no name (SQLite), else name and columns. */
export function primaryKeyToSpec(primaryKey: PrimaryKey): PrimaryKeySpec {
  return primaryKey.name === undefined
    ? [...primaryKey.columns]
    : { name: primaryKey.name, columns: [...primaryKey.columns] };
}

/** An index as a spec; `unique` and `spatial` only when true. */
export function indexToSpec(index: Index): IndexSpec {
  return {
    name: index.name,
    columns: [...index.columns],
    ...(index.unique ? { unique: true } : {}),
    ...(index.where === undefined ? {} : { where: index.where }),
    ...(index.spatial === true ? { spatial: true } : {}),
  };
}

/** A unique constraint as a spec. */
export function uniqueToSpec(unique: Unique): UniqueSpec {
  return { name: unique.name, columns: [...unique.columns] };
}

/** A foreign key as a spec; actions only when not "NO ACTION". */
export function foreignKeyToSpec(fk: ForeignKey): ForeignKeySpec {
  return {
    name: fk.name,
    columns: [...fk.columns],
    references: {
      ...(fk.referencedSchema === undefined ? {} : { schema: fk.referencedSchema }),
      table: fk.referencedTable,
      columns: [...fk.referencedColumns],
    },
    ...(fk.onDelete === "NO ACTION" ? {} : { onDelete: fk.onDelete }),
    ...(fk.onUpdate === "NO ACTION" ? {} : { onUpdate: fk.onUpdate }),
    ...(fk.deferrable === undefined ? {} : { deferrable: fk.deferrable }),
  };
}

/** A check constraint as a spec. */
export function checkToSpec(check: Check): CheckSpec {
  return { name: check.name, expression: check.expression };
}

/** An exclusion constraint as a spec. */
export function exclusionToSpec(exclusion: Exclusion): ExclusionSpec {
  return { name: exclusion.name, expression: exclusion.expression };
}

/** The bare name in the default schema, `{ schema, table }` otherwise. */
export function tableToRef(target: { readonly schema?: string; readonly table: string }): TableRef {
  return target.schema === undefined ? target.table : { schema: target.schema, table: target.table };
}

/** The bare name in the default schema, `{ schema, name }` otherwise. */
export function nameToRef(object: { readonly schema?: string; readonly name: string }): NameRef {
  return object.schema === undefined ? object.name : { schema: object.schema, name: object.name };
}

/** Everything a table declares but its name; empty lists are left out. */
export function tableToSpec(table: TableModel): TableSpec {
  const list = <M, S>(key: string, items: readonly M[], convert: (item: M) => S) =>
    items.length === 0 ? {} : { [key]: items.map(convert) };
  return {
    columns: table.columns.map(columnToSpec),
    ...(table.primaryKey === undefined ? {} : { primaryKey: primaryKeyToSpec(table.primaryKey) }),
    ...list("indexes", table.indexes, indexToSpec),
    ...list("uniques", table.uniques, uniqueToSpec),
    ...list("foreignKeys", table.foreignKeys, foreignKeyToSpec),
    ...list("checks", table.checks, checkToSpec),
    ...list("exclusions", table.exclusions, exclusionToSpec),
    ...(table.comment === undefined ? {} : { comment: table.comment }),
  };
}

/** A view as a spec (its name goes in a separate reference); `materialized` only when true. */
export function viewToSpec(view: View): ViewSpec {
  return { definition: view.definition, ...(view.materialized ? { materialized: true } : {}) };
}
