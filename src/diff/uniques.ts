import type { TableModel } from "../model/types";
import { goneItems, madeItems, type KindChanges } from "./changes";
import { columnSetKey, diffNamed } from "./named";
import { targetOf } from "./plan";

/** Compares the unique constraints of one table by name; a change is a drop and a create. */
export function diffUniques(live: TableModel, target: TableModel): KindChanges {
  const where = targetOf(target);
  const diff = diffNamed(live.uniques, target.uniques);
  const gone = goneItems(diff);
  return {
    drops: gone.map((unique) => ({ kind: "dropUnique", ...where, unique })),
    creates: madeItems(diff).map((unique) => ({ kind: "createUnique", ...where, unique })),
    droppedKeys: gone.map((u) => columnSetKey(u.columns)),
  };
}
