import { sameData } from "../ops/equal";

/** How two lists of named things differ. */
export interface NamedDiff<T> {
  /** Only on the live side. */
  readonly removed: T[];
  /** Only on the target side. */
  readonly added: T[];
  /** On both sides with different content: `[live, target]`. */
  readonly changed: (readonly [T, T])[];
  /** On both sides, identical. */
  readonly same: T[];
}

/** Compares two lists of named items by name, then by canonical content. Linear. */
export function diffNamed<T extends { readonly name: string }>(
  live: readonly T[],
  target: readonly T[],
): NamedDiff<T> {
  const result: NamedDiff<T> = { removed: [], added: [], changed: [], same: [] };
  const targetByName = new Map(target.map((item) => [item.name, item]));
  const liveNames = new Set<string>();
  for (const item of live) {
    liveNames.add(item.name);
    const other = targetByName.get(item.name);
    if (other === undefined) result.removed.push(item);
    else if (sameData(item, other)) result.same.push(item);
    else result.changed.push([item, other]);
  }
  for (const item of target) if (!liveNames.has(item.name)) result.added.push(item);
  return result;
}

/** A key for a set of columns regardless of their order. */
export function columnSetKey(columns: readonly string[]): string {
  return [...columns].sort().join("\u0000");
}
