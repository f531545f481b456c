import { qualifiedName, sortBy } from "../model/keys";
import type { SchemaModel, TableModel } from "../model/types";
import { applyAll } from "../ops/apply";
import type { Operation } from "../ops/types";
import { diffEnums } from "./enums";
import { withoutExcluded } from "./exclude";
import { diffForeignKeys } from "./foreign-keys";
import type { AsyncDiffOptions, DiffOptions } from "./options";
import { createPlan, orderPlan } from "./plan";
import {
  renameOperations,
  resolveRenames,
  resolveRenamesAsync,
  type ResolvedRenames,
} from "./renames";
import { diffTable, type TableDiff } from "./table-diff";
import { planCreatedTables, planDroppedTables } from "./tables";
import { diffViews } from "./views";

/**
 * The operations that turn `live` into `target`, in an order every database accepts (see
 * `plan.ts`). Pure and linear in the size of the models: every lookup goes through a map keyed
 * by qualified name. `applyAll(live, diffModels(live, target))` equals `target` (columns
 * compared by name, see `compareModels`), and so does `applyAll(target', reverseAll(ops))`
 * the other way round. Renames come only from `options.renames`; excluded tables and views are
 * left out of both sides.
 */
export function diffModels(
  live: SchemaModel,
  target: SchemaModel,
  options: DiffOptions = {},
): Operation[] {
  const from = withoutExcluded(live, options.excludeTables ?? []);
  const to = withoutExcluded(target, options.excludeTables ?? []);
  return planDiff(from, to, resolveRenames(from, to, options.renames));
}

/** {@link diffModels} with a resolver that may answer asynchronously (a prompt). */
export async function diffModelsAsync(
  live: SchemaModel,
  target: SchemaModel,
  options: AsyncDiffOptions = {},
): Promise<Operation[]> {
  const from = withoutExcluded(live, options.excludeTables ?? []);
  const to = withoutExcluded(target, options.excludeTables ?? []);
  return planDiff(from, to, await resolveRenamesAsync(from, to, options.renames));
}

function planDiff(live: SchemaModel, target: SchemaModel, renames: ResolvedRenames): Operation[] {
  const plan = createPlan();
  plan.renames.push(...renameOperations(renames));
  // Everything after the renames compares the renamed live model with the target.
  const current = plan.renames.length > 0 ? applyAll(live, plan.renames) : live;

  const liveByKey = new Map(current.tables.map((t) => [qualifiedName(t), t]));
  const targetByKey = new Map(target.tables.map((t) => [qualifiedName(t), t]));
  const dropped = sortBy(
    current.tables.filter((t) => !targetByKey.has(qualifiedName(t))),
    qualifiedName,
  );
  const added = sortBy(
    target.tables.filter((t) => !liveByKey.has(qualifiedName(t))),
    qualifiedName,
  );
  const diffs: TableDiff[] = [];
  const diffByKey = new Map<string, TableDiff>();
  for (const wanted of sortBy(target.tables, qualifiedName)) {
    const key = qualifiedName(wanted);
    const existing = liveByKey.get(key);
    if (existing === undefined) continue;
    const diff = diffTable(existing, wanted);
    diffs.push(diff);
    diffByKey.set(key, diff);
  }

  const foreignKeys = diffForeignKeys(diffs, diffByKey);
  const droppedTables = planDroppedTables(dropped);
  plan.dropForeignKeys.push(...foreignKeys.drops, ...droppedTables.dropForeignKeys);
  plan.dropTables.push(...droppedTables.drops);
  for (const diff of diffs) {
    plan.dropConstraints.push(...diff.drops);
    plan.columns.push(...diff.columnOps);
    plan.createConstraints.push(...diff.creates);
  }
  const steady = (key: string): boolean => diffByKey.get(key)?.touched === false;
  const created = planCreatedTables(added, steady);
  plan.createTables.push(...created.creates);
  plan.createForeignKeys.push(...foreignKeys.creates, ...created.deferred);

  const enums = diffEnums(
    current.enums,
    target.enums,
    diffs.map((d) => d.live),
  );
  plan.enums.push(...enums.creates, ...enums.alters);
  plan.dropEnums.push(...enums.drops);

  const views = diffViews(current.views, target.views, affectedTableNames(renames, dropped, diffs));
  plan.dropViews.push(...views.drops);
  plan.createViews.push(...views.creates);
  return orderPlan(plan);
}

/**
 * Lower-cased bare names (old and new) of the tables whose shape changes in a way a view may
 * notice: dropped, renamed, or with a column dropped, altered or renamed.
 */
function affectedTableNames(
  renames: ResolvedRenames,
  dropped: readonly TableModel[],
  diffs: readonly TableDiff[],
): Set<string> {
  const names = new Set<string>();
  const add = (table: { readonly name: string }): void => void names.add(table.name.toLowerCase());
  for (const { from, to } of renames.tables) {
    add(from);
    add(to);
  }
  for (const { table } of renames.columns) add(table);
  for (const table of dropped) add(table);
  for (const diff of diffs) if (diff.columnsChanged) add(diff.target);
  // A column-renamed or column-changed table may itself have been renamed: its old name too.
  const oldNames = new Map(
    renames.tables.map(({ from, to }) => [to.name.toLowerCase(), from.name.toLowerCase()]),
  );
  for (const name of [...names]) {
    const old = oldNames.get(name);
    if (old !== undefined) names.add(old);
  }
  return names;
}
