/**
 * A mutable working copy of a schema model, keyed by qualified name, that `applyAll` edits in
 * place so applying many operations to a large model stays linear. Tables, columns and the
 * rest stay immutable objects; only the maps change.
 */
import { stableJson } from "../model/compare";
import { qualifiedName } from "../model/keys";
import { sortModel } from "../model/sort";
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
import { InvalidOperationError } from "./errors";
import type { Operation } from "./types";

export interface Draft {
  readonly tables: Map<string, TableModel>;
  readonly enums: Map<string, EnumType>;
  readonly views: Map<string, View>;
  /** Check that the data an operation carries matches the model (the old column, index...). */
  readonly strict: boolean;
}

export function createDraft(model: SchemaModel, strict: boolean): Draft {
  return {
    tables: new Map(model.tables.map((t) => [qualifiedName(t), t])),
    enums: new Map(model.enums.map((e) => [qualifiedName(e), e])),
    views: new Map(model.views.map((v) => [qualifiedName(v), v])),
    strict,
  };
}

export function finishDraft(draft: Draft): SchemaModel {
  return sortModel({
    tables: [...draft.tables.values()],
    enums: [...draft.enums.values()],
    views: [...draft.views.values()],
  });
}

/** Throws an {@link InvalidOperationError} about `op` unless `condition` holds. */
export function demand(condition: boolean, op: Operation, problem: string): asserts condition {
  if (!condition) {
    throw new InvalidOperationError(op.kind, `Cannot ${describeOperation(op)}: ${problem}`);
  }
}

/** Like {@link demand}, but only in strict mode (checks of carried data, not of existence). */
export function demandStrict(draft: Draft, condition: boolean, op: Operation, problem: string): void {
  if (draft.strict) demand(condition, op, problem);
}

export function sameData(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
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
