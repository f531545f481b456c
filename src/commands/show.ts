/**
 * `retort show <rev>`: one revision's full entry (Alembic's `show`): id with its markers,
 * parents, children, branch names, path, message and header fields. `<rev>` is anything a
 * target accepts that names revisions without a database (`head`, `heads`, an id, a prefix,
 * a branch label, `<rev>-1`). No connection.
 */
import type { RetortOptions } from "../config/options";
import { parseTarget } from "../revision/target";
import { resolveTarget } from "../revision/resolve";
import type { Target } from "../revision/types";
import { RevisionError, UsageError } from "../util/errors";
import type { CommandContext } from "./context";
import { readMigrationsFolder } from "./migrations-folder";
import { entryJson, formatRevisionEntry } from "./revision-format";
import { entryOf } from "../revision";

/** Options of `show`. */
export interface ShowOptions extends RetortOptions {
  readonly revision: string;
  readonly json: boolean;
}

/** Runs `show`. */
export async function show(options: ShowOptions, context: CommandContext): Promise<void> {
  const { graph } = await readMigrationsFolder(options, context.cwd);
  const target = parseTarget(options.revision);
  if (needsDatabase(target)) {
    throw new UsageError(`show names revisions without a database; for the applied ones run \`retort current --verbose\``);
  }
  const ids = resolveTarget(graph, target, []);
  if (ids.length === 0) throw new RevisionError(`'${options.revision}' is base: there is no revision to show`);
  const entries = ids.map((id) => entryOf(graph, id));
  if (options.json) {
    context.reporter.json({ revisions: entries.map((entry) => entryJson(entry, false)) });
    return;
  }
  entries.forEach((entry, index) => {
    if (index > 0) context.reporter.info("");
    for (const line of formatRevisionEntry(entry)) context.reporter.info(line);
  });
}

function needsDatabase(target: Target): boolean {
  return target.kind === "current" || (target.kind === "relative" && target.anchor.kind === "current");
}
