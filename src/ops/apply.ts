import { qualifiedName } from "../model/keys";
import type { SchemaModel, TableModel } from "../model/types";
import { assertNever } from "../util/assert-never";
import {
  createDraft,
  demand,
  demandStrict,
  enumOfType,
  finishDraft,
  foreignKeysTo,
  putTable,
  referencedKey,
  renameIn,
  requireColumn,
  requireColumns,
  requireEnumsOf,
  requireReferencedTable,
  requireTable,
  sameData,
  sameTable,
  tableKey,
  type Draft,
} from "./draft";
import type { Operation, TableTarget } from "./types";

export interface ApplyOptions {
  /**
   * Check that the data an operation carries (the dropped column, the `from` of an alter...)
   * matches the model, so that reversing it would restore the model. Default `true`.
   * Existence (of tables, columns, referenced tables) is always checked.
   */
  readonly strict?: boolean;
}

/**
 * Applies operations to a model, in order, as a database would, and returns the result
 * sorted (`sortModel`). Pure: `model` is not changed. Throws an `InvalidOperationError` when an
 * operation does not fit (missing table, foreign key to a table not created yet, a drop whose
 * carried data differs from the model). `execute` leaves the model as it is.
 *
 * Expressions (checks, partial index predicates, computed columns, view definitions) are
 * opaque text: renames do not rewrite them.
 */
export function applyAll(
  model: SchemaModel,
  ops: readonly Operation[],
  options: ApplyOptions = {},
): SchemaModel {
  const draft = createDraft(model, options.strict ?? true);
  for (const op of ops) applyToDraft(draft, op);
  return finishDraft(draft);
}

/** Applies one operation; see {@link applyAll}. */
export function applyOperation(
  model: SchemaModel,
  op: Operation,
  options: ApplyOptions = {},
): SchemaModel {
  return applyAll(model, [op], options);
}

type Part = "indexes" | "uniques" | "foreignKeys" | "checks" | "exclusions";

