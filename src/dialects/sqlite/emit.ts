import type { SchemaModel, TableModel } from "../../model/types";
import { applyOperation } from "../../ops/apply";
import type { Operation, TableTarget } from "../../ops/types";
import { assertNever } from "../../util/assert-never";
import { MigrationError } from "../../util/errors";
import type { Statement } from "../statement";
import { createIndexStatement, emitSqliteCreateTable, sqliteColumnDefinition } from "./emit-table";
import { quoteIdent } from "./quote";
import { alterColumnChangesTable, canAddColumnInPlace, rebuildSqliteTable } from "./rebuild";

export { sqliteNeedsForeignKeysOff } from "./rebuild";

/**
 * The SQLite statements that perform `op`. `before` is the schema model just before the
 * operation: what SQLite cannot alter in place (dropping or changing a column, adding or
 * dropping a key or constraint) rebuilds the table from `before` to `applyOperation(before, op)`.
 * Pure: no I/O. When {@link sqliteNeedsForeignKeysOff} says so, the runner must switch foreign
 * keys off around the migration.
 *
 * What SQLite has no place for: comments are dropped (`[]`; the SQLite model has none); enum
 * types, EXCLUDE constraints, materialized views and schemas throw a `MigrationError`.
 */
export function emitSqlite(op: Operation, before: SchemaModel): Statement[] {
  switch (op.kind) {
    case "createTable":
      return emitSqliteCreateTable(op.table);
    case "dropTable":
      return [{ sql: `DROP TABLE ${quoteIdent(plainTable(op.table))}` }];
    case "renameTable":
      return [{ sql: `ALTER TABLE ${quoteIdent(target({ ...op, table: op.from }))} RENAME TO ${quoteIdent(op.to)}` }];
    case "addColumn":
      if (!canAddColumnInPlace(op.column)) return rebuild(op, before);
      return [{ sql: `ALTER TABLE ${quoteIdent(target(op))} ADD COLUMN ${sqliteColumnDefinition(op.column, false)}` }];
    case "alterColumn": {
      if (!alterColumnChangesTable(op)) return [];
      const using = op.using === undefined ? undefined : new Map([[op.to.name, op.using]]);
      return rebuild(op, before, using);
    }
    case "renameColumn":
      return [
        { sql: `ALTER TABLE ${quoteIdent(target(op))} RENAME COLUMN ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}` },
      ];
    case "createIndex":
      return [createIndexStatement(target(op), op.index, findTable(before, op.table))];
    case "dropIndex":
      target(op);
      return [{ sql: `DROP INDEX ${quoteIdent(op.index.name)}` }];
    case "dropColumn":
    case "createUnique":
    case "dropUnique":
    case "createForeignKey":
    case "dropForeignKey":
    case "createCheck":
    case "dropCheck":
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return rebuild(op, before);
    case "setTableComment":
      return [];
    case "createExclusion":
    case "dropExclusion":
      throw new MigrationError(
        `SQLite has no EXCLUDE constraints (${op.kind} "${op.exclusion.name}" on "${op.table}").`,
      );
    case "createEnum":
    case "dropEnum":
      throw new MigrationError(
        `SQLite has no enum types (${op.kind} "${op.enumType.name}"); enum columns are inline CHECKs there.`,
      );
    case "alterEnum":
      throw new MigrationError(
        `SQLite has no enum types (alterEnum "${op.name}"); enum columns are inline CHECKs there.`,
      );
    case "createView":
      if (op.view.materialized) throw new MigrationError(`SQLite has no materialized views ("${op.view.name}").`);
      return [{ sql: `CREATE VIEW ${quoteIdent(plainTable(op.view))} AS ${op.view.definition}` }];
    case "dropView":
      if (op.view.materialized) throw new MigrationError(`SQLite has no materialized views ("${op.view.name}").`);
      return [{ sql: `DROP VIEW ${quoteIdent(plainTable(op.view))}` }];
    case "execute":
      return [op.params === undefined ? { sql: op.sql } : { sql: op.sql, params: op.params }];
    default:
      return assertNever(op, "operation");
  }
}

/**
 * A bare identifier names a column whatever the table holds (SQLite resolves names without
 * regard to case), so it is written quoted without looking at the table.
 */
const BARE_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Whether {@link emitSqlite} reads `before` for `op`: rebuilds, and index items that may be
 * expressions (anything but a bare identifier) to tell columns from expressions.
 */
export function sqliteEmitNeedsModel(op: Operation): boolean {
  switch (op.kind) {
    case "addColumn":
      return !canAddColumnInPlace(op.column);
    case "alterColumn":
      return alterColumnChangesTable(op);
    case "createIndex":
      return !op.index.columns.every((item) => BARE_IDENTIFIER.test(item));
    case "dropColumn":
    case "createUnique":
    case "dropUnique":
    case "createForeignKey":
    case "dropForeignKey":
    case "createCheck":
    case "dropCheck":
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return true;
    case "createTable":
    case "dropTable":
    case "renameTable":
    case "renameColumn":
    case "dropIndex":
    case "setTableComment":
    case "createExclusion":
    case "dropExclusion":
    case "createEnum":
    case "dropEnum":
    case "alterEnum":
    case "createView":
    case "dropView":
    case "execute":
      return false;
    default:
      return assertNever(op, "operation");
  }
}

function rebuild(op: Operation & TableTarget, before: SchemaModel, using?: ReadonlyMap<string, string>): Statement[] {
  const after = applyOperation(before, op);
  return rebuildSqliteTable(before, after, target(op), using);
}

/** The bare name of a table target; retort's SQLite model has only the `main` schema. */
function target(op: TableTarget): string {
  return plainTable({ schema: op.schema, name: op.table });
}

function plainTable(object: { readonly schema?: string; readonly name: string }): string {
  if (object.schema !== undefined) {
    throw new MigrationError(`SQLite has no schemas; "${object.schema}.${object.name}" cannot be used.`);
  }
  return object.name;
}

function findTable(model: SchemaModel, name: string): TableModel | undefined {
  return model.tables.find((t) => t.schema === undefined && t.name === name);
}
