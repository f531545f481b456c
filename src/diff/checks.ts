import type { TableModel } from "../model/types";
import { goneItems, madeItems, type KindChanges } from "./changes";
import { diffNamed } from "./named";
import { targetOf } from "./plan";

/** Compares the checks of one table by name; a changed expression is a drop and a create. */
export function diffChecks(live: TableModel, target: TableModel): KindChanges {
  const where = targetOf(target);
  const diff = diffNamed(live.checks, target.checks);
  return {
    drops: goneItems(diff).map((check) => ({ kind: "dropCheck", ...where, check })),
    creates: madeItems(diff).map((check) => ({ kind: "createCheck", ...where, check })),
    droppedKeys: [],
  };
}

/** Compares the PostgreSQL exclusion constraints of one table, like checks. */
export function diffExclusions(live: TableModel, target: TableModel): KindChanges {
  const where = targetOf(target);
  const diff = diffNamed(live.exclusions, target.exclusions);
  return {
    drops: goneItems(diff).map((exclusion) => ({ kind: "dropExclusion", ...where, exclusion })),
    creates: madeItems(diff).map((exclusion) => ({ kind: "createExclusion", ...where, exclusion })),
    droppedKeys: [],
  };
}
