/**
 * One operation as the `op.<method>(...)` call that performs it in a migration file. The
 * arguments are the friendly specs (model → spec, defaults left out), and running the call
 * through the `op` API gives back exactly the same operation.
 */
import { InvalidOperationError } from "../util/errors";
import {
  checkToSpec,
  columnDefinitionToSpec,
  columnToSpec,
  exclusionToSpec,
  foreignKeyToSpec,
  indexToSpec,
  nameToRef,
  primaryKeyToSpec,
  tableToRef,
  tableToSpec,
  uniqueToSpec,
  viewToSpec,
} from "../ops/spec";
import type { Operation, TableTarget } from "../ops/types";
import { assertNever } from "../util/assert-never";
import { toSource, type SourceValue } from "./source";

/** Spec objects are plain JSON-like data by construction; this only widens their type. */
function data(value: object | string): SourceValue {
  return value as unknown as SourceValue;
}

function call(method: string, args: readonly string[]): string {
  return `await op.${method}(${args.join(", ")});`;
}

const ref = (target: TableTarget): string => toSource(data(tableToRef(target)));

/** The statement (`await op.x(...);`) that performs `op`. */
export function renderOperationCall(op: Operation): string {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
      return call(op.kind, [
        toSource(data(tableToRef({ ...op.table, table: op.table.name }))),
        toSource(data(tableToSpec(op.table)), true),
      ]);
    case "renameTable":
      return call(op.kind, [ref({ ...op, table: op.from }), toSource(op.to)]);
    case "addColumn":
    case "dropColumn":
      return call(op.kind, [ref(op), toSource(data(columnToSpec(op.column)))]);
    case "alterColumn": {
      if (op.from.name !== op.to.name) {
        throw new InvalidOperationError(
          op.kind,
          `Cannot render alterColumn ${op.from.name} -> ${op.to.name}: a rename is a renameColumn`,
        );
      }
      const change = {
        from: data(columnDefinitionToSpec(op.from)),
        to: data(columnDefinitionToSpec(op.to)),
        ...(op.using === undefined ? {} : { using: op.using }),
      };
      return call(op.kind, [ref(op), toSource(op.from.name), toSource(change, true)]);
    }
    case "renameColumn":
      return call(op.kind, [ref(op), toSource(op.from), toSource(op.to)]);
    case "createIndex":
    case "dropIndex":
      return call(op.kind, [ref(op), toSource(data(indexToSpec(op.index)))]);
    case "createUnique":
    case "dropUnique":
      return call(op.kind, [ref(op), toSource(data(uniqueToSpec(op.unique)))]);
    case "createForeignKey":
    case "dropForeignKey":
      return call(op.kind, [ref(op), toSource(data(foreignKeyToSpec(op.foreignKey)))]);
    case "createCheck":
    case "dropCheck":
      return call(op.kind, [ref(op), toSource(data(checkToSpec(op.check)))]);
    case "createExclusion":
    case "dropExclusion":
      return call(op.kind, [ref(op), toSource(data(exclusionToSpec(op.exclusion)))]);
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return call(op.kind, [ref(op), toSource(data(primaryKeyToSpec(op.primaryKey)))]);
    case "setTableComment":
      // Both sides are always written: `to: null` says "remove" more plainly than a missing key.
      return call(op.kind, [ref(op), toSource({ from: op.from ?? null, to: op.to ?? null })]);
    case "createEnum":
    case "dropEnum":
      return call(op.kind, [toSource(data(nameToRef(op.enumType))), toSource(op.enumType.values)]);
    case "alterEnum": {
      const change = {
        from: op.from,
        to: op.to,
        usedBy: op.usedBy.map((usage) => ({ table: tableToRef(usage), column: columnToSpec(usage.column) })),
      };
      return call(op.kind, [toSource(data(nameToRef(op))), toSource(data(change), true)]);
    }
    case "createView":
    case "dropView":
      return call(op.kind, [toSource(data(nameToRef(op.view))), toSource(data(viewToSpec(op.view)))]);
    case "execute": {
      const args = [toSource(op.sql)];
      if (op.params !== undefined) args.push(toSource(op.params));
      if (op.reverseSql !== undefined) {
        const reverse =
          op.reverseParams === undefined ? op.reverseSql : { sql: op.reverseSql, params: op.reverseParams };
        args.push(toSource({ reverse }));
      }
      return call(op.kind, args);
    }
    default:
      return assertNever(op, "operation");
  }
}
