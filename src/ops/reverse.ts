import { assertNever } from "../util/assert-never";
import { describeOperation } from "./describe";
import { IrreversibleOperationError } from "../util/errors";
import type { Operation, TableTarget } from "./types";

/**
 * The operation that undoes `op`, built from the data `op` carries alone (no database).
 * Throws an {@link IrreversibleOperationError} for raw SQL without `reverseSql`.
 */
export function reverse(op: Operation): Operation {
  switch (op.kind) {
    case "createTable":
      return { kind: "dropTable", table: op.table };
    case "dropTable":
      return { kind: "createTable", table: op.table };
    case "renameTable":
      return { kind: "renameTable", ...schemaOf(op.schema), from: op.to, to: op.from };
    case "addColumn":
      return { kind: "dropColumn", ...target(op), column: op.column };
    case "dropColumn":
      return { kind: "addColumn", ...target(op), column: op.column };
    case "alterColumn":
      // `using` converts old values to the new type; it means nothing the other way round.
      return { kind: "alterColumn", ...target(op), from: op.to, to: op.from };
    case "renameColumn":
      return { kind: "renameColumn", ...target(op), from: op.to, to: op.from };
    case "createIndex":
      return { kind: "dropIndex", ...target(op), index: op.index };
    case "dropIndex":
      return { kind: "createIndex", ...target(op), index: op.index };
    case "createUnique":
      return { kind: "dropUnique", ...target(op), unique: op.unique };
    case "dropUnique":
      return { kind: "createUnique", ...target(op), unique: op.unique };
    case "createForeignKey":
      return { kind: "dropForeignKey", ...target(op), foreignKey: op.foreignKey };
    case "dropForeignKey":
      return { kind: "createForeignKey", ...target(op), foreignKey: op.foreignKey };
    case "createCheck":
      return { kind: "dropCheck", ...target(op), check: op.check };
    case "dropCheck":
      return { kind: "createCheck", ...target(op), check: op.check };
    case "createExclusion":
      return { kind: "dropExclusion", ...target(op), exclusion: op.exclusion };
    case "dropExclusion":
      return { kind: "createExclusion", ...target(op), exclusion: op.exclusion };
    case "createPrimaryKey":
      return { kind: "dropPrimaryKey", ...target(op), primaryKey: op.primaryKey };
    case "dropPrimaryKey":
      return { kind: "createPrimaryKey", ...target(op), primaryKey: op.primaryKey };
    case "setTableComment":
      return {
        kind: "setTableComment",
        ...target(op),
        ...(op.to === undefined ? {} : { from: op.to }),
        ...(op.from === undefined ? {} : { to: op.from }),
      };
    case "createEnum":
      return { kind: "dropEnum", enumType: op.enumType };
    case "dropEnum":
      return { kind: "createEnum", enumType: op.enumType };
    case "alterEnum":
      return {
        kind: "alterEnum",
        ...schemaOf(op.schema),
        name: op.name,
        from: op.to,
        to: op.from,
        usedBy: op.usedBy,
      };
    case "createView":
      return { kind: "dropView", view: op.view };
    case "dropView":
      return { kind: "createView", view: op.view };
    case "execute":
      if (op.reverseSql === undefined) {
        throw new IrreversibleOperationError(
          op.kind,
          `Cannot reverse "${describeOperation(op)}": it has no reverse SQL. ` +
            "Give op.execute a reverse statement or write the down step by hand.",
        );
      }
      return {
        kind: "execute",
        sql: op.reverseSql,
        ...(op.reverseParams === undefined ? {} : { params: op.reverseParams }),
        reverseSql: op.sql,
        ...(op.params === undefined ? {} : { reverseParams: op.params }),
      };
    default:
      return assertNever(op, "operation");
  }
}

/** The operations that undo `ops`, in the order to run them: `ops.map(reverse).reverse()`. */
export function reverseAll(ops: readonly Operation[]): Operation[] {
  return ops.map(reverse).reverse();
}

/** True when {@link reverse} would succeed for every operation. */
export function isReversible(ops: readonly Operation[]): boolean {
  return ops.every((op) => op.kind !== "execute" || op.reverseSql !== undefined);
}

function target(op: TableTarget): TableTarget {
  return { ...schemaOf(op.schema), table: op.table };
}

// Optional members are omitted rather than set to undefined (model convention 14).
function schemaOf(schema: string | undefined): { readonly schema?: string } {
  return schema === undefined ? {} : { schema };
}
