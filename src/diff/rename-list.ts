import { qualifiedName } from "../model/keys";
import { UsageError } from "../util/errors";
import type { RenamePair, RenameResolver } from "./options";

/** A {@link RenameResolver} answering from a fixed list, which can tell what it never used. */
export interface ListRenameResolver extends RenameResolver {
  /** The specs that matched no dropped/added pair so far (likely typos, worth a warning). */
  unused(): string[];
}

interface Spec {
  readonly text: string;
  readonly from: string;
  readonly to: string;
}

/**
 * A resolver from specs like `old_table->new_table`, `audit.old->audit.new` (tables, by
 * qualified name) and `users.name->users.full_name` or `users.name->full_name` (columns: the
 * last dotted part is the column, the rest names the target table). A spec is a table rename
 * when both sides name a dropped and an added table; otherwise it is read as a column rename.
 */
export function renamesFromList(specs: readonly string[]): ListRenameResolver {
  const parsed = specs.map(parseSpec);
  const used = new Set<string>();
  return {
    resolveTableRenames(dropped, added) {
      const droppedKeys = new Set(dropped.map(qualifiedName));
      const addedKeys = new Set(added.map(qualifiedName));
      const pairs: RenamePair[] = [];
      for (const spec of parsed) {
        if (!droppedKeys.has(spec.from) || !addedKeys.has(spec.to)) continue;
        pairs.push({ from: spec.from, to: spec.to });
        used.add(spec.text);
      }
      return pairs;
    },
    resolveColumnRenames(table, dropped, added) {
      const key = qualifiedName(table);
      const droppedNames = new Set(dropped.map((c) => c.name));
      const addedNames = new Set(added.map((c) => c.name));
      const pairs: RenamePair[] = [];
      for (const spec of parsed) {
        const column = asColumnSpec(spec);
        if (column === undefined || column.table !== key) continue;
        if (!droppedNames.has(column.from) || !addedNames.has(column.to)) continue;
        pairs.push({ from: column.from, to: column.to });
        used.add(spec.text);
      }
      return pairs;
    },
    unused() {
      return parsed.filter((s) => !used.has(s.text)).map((s) => s.text);
    },
  };
}

function parseSpec(text: string): Spec {
  const parts = text.split("->");
  const from = parts[0]?.trim() ?? "";
  const to = parts[1]?.trim() ?? "";
  if (parts.length !== 2 || from === "" || to === "") {
    throw new UsageError(
      `Invalid rename "${text}": expected old->new, e.g. users.name->users.full_name.`,
    );
  }
  return { text, from, to };
}

/** Reads a spec as `table.column->[table.]column`; `undefined` when it cannot be one. */
function asColumnSpec(spec: Spec): { table: string; from: string; to: string } | undefined {
  const dot = spec.from.lastIndexOf(".");
  if (dot <= 0) return undefined;
  const table = spec.from.slice(0, dot);
  const from = spec.from.slice(dot + 1);
  const toDot = spec.to.lastIndexOf(".");
  if (toDot < 0) return { table, from, to: spec.to };
  // The right side names the target table, which differs from the left when it is renamed too.
  return { table: spec.to.slice(0, toDot), from, to: spec.to.slice(toDot + 1) };
}
