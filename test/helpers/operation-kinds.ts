import type { OperationKind } from "../../src/ops/types";

/**
 * Every operation kind, as a record so that a new kind is a compile error here until it is
 * listed; tests iterate `Object.keys(allOperationKinds)` to cover every kind.
 */
export const allOperationKinds: Readonly<Record<OperationKind, true>> = {
  createTable: true,
  dropTable: true,
  renameTable: true,
  addColumn: true,
  dropColumn: true,
  alterColumn: true,
  renameColumn: true,
  createIndex: true,
  dropIndex: true,
  createUnique: true,
  dropUnique: true,
  createForeignKey: true,
  dropForeignKey: true,
  createCheck: true,
  dropCheck: true,
  createExclusion: true,
  dropExclusion: true,
  createPrimaryKey: true,
  dropPrimaryKey: true,
  setTableComment: true,
  createEnum: true,
  dropEnum: true,
  alterEnum: true,
  createView: true,
  dropView: true,
  execute: true,
};

/** The kinds as a list. */
export const operationKinds = Object.keys(allOperationKinds) as OperationKind[];
