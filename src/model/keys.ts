/** A schema-qualified name, as used for map keys and messages: `name` or `schema.name`. */
export function qualifiedName(object: { readonly schema?: string; readonly name: string }): string {
  return object.schema === undefined ? object.name : `${object.schema}.${object.name}`;
}

/** Orders strings by code unit, the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts a copy of `items` by a string key. */
export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareStrings(key(a), key(b)));
}

/** Builds a map from a list by a string key. */
export function keyBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return map;
}
