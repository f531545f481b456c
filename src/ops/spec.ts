/**
 * The friendly argument types migration files pass to the `op` API, and the pure conversions
 * between them and the schema model. A spec is what a person writes: options only where they
 * differ from the default (`nullable` false, `onDelete` "NO ACTION", `unique` false...), types
 * as neutral spellings (`"varchar(255)"`). The model is what the diff and the dialects use.
 *
 * `xFromSpec` validates and fills in defaults (throwing an `InvalidOperationError` on nonsense);
 * `xToSpec` leaves the defaults out. For every model value `m`, `xFromSpec(xToSpec(m))` deep-equals `m`.
 */
import type {
  ColumnType,
  Identity,
  ReferentialAction,
} from "../model/types";
import type { SqlParameter } from "./types";

/** A table: its bare name in the default schema, or schema and name. */
export type TableRef = string | { readonly schema: string; readonly table: string };

/** An enum type or a view: its bare name in the default schema, or schema and name. */
export type NameRef = string | { readonly schema: string; readonly name: string };

/**
 * A column type: a neutral spelling (`"integer"`, `"varchar(255)"`, `"numeric(10,2)"`,
 * `"timestamptz(6)"`, `"integer[]"`) or a canonical type object for the types without one
 * (`{ kind: "enum", name: "mood" }`, `{ kind: "native", sql: "citext" }`).
 */
export type TypeSpec = string | ColumnType;

/** A column without its name: what `alterColumn` states before and after the change. */
export interface ColumnDefinitionSpec {
  readonly type: TypeSpec;
  /** Default `false`: columns are NOT NULL unless they say otherwise. */
  readonly nullable?: boolean;
  /** The default as SQL text (`"'draft'"`, `"0"`, `"now()"`); a number or boolean is written as is. */
  readonly default?: string | number | boolean;
  readonly identity?: Identity;
  /** A computed column: `GENERATED ALWAYS AS (expression) STORED` (or VIRTUAL when `stored` is false). */
  readonly computed?: { readonly expression: string; readonly stored: boolean };
  readonly comment?: string;
  readonly collation?: string;
}

export interface ColumnSpec extends ColumnDefinitionSpec {
  readonly name: string;
}

/** A primary key: its columns in key order, or a name and columns. */
export type PrimaryKeySpec = readonly string[] | { readonly name?: string; readonly columns: readonly string[] };

export interface IndexSpec {
  readonly name: string;
  readonly columns: readonly string[];
  /** Default `false`. */
  readonly unique?: boolean;
  /** Partial index predicate (SQL). */
  readonly where?: string;
  /** A spatial (PostgreSQL GiST) index. Default `false`. */
  readonly spatial?: boolean;
}

export interface UniqueSpec {
  readonly name: string;
  readonly columns: readonly string[];
}

export interface ForeignKeySpec {
  readonly name: string;
  readonly columns: readonly string[];
  /** The referenced table (`schema` omitted for the default schema) and its columns. */
  readonly references: { readonly schema?: string; readonly table: string; readonly columns: readonly string[] };
  /** Default "NO ACTION". */
  readonly onDelete?: ReferentialAction;
  /** Default "NO ACTION". */
  readonly onUpdate?: ReferentialAction;
  /** Present only for a deferrable constraint. */
  readonly deferrable?: "INITIALLY DEFERRED" | "INITIALLY IMMEDIATE";
}

export interface CheckSpec {
  readonly name: string;
  /** The boolean SQL expression. */
  readonly expression: string;
}

/** A PostgreSQL `EXCLUDE` constraint; `expression` is everything after `EXCLUDE`. */
export interface ExclusionSpec {
  readonly name: string;
  readonly expression: string;
}

/** Everything a table declares besides its name. */
export interface TableSpec {
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey?: PrimaryKeySpec;
  readonly indexes?: readonly IndexSpec[];
  readonly uniques?: readonly UniqueSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly checks?: readonly CheckSpec[];
  readonly exclusions?: readonly ExclusionSpec[];
  readonly comment?: string;
}

/** An enum type's values, in declared order. */
export type EnumSpec = readonly string[];

export interface ViewSpec {
  /** The view's query (SQL). */
  readonly definition: string;
  /** Default `false`. */
  readonly materialized?: boolean;
}

/** A column that uses an enum type, listed so that re-creating the type can re-type it. */
export interface EnumUsageSpec {
  readonly table: TableRef;
  readonly column: ColumnSpec;
}

/** What `alterEnum` changes: the values before and after, and the columns using the type. */
export interface AlterEnumSpec {
  readonly from: readonly string[];
  readonly to: readonly string[];
  /** Every column using the type (an empty list when none does). */
  readonly usedBy: readonly EnumUsageSpec[];
}

/** What `alterColumn` changes: the whole column before and after, and an optional `USING`. */
export interface AlterColumnSpec {
  readonly from: ColumnDefinitionSpec;
  readonly to: ColumnDefinitionSpec;
  /** SQL converting old values to the new type (PostgreSQL `USING`); not used by the reverse. */
  readonly using?: string;
}

/** A table comment before and after; `null` (or absent) is no comment. */
export interface TableCommentSpec {
  readonly from?: string | null;
  readonly to?: string | null;
}

/** The statement that undoes a raw `execute`. */
export type ExecuteReverseSpec = string | { readonly sql: string; readonly params?: readonly SqlParameter[] };

export interface ExecuteOptions {
  /** How to undo the statement; without it, the migration cannot be reversed automatically. */
  readonly reverse?: ExecuteReverseSpec;
}

export {
  alterColumnFromSpec,
  alterEnumFromSpec,
  checkFromSpec,
  columnDefinitionFromSpec,
  columnFromSpec,
  columnTypeFromSpec,
  exclusionFromSpec,
  foreignKeyFromSpec,
  indexFromSpec,
  nameFromRef,
  primaryKeyFromSpec,
  tableFromSpec,
  tableTargetFromRef,
  uniqueFromSpec,
  viewFromSpec,
  enumFromSpec,
} from "./spec-from";
export {
  checkToSpec,
  columnDefinitionToSpec,
  columnToSpec,
  columnTypeToSpec,
  exclusionToSpec,
  foreignKeyToSpec,
  indexToSpec,
  nameToRef,
  primaryKeyToSpec,
  tableToRef,
  tableToSpec,
  uniqueToSpec,
  viewToSpec,
} from "./spec-to";
