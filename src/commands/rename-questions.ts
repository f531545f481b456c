/**
 * How `revision --autogenerate` and `check` decide renames: the `--rename old->new` list first;
 * what it leaves open goes to the injected prompt when there is one (an interactive terminal),
 * and otherwise becomes a drop and an add with a warning naming the `--rename` that would keep
 * the data instead.
 */
import { renamesFromList } from "../diff/rename-list";
import type { AsyncRenameResolver, RenamePair } from "../diff/options";
import { qualifiedName } from "../model/keys";

/** A resolver plus what it could not settle, for the command to report. */
export interface RenameQuestions {
  readonly resolver: AsyncRenameResolver;
  /** `--rename` specs that matched nothing (most likely typos). */
  unused(): string[];
  /** Drop + add pairs nobody was asked about, as the `--rename` spec that would rename them. */
  unanswered(): string[];
}

interface Named {
  readonly name: string;
}

/** Everything in `dropped` and `added` that a list answer did not already pair up. */
function leftOver<T extends Named>(
  dropped: readonly T[],
  added: readonly T[],
  answered: readonly RenamePair[],
  key: (item: T) => string,
): { dropped: T[]; added: T[] } {
  const from = new Set(answered.map((p) => p.from));
  const to = new Set(answered.map((p) => p.to));
  return {
    dropped: dropped.filter((item) => !from.has(key(item))),
    added: added.filter((item) => !to.has(key(item))),
  };
}

export function renameQuestions(specs: readonly string[], prompt: AsyncRenameResolver | undefined): RenameQuestions {
  const list = renamesFromList(specs);
  const unanswered: string[] = [];
  const note = (from: readonly string[], to: readonly string[]): void => {
    if (from.length > 0 && to.length > 0) unanswered.push(`${from.join(", ")} -> ${to.join(", ")}`);
  };
  return {
    resolver: {
      async resolveTableRenames(dropped, added) {
        const answered = list.resolveTableRenames(dropped, added);
        const open = leftOver(dropped, added, answered, qualifiedName);
        if (open.dropped.length === 0 || open.added.length === 0) return answered;
        if (prompt === undefined) {
          note(open.dropped.map(qualifiedName), open.added.map(qualifiedName));
          return answered;
        }
        return [...answered, ...(await prompt.resolveTableRenames(open.dropped, open.added))];
      },
      async resolveColumnRenames(table, dropped, added) {
        const answered = list.resolveColumnRenames(table, dropped, added);
        const open = leftOver(dropped, added, answered, (c) => c.name);
        if (open.dropped.length === 0 || open.added.length === 0) return answered;
        if (prompt === undefined) {
          const where = qualifiedName(table);
          note(
            open.dropped.map((c) => `${where}.${c.name}`),
            open.added.map((c) => `${where}.${c.name}`),
          );
          return answered;
        }
        return [...answered, ...(await prompt.resolveColumnRenames(table, open.dropped, open.added))];
      },
    },
    unused: () => list.unused(),
    unanswered: () => [...unanswered],
  };
}
