/**
 * Spec → model: validates what a migration file passes to the `op` API and fills in the
 * defaults. Optional model members are omitted, never set to `undefined` (model convention 14).
 */
import { parseTypeSpelling } from "../model/type-spelling";
import type {
  Check,
  Column,
  ColumnType,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryKey,
  ReferentialAction,
  TableModel,
  Unique,
  View,
} from "../model/types";
import type {
  AlterColumnSpec,
  AlterEnumSpec,
  CheckSpec,
  ColumnDefinitionSpec,
  ColumnSpec,
  EnumSpec,
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
import {
  checkColumnType,
  invalid,
  isRecord,
  requireBoolean,
  requireDistinct,
  requireList,
  requireOneOf,
  requireRecord,
  requireString,
  requireStrings,
  requireText,
  show,
} from "./spec-validate";
import type { AlterEnumOp, EnumUsage, TableTarget } from "./types";

const ACTIONS: readonly ReferentialAction[] = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];
const IDENTITIES = ["increment", "always", "by-default"] as const;
const DEFERRABLE = ["INITIALLY DEFERRED", "INITIALLY IMMEDIATE"] as const;
const DEFINITION_KEYS = ["type", "nullable", "default", "identity", "computed", "comment", "collation"];

/** `{ key: value }` when `value` is defined, `{}` otherwise: keeps optional members absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Names the table a spec works on. A string is a bare name in the default schema. */
export function tableTargetFromRef(ref: TableRef, where = "table"): TableTarget {
  if (typeof ref === "string") return { table: requireString(ref, where) };
  const value = requireRecord(ref, ["schema", "table"], where);
  return { schema: requireString(value.schema, `${where} schema`), table: requireString(value.table, `${where} table`) };
}

/** Names an enum type or a view. A string is a bare name in the default schema. */
export function nameFromRef(ref: NameRef, where = "name"): { readonly schema?: string; readonly name: string } {
  if (typeof ref === "string") return { name: requireString(ref, where) };
  const value = requireRecord(ref, ["schema", "name"], where);
  return { schema: requireString(value.schema, `${where} schema`), name: requireString(value.name, `${where} name`) };
}

/**
 * A column type from its neutral spelling (`"varchar(255)"`) or a canonical type object.
 * @throws InvalidOperationError for an unknown spelling or a malformed object.
 */
export function columnTypeFromSpec(type: TypeSpec, where = "type"): ColumnType {
  if (typeof type !== "string") return checkColumnType(type, where);
  const parsed = parseTypeSpelling(type);
  if (parsed === undefined) {
    invalid(
      where,
      `unknown type ${JSON.stringify(type)}; use a neutral spelling such as "varchar(255)", "numeric(10,2)", ` +
        `"timestamptz", "integer[]", or a type object such as { kind: "native", sql: "citext" }`,
    );
  }
  return parsed;
}

function definitionFromSpec(
  name: string,
  value: Readonly<Record<string, unknown>>,
  where: string,
): Column {
  const fallback = value.default;
  if (fallback !== undefined && !["string", "number", "boolean"].includes(typeof fallback)) {
    invalid(`${where} default`, `expected SQL text, a number or a boolean, got ${show(fallback)}`);
  }
  if (typeof fallback === "number" && !Number.isFinite(fallback)) invalid(`${where} default`, `${fallback} is not a SQL value`);
  const computed = value.computed;
  return {
    name,
    type: columnTypeFromSpec(value.type as TypeSpec, `${where} type`),
    nullable: value.nullable === undefined ? false : requireBoolean(value.nullable, `${where} nullable`),
    ...optional("default", fallback === undefined ? undefined : String(fallback)),
    ...optional("identity", value.identity === undefined ? undefined : requireOneOf(value.identity, IDENTITIES, `${where} identity`)),
    ...optional("computed", computed === undefined ? undefined : computedFromSpec(computed, `${where} computed`)),
    ...optional("comment", value.comment === undefined ? undefined : requireText(value.comment, `${where} comment`)),
    ...optional("collation", value.collation === undefined ? undefined : requireString(value.collation, `${where} collation`)),
  };
}

function computedFromSpec(value: unknown, where: string): Column["computed"] {
  const computed = requireRecord(value, ["expression", "stored"], where);
  return {
    expression: requireString(computed.expression, `${where} expression`),
    stored: requireBoolean(computed.stored, `${where} stored`),
  };
}

/** A model column from a spec; `nullable` defaults to false. */
export function columnFromSpec(spec: ColumnSpec, where = "column"): Column {
  const value = requireRecord(spec, ["name", ...DEFINITION_KEYS], where);
  const name = requireString(value.name, `${where} name`);
  return definitionFromSpec(name, value, `${where} "${name}"`);
}