function applyToDraft(draft: Draft, op: Operation): void {
  switch (op.kind) {
    case "createTable":
      return createTable(draft, op, op.table);
    case "dropTable":
      return dropTable(draft, op, op.table);
    case "renameTable":
      return renameTable(draft, op, op.schema, op.from, op.to);
    case "addColumn": {
      const table = requireTable(draft, op, op.schema, op.table);
      demand(!table.columns.some((c) => c.name === op.column.name), op, "the column exists");
      requireEnumsOf(draft, op, [op.column]);
      return put(draft, { ...table, columns: [...table.columns, op.column] });
    }
    case "dropColumn":
      return dropColumn(draft, op, op);
    case "alterColumn": {
      const table = requireTable(draft, op, op.schema, op.table);
      const current = requireColumn(table, op, op.from.name);
      demand(op.from.name === op.to.name, op, "alterColumn cannot rename; use renameColumn");
      demandStrict(draft, sameData(current, op.from), op, "the column is not as `from` says");
      requireEnumsOf(draft, op, [op.to]);
      const columns = table.columns.map((c) => (c.name === op.from.name ? op.to : c));
      return put(draft, { ...table, columns });
    }
    case "renameColumn":
      return renameColumn(draft, op, op.from, op.to);
    case "createIndex":
      return addMember(draft, op, "indexes", op.index, []);
    case "dropIndex":
      return dropMember(draft, op, "indexes", op.index);
    case "createUnique":
      return addMember(draft, op, "uniques", op.unique, op.unique.columns);
    case "dropUnique":
      return dropMember(draft, op, "uniques", op.unique);
    case "createForeignKey": {
      const table = requireTable(draft, op, op.schema, op.table);
      requireReferencedTable(draft, op, op.foreignKey, table);
      return addMember(draft, op, "foreignKeys", op.foreignKey, op.foreignKey.columns);
    }
    case "dropForeignKey":
      return dropMember(draft, op, "foreignKeys", op.foreignKey);
    case "createCheck":
      return addMember(draft, op, "checks", op.check, []);
    case "dropCheck":
      return dropMember(draft, op, "checks", op.check);
    case "createExclusion":
      return addMember(draft, op, "exclusions", op.exclusion, []);
    case "dropExclusion":
      return dropMember(draft, op, "exclusions", op.exclusion);
    case "createPrimaryKey": {
      const table = requireTable(draft, op, op.schema, op.table);
      demand(table.primaryKey === undefined, op, "the table already has a primary key");
      requireColumns(table, op, op.primaryKey.columns);
      return put(draft, { ...table, primaryKey: op.primaryKey });
    }
    case "dropPrimaryKey": {
      const table = requireTable(draft, op, op.schema, op.table);
      demand(table.primaryKey !== undefined, op, "the table has no primary key");
      demandStrict(draft, sameData(table.primaryKey, op.primaryKey), op, "the key differs");
      const { primaryKey: _dropped, ...rest } = table;
      return put(draft, rest);
    }
    case "setTableComment": {
      const table = requireTable(draft, op, op.schema, op.table);
      demandStrict(draft, table.comment === op.from, op, "the comment is not as `from` says");
      const { comment: _old, ...rest } = table;
      return put(draft, op.to === undefined ? rest : { ...rest, comment: op.to });
    }
    case "createEnum": {
      const key = qualifiedName(op.enumType);
      demand(!draft.enums.has(key), op, "the enum type exists");
      draft.enums.set(key, op.enumType);
      return;
    }
    case "dropEnum":
      return dropEnum(draft, op, qualifiedName(op.enumType));
    case "alterEnum": {
      const key = qualifiedName(op);
      const current = draft.enums.get(key);
      demand(current !== undefined, op, "the enum type does not exist");
      demandStrict(draft, sameData(current.values, op.from), op, "its values are not `from`");
      draft.enums.set(key, { ...current, values: op.to });
      return;
    }
    case "createView": {
      const key = qualifiedName(op.view);
      demand(!draft.views.has(key), op, "the view exists");
      draft.views.set(key, op.view);
      return;
    }
    case "dropView": {
      const key = qualifiedName(op.view);
      const current = draft.views.get(key);
      demand(current !== undefined, op, "the view does not exist");
      demandStrict(draft, sameData(current, op.view), op, "the view differs from the one carried");
      draft.views.delete(key);
      return;
    }
    case "execute":
      return;
    default:
      return assertNever(op, "operation");
  }
}

const put = putTable;

function createTable(draft: Draft, op: Operation, table: TableModel): void {
  demand(!draft.tables.has(qualifiedName(table)), op, "the table exists");
  requireEnumsOf(draft, op, table.columns);
  for (const fk of table.foreignKeys) requireReferencedTable(draft, op, fk, table);
  put(draft, table);
}

function dropTable(draft: Draft, op: Operation, table: TableModel): void {
  const key = qualifiedName(table);
  const current = draft.tables.get(key);
  demand(current !== undefined, op, "the table does not exist");
  demandStrict(draft, sameTable(current, table), op, "the table differs from the one carried");
  const referrers = foreignKeysTo(draft, key).filter((r) => qualifiedName(r.table) !== key);
  demand(
    referrers.length === 0,
    op,
    `foreign keys still point at it (${referrers.map((r) => r.foreignKey.name).join(", ")})`,
  );
  draft.tables.delete(key);
}

function renameTable(
  draft: Draft,
  op: Operation,
  schema: string | undefined,
  from: string,
  to: string,
): void {
  const table = requireTable(draft, op, schema, from);
  const fromKey = tableKey(schema, from);
  demand(!draft.tables.has(tableKey(schema, to)), op, `table ${tableKey(schema, to)} exists`);
  draft.tables.delete(fromKey);
  put(draft, { ...table, name: to });
  // Databases keep foreign keys pointing at the renamed table; so does the model.
  for (const { table: referrer } of foreignKeysTo(draft, fromKey)) {
    const current = draft.tables.get(qualifiedName(referrer)) ?? referrer;
    put(draft, {
      ...current,
      foreignKeys: current.foreignKeys.map((fk) =>
        referencedKey(fk) === fromKey ? { ...fk, referencedTable: to } : fk,
      ),
    });
  }
}

