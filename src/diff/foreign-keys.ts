import { qualifiedName } from "../model/keys";
import type { ForeignKey } from "../model/types";
import type { Operation } from "../ops/types";
import { columnSetKey, diffNamed } from "./named";
import { targetOf } from "./plan";
import type { TableDiff } from "./table-diff";

export interface ForeignKeyChanges {
  readonly drops: Operation[];
  readonly creates: Operation[];
}

/**
 * Compares the foreign keys of the tables present on both sides. Removed keys are dropped,
 * added ones created, changed ones dropped and created. An unchanged key is also dropped and
 * re-created when what it stands on changes, because the database refuses the change while
 * the key exists: a type change of one of its columns or of a referenced column, or the drop
 * of the referenced table's unique key over those columns.
 *
 * `diffs` are in table order; `byKey` finds a table's diff by qualified name in O(1).
 */
export function diffForeignKeys(
  diffs: readonly TableDiff[],
  byKey: ReadonlyMap<string, TableDiff>,
): ForeignKeyChanges {
  const changes: ForeignKeyChanges = { drops: [], creates: [] };
  for (const table of diffs) {
    const where = targetOf(table.target);
    const drop = (foreignKey: ForeignKey): void =>
      void changes.drops.push({ kind: "dropForeignKey", ...where, foreignKey });
    const create = (foreignKey: ForeignKey): void =>
      void changes.creates.push({ kind: "createForeignKey", ...where, foreignKey });
    const diff = diffNamed(table.live.foreignKeys, table.target.foreignKeys);
    for (const fk of diff.removed) drop(fk);
    for (const [old, wanted] of diff.changed) {
      drop(old);
      create(wanted);
    }
    for (const fk of diff.same) {
      if (!standsOnChange(fk, table, byKey)) continue;
      drop(fk);
      create(fk);
    }
    for (const fk of diff.added) create(fk);
  }
  return changes;
}

function standsOnChange(
  fk: ForeignKey,
  table: TableDiff,
  byKey: ReadonlyMap<string, TableDiff>,
): boolean {
  if (fk.columns.some((c) => table.retyped.has(c))) return true;
  const key = qualifiedName({ schema: fk.referencedSchema, name: fk.referencedTable });
  const referenced = byKey.get(key);
  if (referenced === undefined) return false;
  return (
    fk.referencedColumns.some((c) => referenced.retyped.has(c)) ||
    referenced.droppedKeys.has(columnSetKey(fk.referencedColumns))
  );
}