/** A model column named `name` from a definition without a name (as `alterColumn` takes). */
export function columnDefinitionFromSpec(name: string, spec: ColumnDefinitionSpec, where = "column"): Column {
  return definitionFromSpec(name, requireRecord(spec, DEFINITION_KEYS, where), where);
}

/** The two sides of an `alterColumn` (both named `column`) and its optional `using`. */
export function alterColumnFromSpec(
  column: string,
  spec: AlterColumnSpec,
  where = "alterColumn",
): { readonly from: Column; readonly to: Column; readonly using?: string } {
  const name = requireString(column, `${where} column`);
  const value = requireRecord(spec, ["from", "to", "using"], where);
  return {
    from: columnDefinitionFromSpec(name, value.from as ColumnDefinitionSpec, `${where} from`),
    to: columnDefinitionFromSpec(name, value.to as ColumnDefinitionSpec, `${where} to`),
    ...optional("using", value.using === undefined ? undefined : requireString(value.using, `${where} using`)),
  };
}

/** A primary key from its column list or `{ name?, columns }`. */
export function primaryKeyFromSpec(spec: PrimaryKeySpec, where = "primaryKey"): PrimaryKey {
  if (Array.isArray(spec)) return { columns: requireStrings(spec, where, true) };
  const value = requireRecord(spec, ["name", "columns"], where);
  return {
    ...optional("name", value.name === undefined ? undefined : requireString(value.name, `${where} name`)),
    columns: requireStrings(value.columns, `${where} columns`, true),
  };
}

/** An index; `unique` defaults to false, `spatial` is kept only when true. */
export function indexFromSpec(spec: IndexSpec, where = "index"): Index {
  const value = requireRecord(spec, ["name", "columns", "unique", "where", "spatial"], where);
  const name = requireString(value.name, `${where} name`);
  const at = `${where} "${name}"`;
  const spatial = value.spatial === undefined ? false : requireBoolean(value.spatial, `${at} spatial`);
  return {
    name,
    columns: requireStrings(value.columns, `${at} columns`, true),
    unique: value.unique === undefined ? false : requireBoolean(value.unique, `${at} unique`),
    ...optional("where", value.where === undefined ? undefined : requireString(value.where, `${at} where`)),
    // Convention 10: `spatial` is present only when true.
    ...(spatial ? { spatial: true } : {}),
  };
}

/** A unique constraint. */
export function uniqueFromSpec(spec: UniqueSpec, where = "unique"): Unique {
  const value = requireRecord(spec, ["name", "columns"], where);
  const name = requireString(value.name, `${where} name`);
  return { name, columns: requireStrings(value.columns, `${where} "${name}" columns`, true) };
}

/**
 * A foreign key; `onDelete`/`onUpdate` default to "NO ACTION".
 * @throws InvalidOperationError when the column lists differ in length.
 */
export function foreignKeyFromSpec(spec: ForeignKeySpec, where = "foreignKey"): ForeignKey {
  const value = requireRecord(spec, ["name", "columns", "references", "onDelete", "onUpdate", "deferrable"], where);
  const name = requireString(value.name, `${where} name`);
  const at = `${where} "${name}"`;
  const columns = requireStrings(value.columns, `${at} columns`, true);
  const references = requireRecord(value.references, ["schema", "table", "columns"], `${at} references`);
  const referencedColumns = requireStrings(references.columns, `${at} references columns`, true);
  if (referencedColumns.length !== columns.length) {
    invalid(at, `${columns.length} column(s) reference ${referencedColumns.length} column(s)`);
  }
  const action = (key: "onDelete" | "onUpdate"): ReferentialAction =>
    value[key] === undefined ? "NO ACTION" : requireOneOf(value[key], ACTIONS, `${at} ${key}`);
  return {
    name,
    columns,
    ...optional("referencedSchema", references.schema === undefined ? undefined : requireString(references.schema, `${at} references schema`)),
    referencedTable: requireString(references.table, `${at} references table`),
    referencedColumns,
    onDelete: action("onDelete"),
    onUpdate: action("onUpdate"),
    ...optional("deferrable", value.deferrable === undefined ? undefined : requireOneOf(value.deferrable, DEFERRABLE, `${at} deferrable`)),
  };
}

/** A check constraint. */
export function checkFromSpec(spec: CheckSpec, where = "check"): Check {
  const value = requireRecord(spec, ["name", "expression"], where);
  const name = requireString(value.name, `${where} name`);
  return { name, expression: requireString(value.expression, `${where} "${name}" expression`) };
}