function dropColumn(
  draft: Draft,
  op: Operation,
  target: TableTarget & { column: { name: string } },
): void {
  const table = requireTable(draft, op, target.schema, target.table);
  const current = requireColumn(table, op, target.column.name);
  demandStrict(
    draft,
    sameData(current, target.column),
    op,
    "the column differs from the one carried",
  );
  const name = current.name;
  const users = [
    ...(table.primaryKey?.columns.includes(name) ? ["the primary key"] : []),
    ...table.indexes.filter((i) => i.columns.includes(name)).map((i) => i.name),
    ...table.uniques.filter((u) => u.columns.includes(name)).map((u) => u.name),
    ...table.foreignKeys.filter((f) => f.columns.includes(name)).map((f) => f.name),
    ...foreignKeysTo(draft, qualifiedName(table))
      .filter((r) => r.foreignKey.referencedColumns.includes(name))
      .map((r) => r.foreignKey.name),
  ];
  demand(users.length === 0, op, `it is still used by ${users.join(", ")}`);
  put(draft, { ...table, columns: table.columns.filter((c) => c.name !== name) });
}

function renameColumn(draft: Draft, op: Operation & TableTarget, from: string, to: string): void {
  const table = requireTable(draft, op, op.schema, op.table);
  const column = requireColumn(table, op, from);
  demand(!table.columns.some((c) => c.name === to), op, `column ${to} exists`);
  const key = qualifiedName(table);
  const renamedFk = <T extends { columns: readonly string[] }>(item: T): T => ({
    ...item,
    columns: renameIn(item.columns, from, to),
  });
  put(draft, {
    ...table,
    columns: table.columns.map((c) => (c === column ? { ...c, name: to } : c)),
    ...(table.primaryKey === undefined ? {} : { primaryKey: renamedFk(table.primaryKey) }),
    indexes: table.indexes.map(renamedFk),
    uniques: table.uniques.map(renamedFk),
    foreignKeys: table.foreignKeys.map(renamedFk),
  });
  // Foreign keys (including self references) that point at the renamed column follow it.
  for (const { table: referrer } of foreignKeysTo(draft, key)) {
    const current = draft.tables.get(qualifiedName(referrer)) ?? referrer;
    put(draft, {
      ...current,
      foreignKeys: current.foreignKeys.map((fk) =>
        referencedKey(fk) === key
          ? { ...fk, referencedColumns: renameIn(fk.referencedColumns, from, to) }
          : fk,
      ),
    });
  }
}

function addMember<P extends Part>(
  draft: Draft,
  op: Operation & TableTarget,
  part: P,
  item: TableModel[P][number],
  columns: readonly string[],
): void {
  const table = requireTable(draft, op, op.schema, op.table);
  const items = table[part] as readonly { readonly name: string }[];
  demand(!items.some((i) => i.name === item.name), op, `${item.name} exists`);
  requireColumns(table, op, columns);
  put(draft, { ...table, [part]: [...items, item] });
}

function dropMember<P extends Part>(
  draft: Draft,
  op: Operation & TableTarget,
  part: P,
  item: TableModel[P][number],
): void {
  const table = requireTable(draft, op, op.schema, op.table);
  const items = table[part] as readonly { readonly name: string }[];
  const current = items.find((i) => i.name === item.name);
  demand(current !== undefined, op, `${item.name} does not exist`);
  demandStrict(draft, sameData(current, item), op, `${item.name} differs from the one carried`);
  put(draft, { ...table, [part]: items.filter((i) => i !== current) });
}

function dropEnum(draft: Draft, op: Operation, key: string): void {
  demand(draft.enums.has(key), op, "the enum type does not exist");
  if (op.kind === "dropEnum") {
    demandStrict(draft, sameData(draft.enums.get(key), op.enumType), op, "its values differ");
  }
  for (const table of draft.tables.values()) {
    for (const column of table.columns) {
      demand(
        enumOfType(column.type) !== key,
        op,
        `column ${qualifiedName(table)}.${column.name} still uses it`,
      );
    }
  }
  draft.enums.delete(key);
}
