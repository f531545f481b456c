/**
 * `retort history [-r RANGE] [--verbose] [--indicate-current] [--json]`: the revisions, newest
 * first, as Alembic prints them (`<down> -> <id> (head) (mergepoint), <message>`). It connects
 * only when it must: for `--indicate-current`, or a range relative to the current revision.
 */
import type { RetortOptions } from "../config/options";
import { historyEntries, iterateRange, parseRange } from "../revision/history";
import type { RevisionRange } from "../revision/history";
import type { HistoryEntry, RevisionGraph, Target } from "../revision/types";
import type { CommandContext } from "./context";
import { readMigrationsFolder } from "./migrations-folder";
import { entryJson, formatRevisionEntry, formatRevisionLine } from "./revision-format";

/** Options of `history`. */
export interface HistoryOptions extends RetortOptions {
  /** `-r lower:upper`; everything when absent. */
  readonly range?: string;
  /** Mark the version table rows with ` (current)`. */
  readonly indicateCurrent: boolean;
  readonly json: boolean;
}

/** Runs `history`. */
export async function history(options: HistoryOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const range = options.range === undefined ? undefined : parseRange(options.range);
  const needsDatabase = options.indicateCurrent || (range !== undefined && (refersToCurrent(range.lower) || refersToCurrent(range.upper)));
  let current: string[] = [];
  if (needsDatabase) {
    // Loaded only here: reading the graph alone needs neither TypeORM nor a driver.
    const { loadProjectDataSource } = await import("./datasource-session");
    const { readCurrentRevisions, withOpenDataSource } = await import("./database-state");
    const loaded = await loadProjectDataSource(options, context);
    current = await withOpenDataSource(loaded, (dataSource) => readCurrentRevisions(dataSource, loaded, options.versionTable));
  }
  const entries = rangeEntries(graph, range, current);
  if (options.json) {
    context.reporter.json({ revisions: entries.map((entry) => entryJson(entry, needsDatabase)) });
    return;
  }
  entries.forEach((entry, index) => {
    if (!options.verbose) {
      context.reporter.info(
        formatRevisionLine(entry, { parents: true, message: true, branchLabels: true, current: options.indicateCurrent }),
      );
      return;
    }
    if (index > 0) context.reporter.info("");
    for (const line of formatRevisionEntry(entry, options.indicateCurrent)) context.reporter.info(line);
  });
}

function rangeEntries(graph: RevisionGraph, range: RevisionRange | undefined, current: readonly string[]): HistoryEntry[] {
  return range === undefined ? historyEntries(graph, current) : iterateRange(graph, range, current);
}

/** `current`, or `+N` / `-N` without an anchor: the range needs the database's revisions. */
function refersToCurrent(target: Target): boolean {
  if (target.kind === "current") return true;
  return target.kind === "relative" && target.anchor.kind === "current";
}
