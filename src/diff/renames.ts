/**
 * Rename resolution. The questions to ask a resolver (tables first, then columns of each
 * table present on both sides once table renames are known) come from one generator, so the
 * synchronous and the asynchronous diff share the logic and differ only in how they wait.
 */
import { qualifiedName, sortBy } from "../model/keys";
import type { Column, SchemaModel, TableModel } from "../model/types";
import type { Operation } from "../ops/types";
import { UsageError } from "../util/errors";
import type { AsyncRenameResolver, RenamePair, RenameResolver } from "./options";
import { targetOf } from "./plan";

export interface ResolvedRenames {
  readonly tables: readonly { readonly from: TableModel; readonly to: TableModel }[];
  readonly columns: readonly {
    readonly table: TableModel;
    readonly pairs: readonly RenamePair[];
  }[];
}

export const noRenames: ResolvedRenames = { tables: [], columns: [] };

type Question =
  | { readonly kind: "tables"; readonly dropped: TableModel[]; readonly added: TableModel[] }
  | {
      readonly kind: "columns";
      readonly table: TableModel;
      readonly dropped: Column[];
      readonly added: Column[];
    };

function* askRenames(
  live: SchemaModel,
  target: SchemaModel,
): Generator<Question, ResolvedRenames, readonly RenamePair[]> {
  const liveByKey = new Map(live.tables.map((t) => [qualifiedName(t), t]));
  const targetByKey = new Map(target.tables.map((t) => [qualifiedName(t), t]));
  const dropped = sortBy(
    live.tables.filter((t) => !targetByKey.has(qualifiedName(t))),
    qualifiedName,
  );
  const added = sortBy(
    target.tables.filter((t) => !liveByKey.has(qualifiedName(t))),
    qualifiedName,
  );
  const tables: { from: TableModel; to: TableModel }[] = [];
  if (dropped.length > 0 && added.length > 0) {
    const answer = yield { kind: "tables", dropped, added };
    const droppedByKey = new Map(dropped.map((t) => [qualifiedName(t), t]));
    const addedByKey = new Map(added.map((t) => [qualifiedName(t), t]));
    for (const pair of checkPairs(answer, droppedByKey, addedByKey, "table")) {
      const from = droppedByKey.get(pair.from)!;
      const to = addedByKey.get(pair.to)!;
      if (from.schema !== to.schema) {
        throw new UsageError(
          `Cannot rename table ${pair.from} to ${pair.to}: a rename stays in its schema.`,
        );
      }
      tables.push({ from, to });
    }
  }
  const renamedFrom = new Map(tables.map(({ from, to }) => [qualifiedName(to), from]));
  const columns: { table: TableModel; pairs: readonly RenamePair[] }[] = [];
  for (const table of sortBy(target.tables, qualifiedName)) {
    const key = qualifiedName(table);
    const old = liveByKey.get(key) ?? renamedFrom.get(key);
    if (old === undefined) continue;
    const wantedNames = new Set(table.columns.map((c) => c.name));
    const oldNames = new Set(old.columns.map((c) => c.name));
    const goneColumns = old.columns.filter((c) => !wantedNames.has(c.name));
    const newColumns = table.columns.filter((c) => !oldNames.has(c.name));
    if (goneColumns.length === 0 || newColumns.length === 0) continue;
    const answer = yield { kind: "columns", table, dropped: goneColumns, added: newColumns };
    const byName = (list: Column[]) => new Map(list.map((c) => [c.name, c]));
    const pairs = checkPairs(answer, byName(goneColumns), byName(newColumns), `column of ${key}`);
    if (pairs.length > 0) columns.push({ table, pairs });
  }
  return { tables, columns };
}

/** Every answer must pair a name from each list, each name at most once. */
function checkPairs(
  pairs: readonly RenamePair[],
  dropped: ReadonlyMap<string, unknown>,
  added: ReadonlyMap<string, unknown>,
  what: string,
): readonly RenamePair[] {
  const used = new Set<string>();
  for (const { from, to } of pairs) {
    if (!dropped.has(from))
      throw new UsageError(`Rename of ${what} ${from}: no such ${what} is dropped.`);
    if (!added.has(to))
      throw new UsageError(`Rename of ${what} ${from} to ${to}: no such ${what} is added.`);
    for (const name of [`from:${from}`, `to:${to}`]) {
      if (used.has(name))
        throw new UsageError(`${what} ${name.slice(name.indexOf(":") + 1)} is renamed twice.`);
      used.add(name);
    }
  }
  return pairs;
}

function answer(resolver: RenameResolver | AsyncRenameResolver, question: Question) {
  return question.kind === "tables"
    ? resolver.resolveTableRenames(question.dropped, question.added)
    : resolver.resolveColumnRenames(question.table, question.dropped, question.added);
}

/** Asks a synchronous resolver which dropped/added tables and columns are renames. */
export function resolveRenames(
  live: SchemaModel,
  target: SchemaModel,
  resolver: RenameResolver | undefined,
): ResolvedRenames {
  if (resolver === undefined) return noRenames;
  const questions = askRenames(live, target);
  let step = questions.next();
  while (!step.done) step = questions.next(answer(resolver, step.value) as readonly RenamePair[]);
  return step.value;
}

/** Like {@link resolveRenames}, awaiting each answer (an interactive prompt). */
export async function resolveRenamesAsync(
  live: SchemaModel,
  target: SchemaModel,
  resolver: AsyncRenameResolver | undefined,
): Promise<ResolvedRenames> {
  if (resolver === undefined) return noRenames;
  const questions = askRenames(live, target);
  let step = questions.next();
  while (!step.done) step = questions.next(await answer(resolver, step.value));
  return step.value;
}

/** renameTable operations, then renameColumn operations (which use the new table names). */
export function renameOperations(renames: ResolvedRenames): Operation[] {
  const ops: Operation[] = [];
  for (const { from, to } of renames.tables) {
    ops.push({
      kind: "renameTable",
      ...(from.schema === undefined ? {} : { schema: from.schema }),
      from: from.name,
      to: to.name,
    });
  }
  for (const { table, pairs } of renames.columns) {
    for (const { from, to } of pairs)
      ops.push({ kind: "renameColumn", ...targetOf(table), from, to });
  }
  return ops;
}
