import { qualifiedName, sortBy } from "../model/keys";
import type { ColumnType, EnumType, TableModel } from "../model/types";
import type { AlterEnumOp, CreateEnumOp, DropEnumOp, EnumUsage } from "../ops/types";
import { targetOf } from "./plan";

export interface EnumChanges {
  readonly creates: CreateEnumOp[];
  readonly alters: AlterEnumOp[];
  readonly drops: DropEnumOp[];
}

/**
 * Compares enum types by qualified name. A type only on one side is created or dropped; a
 * type whose value list differs in any way (added, removed, renamed or reordered values) is
 * one alterEnum carrying both lists. `tables` are the live tables that still exist when the
 * enums change (after dropped tables are gone, before columns change): their columns using
 * a changed type are listed in `usedBy`.
 */
export function diffEnums(
  live: readonly EnumType[],
  target: readonly EnumType[],
  tables: readonly TableModel[],
): EnumChanges {
  const changes: EnumChanges = { creates: [], alters: [], drops: [] };
  const targetByKey = new Map(target.map((e) => [qualifiedName(e), e]));
  const liveKeys = new Set<string>();
  const changed = new Map<string, { from: EnumType; to: EnumType }>();
  for (const enumType of sortBy(live, qualifiedName)) {
    const key = qualifiedName(enumType);
    liveKeys.add(key);
    const wanted = targetByKey.get(key);
    if (wanted === undefined) changes.drops.push({ kind: "dropEnum", enumType });
    else if (!sameValues(enumType.values, wanted.values))
      changed.set(key, { from: enumType, to: wanted });
  }
  for (const enumType of sortBy(target, qualifiedName)) {
    if (!liveKeys.has(qualifiedName(enumType)))
      changes.creates.push({ kind: "createEnum", enumType });
  }
  if (changed.size === 0) return changes;
  const usage = findUsage(tables, new Set(changed.keys()));
  for (const [key, { from, to }] of changed) {
    changes.alters.push({
      kind: "alterEnum",
      ...(from.schema === undefined ? {} : { schema: from.schema }),
      name: from.name,
      from: from.values,
      to: to.values,
      usedBy: usage.get(key) ?? [],
    });
  }
  return changes;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function enumKeyOf(type: ColumnType): string | undefined {
  if (type.kind === "enum") return qualifiedName({ schema: type.schema, name: type.name });
  if (type.kind === "array") return enumKeyOf(type.element);
  return undefined;
}

/** Columns using each of `keys`, in table then column order; one pass over all columns. */
function findUsage(
  tables: readonly TableModel[],
  keys: ReadonlySet<string>,
): Map<string, EnumUsage[]> {
  const usage = new Map<string, EnumUsage[]>();
  for (const table of sortBy(tables, qualifiedName)) {
    for (const column of table.columns) {
      const key = enumKeyOf(column.type);
      if (key === undefined || !keys.has(key)) continue;
      const list = usage.get(key) ?? [];
      list.push({ ...targetOf(table), column });
      usage.set(key, list);
    }
  }
  return usage;
}
