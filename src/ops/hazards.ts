/**
 * What can go wrong when an operation runs against a table with data:
 * - `data-loss`: rows or values disappear (a dropped table or column, a narrowed type, a
 *   removed enum value).
 * - `may-fail`: existing rows may make the statement fail (SET NOT NULL, a new unique key, a
 *   cast that can fail, a new foreign key or check).
 * - `heavy`: the statement holds a strong lock for long or rewrites the table (PostgreSQL: a
 *   rewriting type change, an index built without CONCURRENTLY, a constraint validated at
 *   once; SQLite: any change that rebuilds the table). Reported only when the dialect's
 *   capabilities are given, because it depends on the database.
 */
import type { DialectCapabilities } from "../dialects/dialect";
import { qualifiedName } from "../model/keys";
import type { Column } from "../model/types";
import { assertNever } from "../util/assert-never";
import { operationTable } from "./describe";
import { classifyTypeChange } from "./type-change";
import type { AlterColumnOp, Operation } from "./types";

export type HazardLevel = "data-loss" | "may-fail" | "heavy";

export interface Hazard {
  readonly level: HazardLevel;
  /** One human line: why. */
  readonly reason: string;
}

/** An operation with its hazards. */
export interface OperationHazards {
  readonly op: Operation;
  readonly hazards: readonly Hazard[];
}

/**
 * Classifies one operation, assuming its table holds rows. Pass the dialect's capabilities
 * to also get `heavy` hazards.
 */
export function hazards(op: Operation, capabilities?: DialectCapabilities): Hazard[] {
  const found: Hazard[] = [];
  const add = (level: HazardLevel, reason: string): void => void found.push({ level, reason });
  const inPlace = capabilities?.canAlterColumnType === true;
  const rebuilds = capabilities?.rebuildsTables === true;
  const where = qualifiedName(operationTable(op) ?? { name: "" });
  const rebuild = (): void => {
    if (rebuilds) add("heavy", `rebuilds ${where} (copies every row)`);
  };
  switch (op.kind) {
    case "dropTable":
      add("data-loss", `drops table ${where} and all its rows`);
      break;
    case "dropColumn":
      add("data-loss", `drops column ${where}.${op.column.name} and its values`);
      rebuild();
      break;
    case "addColumn":
      addColumnHazards(op.column, where, add, inPlace);
      break;
    case "alterColumn":
      alterColumnHazards(op, where, add, inPlace);
      rebuild();
      break;
    case "createIndex":
      if (op.index.unique) add("may-fail", `unique index ${op.index.name} fails on duplicate rows`);
      if (inPlace)
        add("heavy", `index ${op.index.name} is built without CONCURRENTLY and blocks writes`);
      break;
    case "createUnique":
      add("may-fail", `unique constraint ${op.unique.name} fails on duplicate rows`);
      if (inPlace)
        add("heavy", `unique constraint ${op.unique.name} builds its index under a write lock`);
      rebuild();
      break;
    case "createPrimaryKey":
      add("may-fail", `primary key on ${where} fails on duplicate or NULL values`);
      if (inPlace) add("heavy", `primary key on ${where} builds its index under a write lock`);
      rebuild();
      break;
    case "createForeignKey":
      add("may-fail", `foreign key ${op.foreignKey.name} fails if existing rows do not match`);
      if (inPlace)
        add(
          "heavy",
          `foreign key ${op.foreignKey.name} is validated at once (NOT VALID + VALIDATE avoids the lock)`,
        );
      rebuild();
      break;
    case "createCheck":
      add("may-fail", `check ${op.check.name} fails if existing rows violate it`);
      if (inPlace)
        add("heavy", `check ${op.check.name} is validated at once under an exclusive lock`);
      rebuild();
      break;
    case "createExclusion":
      add("may-fail", `exclusion ${op.exclusion.name} fails if existing rows conflict`);
      if (inPlace)
        add("heavy", `exclusion ${op.exclusion.name} builds its index under a write lock`);
      break;
    case "alterEnum": {
      const kept = new Set(op.to);
      const removed = op.from.filter((v) => !kept.has(v));
      if (removed.length > 0) {
        add(
          "data-loss",
          `removes value(s) ${removed.map((v) => `'${v}'`).join(", ")} from enum ${qualifiedName(op)}`,
        );
      }
      if (inPlace && !onlyInserts(op.from, op.to) && op.usedBy.length > 0) {
        add(
          "heavy",
          `re-creates enum ${qualifiedName(op)} and rewrites the ${op.usedBy.length} column(s) using it`,
        );
      }
      break;
    }
    case "dropForeignKey":
    case "dropCheck":
    case "dropUnique":
    case "dropPrimaryKey":
      rebuild();
      break;
    case "createTable":
    case "renameTable":
    case "renameColumn":
    case "dropIndex":
    case "dropExclusion":
    case "setTableComment":
    case "createEnum":
    case "dropEnum":
    case "createView":
    case "dropView":
    case "execute":
      break;
    default:
      return assertNever(op, "operation");
  }
  return found;
}

