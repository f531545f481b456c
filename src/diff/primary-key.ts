import { sameData } from "../ops/equal";
import type { TableModel } from "../model/types";
import type { Operation } from "../ops/types";
import type { KindChanges } from "./changes";
import { columnSetKey } from "./named";
import { targetOf } from "./plan";

/**
 * Compares the primary keys of one table. Any change (columns, their order, the name) is a
 * drop and a create; a key only on one side is a create or a drop.
 */
export function diffPrimaryKey(live: TableModel, target: TableModel): KindChanges {
  const changes = {
    drops: [] as Operation[],
    creates: [] as Operation[],
    droppedKeys: [] as string[],
  };
  if (sameData(live.primaryKey, target.primaryKey)) return changes;
  const where = targetOf(target);
  if (live.primaryKey !== undefined) {
    changes.drops.push({ kind: "dropPrimaryKey", ...where, primaryKey: live.primaryKey });
    changes.droppedKeys.push(columnSetKey(live.primaryKey.columns));
  }
  if (target.primaryKey !== undefined) {
    changes.creates.push({ kind: "createPrimaryKey", ...where, primaryKey: target.primaryKey });
  }
  return changes;
}
