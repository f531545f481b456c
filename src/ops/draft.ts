/**
 * A mutable working copy of a schema model, keyed by qualified name, that `applyAll` edits in
 * place so applying many operations to a large model stays linear. Tables, columns and the
 * rest stay immutable objects; only the maps change.
 */
import { compareStrings, qualifiedName, sortBy } from "../model/keys";
import { sortTable } from "../model/sort";
import type {
  Column,
  ColumnType,
  EnumType,
  ForeignKey,
  SchemaModel,
  TableModel,
  View,
} from "../model/types";
import { describeOperation } from "./describe";
import { sameData } from "./equal";
import { InvalidOperationError } from "../util/errors";
import type { Operation } from "./types";

export interface Draft {
  readonly tables: Map<string, TableModel>;
  readonly enums: Map<string, EnumType>;
  readonly views: Map<string, View>;
  /** Check that the data an operation carries matches the model (the old column, index...). */
  readonly strict: boolean;
  /** Keys of the tables operations replaced. */
  readonly touched: Set<string>;
}

export function createDraft(model: SchemaModel, strict: boolean): Draft {
  return {
    tables: new Map(model.tables.map((t) => [qualifiedName(t), t])),
    enums: new Map(model.enums.map((e) => [qualifiedName(e), e])),
    views: new Map(model.views.map((v) => [qualifiedName(v), v])),
    strict,
    touched: new Set(),
  };
}

/**
 * The draft as a sorted model. Only tables an operation replaced are re-sorted, and lists
 * already in order are kept as they are: applying one operation to a large model must not
 * cost a sort of every table (runners apply operations one at a time).
 */
export function finishDraft(draft: Draft): SchemaModel {
  const tables = [...draft.tables.values()].map((t) =>
    draft.touched.has(qualifiedName(t)) || !isTableSorted(t) ? sortTable(t) : t,
  );
  return {
    tables: sortedByKey(tables),
    enums: sortedByKey([...draft.enums.values()]),
    views: sortedByKey([...draft.views.values()]),
  };
}

/** Stores a changed table and remembers to sort it when the draft is finished. */
export function putTable(draft: Draft, table: TableModel): void {
  const key = qualifiedName(table);
  draft.tables.set(key, table);
  draft.touched.add(key);
}

function sortedByKey<T extends { readonly schema?: string; readonly name: string }>(
  items: T[],
): T[] {
  const keys = items.map(qualifiedName);
  for (let i = 1; i < keys.length; i += 1) {
    if (compareStrings(keys[i - 1]!, keys[i]!) > 0) return sortBy(items, qualifiedName);
  }
  return items;
}

function isTableSorted(table: TableModel): boolean {
  const byName = (items: readonly { readonly name: string }[]): boolean =>
    items.every((item, i) => i === 0 || compareStrings(items[i - 1]!.name, item.name) <= 0);
  return (
    byName(table.indexes) &&
    byName(table.uniques) &&
    byName(table.foreignKeys) &&
    byName(table.checks) &&
    byName(table.exclusions)
  );
}

/** Throws an {@link InvalidOperationError} about `op` unless `condition` holds. */
export function demand(condition: boolean, op: Operation, problem: string): asserts condition {
  if (!condition) {
    throw new InvalidOperationError(op.kind, `Cannot ${describeOperation(op)}: ${problem}`);
  }
}

/** Like {@link demand}, but only in strict mode (checks of carried data, not of existence). */
export function demandStrict(
  draft: Draft,
  condition: boolean,
  op: Operation,
  problem: string,
): void {
  if (draft.strict) demand(condition, op, problem);
}

export { sameData };

/**
 * True when two tables are the same model: member lists compared in canonical order and
 * columns by name, as `compareModels` does (a table read back lists them sorted).
 */
export function sameTable(a: TableModel, b: TableModel): boolean {
  const canonical = (t: TableModel): TableModel => {
    const sorted = sortTable(t);
    return { ...sorted, columns: sortBy(sorted.columns, (c) => c.name) };
  };
  return sameData(canonical(a), canonical(b));
}

export function tableKey(schema: string | undefined, name: string): string {
  return schema === undefined ? name : `${schema}.${name}`;
}

export function referencedKey(fk: ForeignKey): string {
  return tableKey(fk.referencedSchema, fk.referencedTable);
}

export function requireTable(
  draft: Draft,
  op: Operation,
  schema: string | undefined,
  name: string,
): TableModel {
  const table = draft.tables.get(tableKey(schema, name));
  demand(table !== undefined, op, `table ${tableKey(schema, name)} does not exist`);
  return table;
}

export function requireColumn(table: TableModel, op: Operation, name: string): Column {
  const column = table.columns.find((c) => c.name === name);
  demand(column !== undefined, op, `column ${qualifiedName(table)}.${name} does not exist`);
  return column;
}

export function requireColumns(table: TableModel, op: Operation, names: readonly string[]): void {
  for (const name of names) requireColumn(table, op, name);
}

/** The enum type a column type refers to, directly or as an array element. */
export function enumOfType(type: ColumnType): string | undefined {
  if (type.kind === "enum") return tableKey(type.schema, type.name);
  if (type.kind === "array") return enumOfType(type.element);
  return undefined;
}

export function requireEnumsOf(draft: Draft, op: Operation, columns: readonly Column[]): void {
  for (const column of columns) {
    const key = enumOfType(column.type);
    if (key !== undefined) demand(draft.enums.has(key), op, `enum type ${key} does not exist`);
  }
}

/** Every foreign key (with its table) that points at the table `key`. */
export function foreignKeysTo(
  draft: Draft,
  key: string,
): { readonly table: TableModel; readonly foreignKey: ForeignKey }[] {
  const found: { table: TableModel; foreignKey: ForeignKey }[] = [];
  for (const table of draft.tables.values()) {
    for (const foreignKey of table.foreignKeys) {
      if (referencedKey(foreignKey) === key) found.push({ table, foreignKey });
    }
  }
  return found;
}

export function requireReferencedTable(
  draft: Draft,
  op: Operation,
  fk: ForeignKey,
  self: TableModel,
): void {
  const key = referencedKey(fk);
  const table = key === qualifiedName(self) ? self : draft.tables.get(key);
  demand(table !== undefined, op, `foreign key ${fk.name} references missing table ${key}`);
  requireColumns(table, op, fk.referencedColumns);
}

/** Replaces `name` by `to` in a list of column names. */
export function renameIn(names: readonly string[], from: string, to: string): string[] {
  return names.map((n) => (n === from ? to : n));
}
