/**
 * `retort current [--verbose] [--json]`: the version table rows, each as Alembic prints it
 * (`1a2b3c4d5e6f (head)`); `<base>` when no revision is applied. The global `--verbose` shows
 * each revision's message, path and date instead. Reads only.
 */
import type { RetortOptions } from "../config/options";
import type { CommandContext } from "./context";
import { readCurrentRevisions, withOpenDataSource } from "./database-state";
import { loadProjectDataSource } from "./datasource-session";
import { readMigrationsFolder } from "./migrations-folder";
import type { EntryJson } from "./revision-format";
import { entryJson, formatRevisionEntry, formatRevisionLine } from "./revision-format";
import { entryOf } from "../revision";

/** Options of `current`. */
export interface CurrentOptions extends RetortOptions {
  readonly json: boolean;
}

/** `current --json`: the rows, whether the database is at the heads, and the heads. */
export interface CurrentJson {
  readonly current: readonly (EntryJson | { readonly id: string; readonly unknown: true })[];
  readonly heads: readonly string[];
  readonly atHead: boolean;
}

/** Runs `current`. */
export async function current(options: CurrentOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const loaded = await loadProjectDataSource(options, context);
  const rows = await withOpenDataSource(loaded, (dataSource) => readCurrentRevisions(dataSource, loaded, options.versionTable));
  const known = rows.filter((id) => graph.nodes.has(id));
  const entries = known.map((id) => entryOf(graph, id, known));
  if (options.json) {
    const value: CurrentJson = {
      current: rows.map((id) => (graph.nodes.has(id) ? entryJson(entryOf(graph, id, known), true) : { id, unknown: true })),
      heads: graph.heads,
      atHead: rows.length === graph.heads.length && graph.heads.every((head) => rows.includes(head)),
    };
    context.reporter.json(value);
    return;
  }
  if (rows.length === 0) {
    context.reporter.info("<base>");
    return;
  }
  for (const id of rows) {
    const entry = entries.find((candidate) => candidate.id === id);
    if (entry === undefined) {
      // Not an error here: `current` is how one finds out that a file is missing.
      context.reporter.info(`${id} (unknown revision: no migration file defines it)`);
    } else if (options.verbose) {
      for (const line of formatRevisionEntry(entry)) context.reporter.info(line);
    } else {
      context.reporter.info(formatRevisionLine(entry));
    }
  }
}
