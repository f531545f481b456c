import type { TableModel } from "../model/types";
import { goneItems, madeItems, type KindChanges } from "./changes";
import { columnSetKey, diffNamed } from "./named";
import { targetOf } from "./plan";

/**
 * Compares the indexes of one table by name. Any change (columns, uniqueness, partial WHERE,
 * spatial) is a drop and a create: databases cannot alter an index's definition.
 */
export function diffIndexes(live: TableModel, target: TableModel): KindChanges {
  const where = targetOf(target);
  const diff = diffNamed(live.indexes, target.indexes);
  const gone = goneItems(diff);
  return {
    drops: gone.map((index) => ({ kind: "dropIndex", ...where, index })),
    creates: madeItems(diff).map((index) => ({ kind: "createIndex", ...where, index })),
    droppedKeys: gone.filter((i) => i.unique).map((i) => columnSetKey(i.columns)),
  };
}
