import type { Operation } from "../ops/types";

/** What one object kind of one table contributes to the plan. */
export interface KindChanges {
  /** Drops, run before columns change. */
  readonly drops: Operation[];
  /** Creates, run after columns change. */
  readonly creates: Operation[];
  /**
   * Column sets (`columnSetKey`) of unique keys dropped here (primary key, unique constraints,
   * unique indexes): a foreign key referencing one of them must be dropped before it.
   */
  readonly droppedKeys: string[];
}

/** Items dropped by a named diff: removed ones and the old side of changed ones. */
export function goneItems<T>(diff: { removed: T[]; changed: (readonly [T, T])[] }): T[] {
  return [...diff.removed, ...diff.changed.map(([old]) => old)];
}

/** Items created by a named diff: the new side of changed ones, then added ones. */
export function madeItems<T>(diff: { added: T[]; changed: (readonly [T, T])[] }): T[] {
  return [...diff.changed.map(([, wanted]) => wanted), ...diff.added];
}
