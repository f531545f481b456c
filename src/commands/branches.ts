/**
 * `retort branches [--verbose]`: every branch point and the revisions it branches into, as
 * Alembic prints them:
 * ```
 * 1a2b3c4d5e6f (branchpoint)
 *              -> 7a8b9c0d1e2f (head)
 *              -> 3c4d5e6f7a8b (head)
 * ```
 * With `--verbose`, the branch point's full entry and each branch's message. No connection.
 */
import type { RetortOptions } from "../config/options";
import type { CommandContext } from "./context";
import { readMigrationsFolder } from "./migrations-folder";
import { formatRevisionEntry, formatRevisionLine } from "./revision-format";
import { entryOf } from "../revision";

/** Runs `branches`. */
export async function branches(options: RetortOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  if (graph.branchPoints.length === 0) {
    context.reporter.info("No branch points.");
    return;
  }
  graph.branchPoints.forEach((id, index) => {
    const entry = entryOf(graph, id);
    if (index > 0) context.reporter.info("");
    const title = options.verbose ? formatRevisionEntry(entry) : [formatRevisionLine(entry, { branchLabels: true })];
    for (const line of title) context.reporter.info(line);
    const indent = " ".repeat(id.length);
    for (const child of entry.children) {
      const line = formatRevisionLine(entryOf(graph, child), { branchLabels: true, message: options.verbose });
      context.reporter.info(`${indent} -> ${line}`);
    }
  });
}
