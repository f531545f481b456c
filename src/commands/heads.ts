/**
 * `retort heads [--verbose] [--json]`: the revisions nothing follows yet, as Alembic prints them
 * (`1a2b3c4d5e6f (head)`). Reads only the migrations folder; no connection.
 */
import type { RetortOptions } from "../config/options";
import type { CommandContext } from "./context";
import { readMigrationsFolder } from "./migrations-folder";
import { entryJson, formatRevisionEntry, formatRevisionLine } from "./revision-format";
import { entryOf } from "../revision";

/** Options of `heads`. */
export interface HeadsOptions extends RetortOptions {
  readonly json: boolean;
}

/** Runs `heads`. */
export async function heads(options: HeadsOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const entries = graph.heads.map((id) => entryOf(graph, id));
  if (options.json) {
    context.reporter.json({ heads: entries.map((entry) => entryJson(entry, false)) });
    return;
  }
  entries.forEach((entry, index) => {
    if (!options.verbose) {
      context.reporter.info(formatRevisionLine(entry, { branchLabels: true, treeMarkers: false }));
      return;
    }
    if (index > 0) context.reporter.info("");
    for (const line of formatRevisionEntry(entry)) context.reporter.info(line);
  });
}
