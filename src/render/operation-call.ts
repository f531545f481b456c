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
import { awaitCallStatement, printStatement, type CallArgument } from "./js-layout";
import { toSource, type SourceValue } from "./source";

/** The `op` method a migration calls and its arguments, before layout. */
export interface OperationCall {
  readonly method: Operation["kind"];
  readonly args: readonly CallArgument[];
}

/** Spec objects are plain JSON-like data by construction; this only widens their type. */
function data(value: object | string): SourceValue {
  return value as unknown as SourceValue;
}

/**
 * An argument. `expanded` objects are written one member per line even when they would fit
 * on one: the table definition of `createTable` and the before/after of `alterColumn` and
 * `alterEnum` read better that way (prettier keeps such objects expanded).
 */
function arg(value: SourceValue, expanded = false): CallArgument {
  return expanded ? { value, expanded } : { value };
}

function call(method: Operation["kind"], args: readonly CallArgument[]): OperationCall {
  return { method, args };
}

const ref = (target: TableTarget): CallArgument => arg(data(tableToRef(target)));

/**
 * The statement (`await op.x(...);`) that performs `op`, laid out as prettier prints it at
 * `indentation` spaces (every line indented).
 */
export function renderOperationCall(op: Operation, indentation = 0): string {
  const { method, args } = operationCall(op);
  return printStatement(awaitCallStatement("op", method, args), indentation);
}

/** The same statement unformatted: one line, but for expanded objects (input for prettier). */
export function renderOperationSource(op: Operation): string {
  const { method, args } = operationCall(op);
  return `await op.${method}(${args.map((a) => toSource(a.value, a.expanded)).join(", ")});`;
}

/** The method and arguments of the call that performs `op`. */
export function operationCall(op: Operation): OperationCall {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
      return call(op.kind, [
        arg(data(tableToRef({ ...op.table, table: op.table.name }))),
        arg(data(tableToSpec(op.table)), true),
      ]);
    case "renameTable":
      return call(op.kind, [ref({ ...op, table: op.from }), arg(op.to)]);
    case "addColumn":
    case "dropColumn":
      return call(op.kind, [ref(op), arg(data(columnToSpec(op.column)))]);
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
      return call(op.kind, [ref(op), arg(op.from.name), arg(change, true)]);
    }
    case "renameColumn":
      return call(op.kind, [ref(op), arg(op.from), arg(op.to)]);
    case "createIndex":
    case "dropIndex":
      return call(op.kind, [ref(op), arg(data(indexToSpec(op.index)))]);
    case "createUnique":
    case "dropUnique":
      return call(op.kind, [ref(op), arg(data(uniqueToSpec(op.unique)))]);
    case "createForeignKey":
    case "dropForeignKey":
      return call(op.kind, [ref(op), arg(data(foreignKeyToSpec(op.foreignKey)))]);
    case "createCheck":
    case "dropCheck":
      return call(op.kind, [ref(op), arg(data(checkToSpec(op.check)))]);
    case "createExclusion":
    case "dropExclusion":
      return call(op.kind, [ref(op), arg(data(exclusionToSpec(op.exclusion)))]);
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return call(op.kind, [ref(op), arg(data(primaryKeyToSpec(op.primaryKey)))]);
    case "setTableComment":
      // Both sides are always written: `to: null` says "remove" more plainly than a missing key.
      return call(op.kind, [ref(op), arg({ from: op.from ?? null, to: op.to ?? null })]);
    case "createEnum":
    case "dropEnum":
      return call(op.kind, [arg(data(nameToRef(op.enumType))), arg(op.enumType.values)]);
    case "alterEnum": {
      const change = {
        from: op.from,
        to: op.to,
        usedBy: op.usedBy.map((usage) => ({ table: tableToRef(usage), column: columnToSpec(usage.column) })),
      };
      return call(op.kind, [arg(data(nameToRef(op))), arg(data(change), true)]);
    }
    case "createView":
    case "dropView":
      return call(op.kind, [arg(data(nameToRef(op.view))), arg(data(viewToSpec(op.view)))]);
    case "execute": {
      const args = [arg(op.sql)];
      if (op.params !== undefined) args.push(arg(op.params));
      if (op.reverseSql !== undefined) {
        const reverse =
          op.reverseParams === undefined ? op.reverseSql : { sql: op.reverseSql, params: op.reverseParams };
        args.push(arg({ reverse }));
      }
      return call(op.kind, args);
    }
    default:
      return assertNever(op, "operation");
  }
}