/**
 * Classifies a list of operations in order. Operations on a table created earlier in the same
 * list have no rows to fear: only their `data-loss` hazards remain.
 */
export function hazardsOf(
  ops: readonly Operation[],
  capabilities?: DialectCapabilities,
): OperationHazards[] {
  const created = new Set<string>();
  return ops.map((op) => {
    if (op.kind === "createTable") created.add(qualifiedName(op.table));
    const table = operationTable(op);
    const fresh = table !== undefined && created.has(qualifiedName(table));
    const all = hazards(op, capabilities);
    return { op, hazards: fresh ? all.filter((h) => h.level === "data-loss") : all };
  });
}

type Add = (level: HazardLevel, reason: string) => void;

// Defaults PostgreSQL must evaluate per row, so adding such a column rewrites the table.
const volatileDefault = /random|uuid|nextval|clock_timestamp|timeofday/i;

function addColumnHazards(column: Column, where: string, add: Add, inPlace: boolean): void {
  const filled =
    column.default !== undefined || column.identity !== undefined || column.computed !== undefined;
  if (!column.nullable && !filled) {
    add(
      "may-fail",
      `NOT NULL column ${where}.${column.name} without a default fails on a non-empty table`,
    );
  }
  const perRow =
    column.identity !== undefined ||
    column.computed?.stored === true ||
    (column.default !== undefined && volatileDefault.test(column.default));
  if (inPlace && perRow)
    add("heavy", `adding ${where}.${column.name} fills every row (table rewrite)`);
}

function alterColumnHazards(op: AlterColumnOp, where: string, add: Add, inPlace: boolean): void {
  const { from, to } = op;
  const column = `${where}.${from.name}`;
  const type = classifyTypeChange(from.type, to.type);
  switch (type.change) {
    case "same":
    case "widening":
      break;
    case "narrowing":
      add("data-loss", `narrows ${column} (values may be cut or rejected)`);
      break;
    case "cast":
      add("may-fail", `casting ${column} fails for values that do not convert`);
      break;
    default:
      assertNever(type.change, "type change");
  }
  if (inPlace && type.rewrite) add("heavy", `changing the type of ${column} rewrites the table`);
  // With a default, existing NULLs are filled with it first (the data-preserving form).
  if (from.nullable && !to.nullable && to.default === undefined)
    add("may-fail", `SET NOT NULL on ${column} fails if a row holds NULL`);
  if (to.computed !== undefined && from.computed === undefined) {
    add("data-loss", `${column} becomes computed: stored values are replaced`);
  }
  if (
    inPlace &&
    to.computed?.stored === true &&
    from.computed?.expression !== to.computed.expression
  ) {
    add("heavy", `computing ${column} rewrites the table`);
  }
  if (inPlace && from.collation !== to.collation) {
    add("heavy", `changing the collation of ${column} rebuilds its indexes`);
  }
}

/** True when `to` is `from` with values inserted (PostgreSQL `ADD VALUE` can do it in place). */
function onlyInserts(from: readonly string[], to: readonly string[]): boolean {
  let i = 0;
  for (const value of to) if (i < from.length && value === from[i]) i += 1;
  return i === from.length;
}
