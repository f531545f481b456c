/**
 * Views. A view only on one side is created or dropped; a changed view (definition or
 * materialized flag) is dropped and created. Because a view's text is opaque, the diff also
 * re-creates, conservatively, every view that MAY read a table whose shape changes: one whose
 * definition mentions, as an identifier, the name of a table that is dropped or renamed, or
 * has a column dropped, altered or renamed (PostgreSQL refuses to drop or re-type a column a
 * view uses; SQLite's rename and rebuild rewrite view text). Adding columns, indexes or
 * constraints never re-creates a view: no view depends on them. A view mentioning a view
 * that is dropped is dropped too (and re-created if the target has it). Drops run dependents
 * first; creates run dependencies first.
 */
import { qualifiedName, sortBy } from "../model/keys";
import type { View } from "../model/types";
import type { CreateViewOp, DropViewOp } from "../ops/types";
import { orderByDependencies } from "./dependency-order";

export interface ViewChanges {
  readonly drops: DropViewOp[];
  readonly creates: CreateViewOp[];
}

/**
 * @param affectedNames lower-cased bare names of tables whose shape changes (both their old
 *   and new names when renamed).
 */
export function diffViews(
  live: readonly View[],
  target: readonly View[],
  affectedNames: ReadonlySet<string>,
): ViewChanges {
  const liveByKey = new Map(sortBy(live, qualifiedName).map((v) => [qualifiedName(v), v]));
  const targetByKey = new Map(sortBy(target, qualifiedName).map((v) => [qualifiedName(v), v]));
  const liveTokens = new Map([...liveByKey].map(([key, v]) => [key, identifiersOf(v.definition)]));

  const dropped = new Set<string>();
  for (const [key, view] of liveByKey) {
    const wanted = targetByKey.get(key);
    const stale =
      wanted === undefined ||
      wanted.definition !== view.definition ||
      wanted.materialized !== view.materialized;
    if (stale || [...liveTokens.get(key)!].some((t) => affectedNames.has(t))) dropped.add(key);
  }
  cascadeDrops(dropped, liveByKey, liveTokens);

  const created = [...targetByKey.keys()].filter((key) => !liveByKey.has(key) || dropped.has(key));
  const dropOrder = orderViews([...dropped].sort(), liveByKey, liveTokens).reverse();
  const targetTokens = new Map(
    created.map((key) => [key, identifiersOf(targetByKey.get(key)!.definition)]),
  );
  const createOrder = orderViews(created, targetByKey, targetTokens);
  return {
    drops: dropOrder.map((key) => ({ kind: "dropView", view: liveByKey.get(key)! })),
    creates: createOrder.map((key) => ({ kind: "createView", view: targetByKey.get(key)! })),
  };
}

/** Adds to `dropped` every live view mentioning a dropped view, until nothing changes. */
function cascadeDrops(
  dropped: Set<string>,
  views: ReadonlyMap<string, View>,
  tokens: ReadonlyMap<string, ReadonlySet<string>>,
): void {
  const mentioning = new Map<string, string[]>();
  for (const [key, set] of tokens) {
    for (const token of set) mentioning.set(token, [...(mentioning.get(token) ?? []), key]);
  }
  const queue = [...dropped];
  while (queue.length > 0) {
    const name = views.get(queue.pop()!)!.name.toLowerCase();
    for (const key of mentioning.get(name) ?? []) {
      if (dropped.has(key)) continue;
      dropped.add(key);
      queue.push(key);
    }
  }
}

/** `keys` ordered so that a view comes after the views (among `keys`) it mentions. */
function orderViews(
  keys: readonly string[],
  views: ReadonlyMap<string, View>,
  tokens: ReadonlyMap<string, ReadonlySet<string>>,
): string[] {
  const byName = new Map<string, string[]>();
  for (const key of keys) {
    const name = views.get(key)!.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const dependencies = (key: string) =>
    [...(tokens.get(key) ?? [])].flatMap((t) =>
      (byName.get(t) ?? []).map((to) => ({ to, edge: to })),
    );
  return orderByDependencies(keys, dependencies).order;
}

const identifier = /"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|([A-Za-z_][A-Za-z0-9_$]*)/g;

/** Every identifier-like word in a SQL text, unquoted and lower-cased. */
export function identifiersOf(sql: string): Set<string> {
  const found = new Set<string>();
  for (const match of sql.matchAll(identifier)) {
    const word = match[1]?.replace(/""/g, '"') ?? match[2] ?? match[3] ?? match[4] ?? "";
    found.add(word.toLowerCase());
  }
  return found;
}
