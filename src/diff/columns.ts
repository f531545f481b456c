import { sameData } from "../ops/equal";
import type { TableModel } from "../model/types";
import type { AddColumnOp, AlterColumnOp, DropColumnOp } from "../ops/types";
import { targetOf } from "./plan";

export interface ColumnChanges {
  readonly dropped: DropColumnOp[];
  readonly altered: AlterColumnOp[];
  readonly added: AddColumnOp[];
  /** Names of columns whose type changes (foreign keys over them must be re-created). */
  readonly retyped: Set<string>;
}

/**
 * Compares the columns of one table by name. Any difference in a column present on both
 * sides (type, nullability, default, identity, computed, comment, collation) is ONE
 * alterColumn carrying both full columns; never a drop and an add, which would lose data.
 * Position changes are ignored: databases add columns at the end.
 */
export function diffColumns(live: TableModel, target: TableModel): ColumnChanges {
  const where = targetOf(target);
  const changes: ColumnChanges = { dropped: [], altered: [], added: [], retyped: new Set() };
  const targetByName = new Map(target.columns.map((c) => [c.name, c]));
  const liveNames = new Set<string>();
  for (const column of live.columns) {
    liveNames.add(column.name);
    const wanted = targetByName.get(column.name);
    if (wanted === undefined) {
      changes.dropped.push({ kind: "dropColumn", ...where, column });
    } else if (!sameData(column, wanted)) {
      changes.altered.push({ kind: "alterColumn", ...where, from: column, to: wanted });
      if (!sameData(column.type, wanted.type)) changes.retyped.add(column.name);
    }
  }
  for (const column of target.columns) {
    if (!liveNames.has(column.name)) changes.added.push({ kind: "addColumn", ...where, column });
  }
  return changes;
}
