import { keyBy, qualifiedName } from "./keys";
import type { Column, SchemaModel, TableModel } from "./types";

/**
 * Lists, one readable line each, every difference between two models (`left` and `right` name
 * the two sides in the lines). An empty list means the models are equal. Columns are compared
 * by name, not position; everything else by canonical content.
 */
export function compareModels(
  left: SchemaModel,
  right: SchemaModel,
  labels: readonly [string, string] = ["left", "right"],
): string[] {
  const lines: string[] = [];
  compareNamed(lines, "table", left.tables, right.tables, labels, (a, b) =>
    compareTables(lines, a, b, labels),
  );
  compareNamed(lines, "enum", left.enums, right.enums, labels, (a, b) =>
    compareValue(lines, `enum ${qualifiedName(a)}`, a, b, labels),
  );
  compareNamed(lines, "view", left.views, right.views, labels, (a, b) =>
    compareValue(lines, `view ${qualifiedName(a)}`, a, b, labels),
  );
  return lines;
}

function compareTables(
  lines: string[],
  a: TableModel,
  b: TableModel,
  labels: readonly [string, string],
): void {
  const table = qualifiedName(a);
  const columnsA = keyBy(a.columns, (c) => c.name);
  const columnsB = keyBy(b.columns, (c) => c.name);
  for (const [name, column] of columnsA) {
    const other = columnsB.get(name);
    if (other === undefined) lines.push(`column ${table}.${name} only in ${labels[0]}`);
    else compareValue(lines, `column ${table}.${name}`, column, other, labels);
  }
  for (const name of columnsB.keys()) {
    if (!columnsA.has(name)) lines.push(`column ${table}.${name} only in ${labels[1]}`);
  }
  compareValue(lines, `primary key of ${table}`, a.primaryKey, b.primaryKey, labels);
  compareValue(lines, `comment of ${table}`, a.comment, b.comment, labels);
  const parts = ["indexes", "uniques", "foreignKeys", "checks", "exclusions"] as const;
  for (const part of parts) {
    const items = (t: TableModel): readonly { readonly name: string }[] => t[part];
    compareNamed(lines, `${part} of ${table}:`, items(a), items(b), labels, (x, y) =>
      compareValue(lines, `${part} of ${table}: ${x.name}`, x, y, labels),
    );
  }
}

function compareNamed<T extends { readonly schema?: string; readonly name: string }>(
  lines: string[],
  what: string,
  left: readonly T[],
  right: readonly T[],
  labels: readonly [string, string],
  both: (a: T, b: T) => void,
): void {
  const a = keyBy(left, qualifiedName);
  const b = keyBy(right, qualifiedName);
  for (const [key, item] of a) {
    const other = b.get(key);
    if (other === undefined) lines.push(`${what} ${key} only in ${labels[0]}`);
    else both(item, other);
  }
  for (const key of b.keys()) {
    if (!a.has(key)) lines.push(`${what} ${key} only in ${labels[1]}`);
  }
}

function compareValue(
  lines: string[],
  what: string,
  a: unknown,
  b: unknown,
  labels: readonly [string, string],
): void {
  const left = stableJson(a);
  const right = stableJson(b);
  if (left !== right) lines.push(`${what} differs: ${labels[0]} ${left} ≠ ${labels[1]} ${right}`);
}

/** JSON with object keys sorted and `undefined` members dropped, for order-free comparison. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const member = (v as Record<string, unknown>)[k];
        if (member !== undefined) sorted[k] = member;
      }
      return sorted;
    }
    return v;
  }) ?? "undefined";
}

/** True when two columns are the same in every respect but position. */
export function columnsEqual(a: Column, b: Column): boolean {
  return stableJson(a) === stableJson(b);
}
