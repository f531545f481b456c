import type { RevisionHeader } from "./types";

/** Ordinal string comparison (locale-independent, so orders are the same on every machine). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first: `createdAt`, then id. */
export function compareByAge(a: RevisionHeader, b: RevisionHeader): number {
  return compareOrdinal(a.createdAt, b.createdAt) || compareOrdinal(a.id, b.id);
}

/** Sorts ids ordinally into a new array. */
export function sortIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareOrdinal);
}

/**
 * Kahn's algorithm over `ids`: an item is emitted once all of its `blockers` that are inside the
 * set have been emitted; among ready items the smallest by `compare` goes first. Blockers outside
 * the set are ignored (they are already applied, or not part of this plan). Returns the ids it
 * could order; fewer than given means a cycle among the rest.
 */
export function sortTopologically<T extends { readonly id: string }>(
  ids: readonly string[],
  lookup: (id: string) => T,
  blockers: (item: T) => readonly string[],
  dependents: (item: T) => readonly string[],
  compare: (a: T, b: T) => number,
): string[] {
  const inSet = new Set(ids);
  const pending = new Map<string, number>();
  for (const id of ids) {
    pending.set(id, blockers(lookup(id)).filter((b) => inSet.has(b)).length);
  }
  const ready = new MinHeap<T>(compare);
  for (const id of ids) {
    if (pending.get(id) === 0) ready.push(lookup(id));
  }
  const out: string[] = [];
  for (let item = ready.pop(); item !== undefined; item = ready.pop()) {
    out.push(item.id);
    for (const next of dependents(item)) {
      const left = pending.get(next);
      if (left === undefined) continue;
      pending.set(next, left - 1);
      if (left === 1) ready.push(lookup(next));
    }
  }
  return out;
}

/** A small binary heap; the ready set of a 2000-revision graph can be wide. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(items[i]!, items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === i) break;
        [items[i], items[smallest]] = [items[smallest]!, items[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