/** A PostgreSQL exclusion constraint. */
export function exclusionFromSpec(spec: ExclusionSpec, where = "exclusion"): Exclusion {
  const value = requireRecord(spec, ["name", "expression"], where);
  const name = requireString(value.name, `${where} name`);
  return { name, expression: requireString(value.expression, `${where} "${name}" expression`) };
}

/** Items of an optional list in a table spec, converted one by one. */
function listOf<S, M>(value: unknown, where: string, convert: (spec: S, where: string) => M): M[] {
  if (value === undefined) return [];
  return requireList(value, where).map((item, i) => convert(item as S, `${where}[${i}]`));
}

/**
 * The table named by `ref` with everything `spec` declares, in the order given.
 * @throws InvalidOperationError for a malformed spec or two columns (constraints...) of one name.
 */
export function tableFromSpec(ref: TableRef, spec: TableSpec, where = "table"): TableModel {
  const target = tableTargetFromRef(ref, where);
  const value = requireRecord(
    spec,
    ["columns", "primaryKey", "indexes", "uniques", "foreignKeys", "checks", "exclusions", "comment"],
    where,
  );
  if (value.columns === undefined) invalid(where, "no `columns` given");
  const columns = listOf(value.columns, `${where} columns`, columnFromSpec);
  requireDistinct(columns.map((c) => c.name), "column", where);
  const table: TableModel = {
    ...optional("schema", target.schema),
    name: target.table,
    columns,
    ...optional("primaryKey", value.primaryKey === undefined ? undefined : primaryKeyFromSpec(value.primaryKey as PrimaryKeySpec, `${where} primaryKey`)),
    indexes: listOf(value.indexes, `${where} indexes`, indexFromSpec),
    uniques: listOf(value.uniques, `${where} uniques`, uniqueFromSpec),
    foreignKeys: listOf(value.foreignKeys, `${where} foreignKeys`, foreignKeyFromSpec),
    checks: listOf(value.checks, `${where} checks`, checkFromSpec),
    exclusions: listOf(value.exclusions, `${where} exclusions`, exclusionFromSpec),
    ...optional("comment", value.comment === undefined ? undefined : requireText(value.comment, `${where} comment`)),
  };
  requireDistinct(table.indexes.map((i) => i.name), "index", where);
  const constraints = [table.uniques, table.foreignKeys, table.checks, table.exclusions].flat().map((c) => c.name);
  requireDistinct(constraints, "constraint", where);
  return table;
}

/** An enum type named by `ref` with `values` in order (no duplicates). */
export function enumFromSpec(ref: NameRef, values: EnumSpec, where = "enum"): EnumType {
  const name = nameFromRef(ref, where);
  const list = requireStrings(values, `${where} values`, false);
  requireDistinct(list, "value", where);
  return { ...name, values: list };
}

/** The data of an `alterEnum` operation from its spec. */
export function alterEnumFromSpec(ref: NameRef, spec: AlterEnumSpec, where = "alterEnum"): Omit<AlterEnumOp, "kind"> {
  const name = nameFromRef(ref, where);
  const value = requireRecord(spec, ["from", "to", "usedBy"], where);
  if (value.usedBy === undefined) invalid(where, "no `usedBy` given (list the columns using the type, or [])");
  const usedBy = requireList(value.usedBy, `${where} usedBy`).map((item, i): EnumUsage => {
    const at = `${where} usedBy[${i}]`;
    const usage = isRecord(item) ? requireRecord(item, ["table", "column"], at) : invalid(at, `expected { table, column }, got ${show(item)}`);
    return { ...tableTargetFromRef(usage.table as TableRef, `${at} table`), column: columnFromSpec(usage.column as ColumnSpec, `${at} column`) };
  });
  const from = requireStrings(value.from, `${where} from`, false);
  const to = requireStrings(value.to, `${where} to`, false);
  requireDistinct(from, "value", `${where} from`);
  requireDistinct(to, "value", `${where} to`);
  return { ...name, from, to, usedBy };
}

/** The view named by `ref`; `materialized` defaults to false. */
export function viewFromSpec(ref: NameRef, spec: ViewSpec, where = "view"): View {
  const name = nameFromRef(ref, where);
  const value = requireRecord(spec, ["definition", "materialized"], where);
  return {
    ...name,
    definition: requireString(value.definition, `${where} definition`),
    materialized: value.materialized === undefined ? false : requireBoolean(value.materialized, `${where} materialized`),
  };
}
