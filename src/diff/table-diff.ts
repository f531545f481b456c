import type { TableModel } from "../model/types";
import type { Operation } from "../ops/types";
import { diffChecks, diffExclusions } from "./checks";
import { diffColumns } from "./columns";
import { sameData } from "../ops/equal";
import { diffIndexes } from "./indexes";
import { targetOf } from "./plan";
import { diffPrimaryKey } from "./primary-key";
import { diffUniques } from "./uniques";

/** Everything that changes in one table present on both sides, foreign keys aside. */
export interface TableDiff {
  /** The live table, after renames. */
  readonly live: TableModel;
  readonly target: TableModel;
  /** dropColumn, alterColumn, addColumn, setTableComment. */
  readonly columnOps: Operation[];
  /** dropIndex, dropUnique, dropCheck, dropExclusion, dropPrimaryKey. */
  readonly drops: Operation[];
  /** createPrimaryKey, createUnique, createIndex, createCheck, createExclusion. */
  readonly creates: Operation[];
  /** Columns whose type changes. */
  readonly retyped: ReadonlySet<string>;
  /** Column sets of unique keys dropped (see `KindChanges.droppedKeys`). */
  readonly droppedKeys: ReadonlySet<string>;
  /** A column is dropped or altered: views reading the table must be re-created. */
  readonly columnsChanged: boolean;
  /** Any operation touches the table. */
  readonly touched: boolean;
}

/** Compares one table present on both sides (same qualified name, after renames). */
export function diffTable(live: TableModel, target: TableModel): TableDiff {
  if (sameData(live, target)) return unchanged(live, target);
  const columns = diffColumns(live, target);
  const primaryKey = diffPrimaryKey(live, target);
  const indexes = diffIndexes(live, target);
  const uniques = diffUniques(live, target);
  const checks = diffChecks(live, target);
  const exclusions = diffExclusions(live, target);
  const columnOps: Operation[] = [...columns.dropped, ...columns.altered, ...columns.added];
  if (live.comment !== target.comment) {
    columnOps.push({
      kind: "setTableComment",
      ...targetOf(target),
      ...(live.comment === undefined ? {} : { from: live.comment }),
      ...(target.comment === undefined ? {} : { to: target.comment }),
    });
  }
  const drops = [
    ...indexes.drops,
    ...uniques.drops,
    ...checks.drops,
    ...exclusions.drops,
    ...primaryKey.drops,
  ];
  const creates = [
    ...primaryKey.creates,
    ...uniques.creates,
    ...indexes.creates,
    ...checks.creates,
    ...exclusions.creates,
  ];
  return {
    live,
    target,
    columnOps,
    drops,
    creates,
    retyped: columns.retyped,
    droppedKeys: new Set([
      ...primaryKey.droppedKeys,
      ...uniques.droppedKeys,
      ...indexes.droppedKeys,
    ]),
    columnsChanged: columns.dropped.length > 0 || columns.altered.length > 0,
    touched: columnOps.length + drops.length + creates.length > 0,
  };
}

// Most tables of a large schema do not change: skip the per-kind comparisons for them.
function unchanged(live: TableModel, target: TableModel): TableDiff {
  return {
    live,
    target,
    columnOps: [],
    drops: [],
    creates: [],
    retyped: new Set(),
    droppedKeys: new Set(),
    columnsChanged: false,
    touched: false,
  };
}
