import type { Column, TableModel } from "../model/types";

/** One rename: tables by qualified name (`users`, `audit.events`), columns by bare name. */
export interface RenamePair {
  readonly from: string;
  readonly to: string;
}

/**
 * Decides which dropped/added pairs are really renames. The diff never guesses: without a
 * resolver, a renamed table is a drop and a create. The CLI prompts; tests and the `--rename`
 * flag use `renamesFromList`. Answers must pair names from the lists given.
 */
export interface RenameResolver {
  /** `dropped` are live tables missing from the target; `added` target tables missing live. */
  resolveTableRenames(
    dropped: readonly TableModel[],
    added: readonly TableModel[],
  ): readonly RenamePair[];
  /** `table` is the target table; asked only when both lists are non-empty. */
  resolveColumnRenames(
    table: TableModel,
    dropped: readonly Column[],
    added: readonly Column[],
  ): readonly RenamePair[];
}

/** A {@link RenameResolver} that may answer asynchronously (an interactive prompt). */
export interface AsyncRenameResolver {
  resolveTableRenames(
    dropped: readonly TableModel[],
    added: readonly TableModel[],
  ): readonly RenamePair[] | Promise<readonly RenamePair[]>;
  resolveColumnRenames(
    table: TableModel,
    dropped: readonly Column[],
    added: readonly Column[],
  ): readonly RenamePair[] | Promise<readonly RenamePair[]>;
}

export interface DiffOptions {
  /** Decides renames; without one no rename is produced. */
  readonly renames?: RenameResolver;
  /**
   * Tables and views never touched in either direction: exact names or patterns where `*`
   * matches any run of characters, matched against the bare and the qualified name.
   */
  readonly excludeTables?: readonly string[];
}

export interface AsyncDiffOptions extends Omit<DiffOptions, "renames"> {
  readonly renames?: AsyncRenameResolver;
}
