/**
 * Alembic's ways of printing a revision, shared by `current`, `history`, `heads`, `branches` and
 * `show`: a one-line form (`<down> -> <id> (head) (mergepoint), <message>`) and a verbose entry
 * (`Rev:`, `Parent:`, `Path:`, then the message and the header fields, indented).
 */
import type { HistoryEntry } from "../revision/types";

/** What the one-line form includes; Alembic's `cmd_format` flags. */
export interface LineFlags {
  /** `<down> -> <id>`: history. */
  readonly parents?: boolean;
  /** `, <message>` at the end: history. */
  readonly message?: boolean;
  /** ` (<label>)` after the id. */
  readonly branchLabels?: boolean;
  /** ` (current)` for version table rows: `history --indicate-current`. */
  readonly current?: boolean;
  /** ` (branchpoint)` / ` (mergepoint)`; heads lists leave them out. */
  readonly treeMarkers?: boolean;
}

/** `a, b` for the parents of a revision, `<base>` for none (Alembic's spelling). */
export function formatParents(downRevisions: readonly string[]): string {
  return downRevisions.length === 0 ? "<base>" : downRevisions.join(", ");
}

/** The one-line form: `<base> -> 1a2b3c4d5e6f (head), create users`. */
export function formatRevisionLine(entry: HistoryEntry, flags: LineFlags = {}): string {
  let text = flags.parents === true ? `${formatParents(entry.downRevisions)} -> ${entry.id}` : entry.id;
  if (flags.branchLabels === true && entry.branchLabels.length > 0) text += ` (${entry.branchLabels.join(", ")})`;
  if (entry.isHead) text += " (head)";
  if (flags.current === true && entry.isCurrent) text += " (current)";
  if (flags.treeMarkers !== false) {
    if (entry.isBranchPoint) text += " (branchpoint)";
    if (entry.isMergePoint) text += " (mergepoint)";
  }
  if (flags.message === true) text += `, ${entry.message}`;
  return text;
}

/**
 * The verbose entry (Alembic's `log_entry`):
 * ```
 * Rev: 1a2b3c4d5e6f (head)
 * Parent: <base>
 * Path: migrations/20260101_1200_1a2b3c4d5e6f_create_users.ts
 *
 *     create users
 *
 *     Revision ID: 1a2b3c4d5e6f
 *     Revises: <base>
 *     Create Date: 2026-01-01T12:00:00.000Z
 * ```
 * A merge says `Merges:` instead of `Parent:`; `Children:` and `Branch names:` appear when
 * there are any; ` (current)` marks version table rows when `showCurrent` is set.
 */
export function formatRevisionEntry(entry: HistoryEntry, showCurrent = false): string[] {
  let title = `Rev: ${entry.id}`;
  if (entry.isHead) title += " (head)";
  if (entry.isBranchPoint) title += " (branchpoint)";
  if (entry.isMergePoint) title += " (mergepoint)";
  if (showCurrent && entry.isCurrent) title += " (current)";
  const lines = [title, `${entry.isMergePoint ? "Merges" : "Parent"}: ${formatParents(entry.downRevisions)}`];
  if (entry.children.length > 0) lines.push(`Children: ${entry.children.join(", ")}`);
  if (entry.branchLabels.length > 0) lines.push(`Branch names: ${entry.branchLabels.join(", ")}`);
  lines.push(`Path: ${entry.path}`, "");
  for (const line of entry.message.split("\n")) lines.push(line === "" ? "" : `    ${line}`);
  lines.push(
    "",
    `    Revision ID: ${entry.id}`,
    `    Revises: ${formatParents(entry.downRevisions)}`,
    `    Create Date: ${entry.createdAt}`,
  );
  return lines;
}

/** An entry as `--json` prints it. */
export type EntryJson = Omit<HistoryEntry, "isCurrent" | "isApplied"> & { readonly isCurrent?: boolean; readonly isApplied?: boolean };

/**
 * A history entry for `--json`. `isCurrent` and `isApplied` are
 * only included when the database was read (`withDatabase`); otherwise they would claim
 * "not applied" for a database nobody looked at.
 */
export function entryJson(entry: HistoryEntry, withDatabase: boolean): EntryJson {
  const { isCurrent, isApplied, ...rest } = entry;
  return { ...rest, ...(withDatabase ? { isCurrent, isApplied } : {}) };
}
