/**
 * The operations a migration performs. Each is plain, readonly, JSON-serialisable data whose
 * `kind` is the name of the `op.<method>` a migration file calls. Every operation carries
 * everything needed to run it AND to reverse it without a database (the full column on
 * `dropColumn`, `from` and `to` on `alterColumn`, the whole table on `dropTable`), so `down`
 * and `--sql` work offline.
 *
 * Table-level operations name their table with `schema?` (omitted for the default schema) and
 * `table` (the bare name). `createTable`/`dropTable` carry the whole {@link TableModel} instead.
 */
import type {
  Check,
  Column,
  EnumType,
  Exclusion,
  ForeignKey,
  Index,
  PrimaryKey,
  TableModel,
  Unique,
  View,
} from "../model/types";

/** Names the table an operation works on. */
export interface TableTarget {
  readonly schema?: string;
  /** The bare table name. */
  readonly table: string;
}

/**
 * Creates a table with everything it declares: columns, primary key, uniques, checks,
 * exclusions, foreign keys AND indexes. The emitter writes one `CREATE TABLE` (with the keys,
 * uniques, checks and foreign keys inline, which SQLite needs and which is fastest there),
 * then one `CREATE INDEX` per index and the comments.
 *
 * The diff leaves a foreign key out of `table.foreignKeys` (and emits a separate
 * `createForeignKey` after all tables) only when it closes a cycle between new tables or
 * points at an existing table the same migration changes.
 */
export interface CreateTableOp {
  readonly kind: "createTable";
  readonly table: TableModel;
}

/** Drops a table; carries the whole table (as it is at that point) so it can be re-created. */
export interface DropTableOp {
  readonly kind: "dropTable";
  readonly table: TableModel;
}

/** Renames a table inside its schema. Foreign keys pointing at it follow the new name. */
export interface RenameTableOp {
  readonly kind: "renameTable";
  readonly schema?: string;
  readonly from: string;
  readonly to: string;
}

/** Adds a column at the end of the table. */
export interface AddColumnOp extends TableTarget {
  readonly kind: "addColumn";
  readonly column: Column;
}

/** Drops a column; carries the full column to re-add it. */
export interface DropColumnOp extends TableTarget {
  readonly kind: "dropColumn";
  readonly column: Column;
}

/**
 * Changes anything about one column but its name: type, length, precision, nullability,
 * default, identity, computed expression, comment, collation. `from.name === to.name`.
 * `using` is an optional SQL expression converting old values (PostgreSQL `USING`); the diff
 * never sets it, a user adds it by hand. It is not carried into the reverse.
 */
export interface AlterColumnOp extends TableTarget {
  readonly kind: "alterColumn";
  readonly from: Column;
  readonly to: Column;
  readonly using?: string;
}

export interface RenameColumnOp extends TableTarget {
  readonly kind: "renameColumn";
  readonly from: string;
  readonly to: string;
}

export interface CreateIndexOp extends TableTarget {
  readonly kind: "createIndex";
  readonly index: Index;
}

export interface DropIndexOp extends TableTarget {
  readonly kind: "dropIndex";
  readonly index: Index;
}

export interface CreateUniqueOp extends TableTarget {
  readonly kind: "createUnique";
  readonly unique: Unique;
}

export interface DropUniqueOp extends TableTarget {
  readonly kind: "dropUnique";
  readonly unique: Unique;
}

export interface CreateForeignKeyOp extends TableTarget {
  readonly kind: "createForeignKey";
  readonly foreignKey: ForeignKey;
}

export interface DropForeignKeyOp extends TableTarget {
  readonly kind: "dropForeignKey";
  readonly foreignKey: ForeignKey;
}

export interface CreateCheckOp extends TableTarget {
  readonly kind: "createCheck";
  readonly check: Check;
}

export interface DropCheckOp extends TableTarget {
  readonly kind: "dropCheck";
  readonly check: Check;
}

/** PostgreSQL `EXCLUDE` constraint (the model has them, so the diff must be able to make them). */
export interface CreateExclusionOp extends TableTarget {
  readonly kind: "createExclusion";
  readonly exclusion: Exclusion;
}

export interface DropExclusionOp extends TableTarget {
  readonly kind: "dropExclusion";
  readonly exclusion: Exclusion;
}

export interface CreatePrimaryKeyOp extends TableTarget {
  readonly kind: "createPrimaryKey";
  readonly primaryKey: PrimaryKey;
}

export interface DropPrimaryKeyOp extends TableTarget {
  readonly kind: "dropPrimaryKey";
  readonly primaryKey: PrimaryKey;
}

/** Sets, changes or removes a table comment (`from`/`to` absent = no comment). */
export interface SetTableCommentOp extends TableTarget {
  readonly kind: "setTableComment";
  readonly from?: string;
  readonly to?: string;
}

export interface CreateEnumOp {
  readonly kind: "createEnum";
  readonly enumType: EnumType;
}

export interface DropEnumOp {
  readonly kind: "dropEnum";
  readonly enumType: EnumType;
}

/** A column that uses an enum type, as it is when the enum changes. */
export interface EnumUsage extends TableTarget {
  readonly column: Column;
}

/**
 * Changes an enum type's values from `from` to `to` (both in declared order). The change may
 * add, remove, rename or reorder values; the emitter picks `ADD VALUE` when `to` only inserts
 * values and otherwise re-creates the type. `usedBy` lists the columns using the type at that
 * point, so that re-creating it (which must re-type those columns) works offline.
 */
export interface AlterEnumOp {
  readonly kind: "alterEnum";
  readonly schema?: string;
  readonly name: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
  readonly usedBy: readonly EnumUsage[];
}

export interface CreateViewOp {
  readonly kind: "createView";
  readonly view: View;
}

export interface DropViewOp {
  readonly kind: "dropView";
  readonly view: View;
}

/** A JSON-serialisable statement parameter. */
export type SqlParameter = string | number | boolean | null;

/**
 * Raw SQL. Reversible only when `reverseSql` is given; `reverse` throws an
 * `IrreversibleOperationError` otherwise. It does not change the schema model.
 */
export interface ExecuteOp {
  readonly kind: "execute";
  readonly sql: string;
  readonly params?: readonly SqlParameter[];
  readonly reverseSql?: string;
  readonly reverseParams?: readonly SqlParameter[];
}

/** Every operation a migration can perform. */
export type Operation =
  | CreateTableOp
  | DropTableOp
  | RenameTableOp
  | AddColumnOp
  | DropColumnOp
  | AlterColumnOp
  | RenameColumnOp
  | CreateIndexOp
  | DropIndexOp
  | CreateUniqueOp
  | DropUniqueOp
  | CreateForeignKeyOp
  | DropForeignKeyOp
  | CreateCheckOp
  | DropCheckOp
  | CreateExclusionOp
  | DropExclusionOp
  | CreatePrimaryKeyOp
  | DropPrimaryKeyOp
  | SetTableCommentOp
  | CreateEnumOp
  | DropEnumOp
  | AlterEnumOp
  | CreateViewOp
  | DropViewOp
  | ExecuteOp;

export type OperationKind = Operation["kind"];

/** The operation of a given kind. */
export type OperationOf<K extends OperationKind> = Extract<Operation, { readonly kind: K }>;
