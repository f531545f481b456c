/**
 * Writing a new migration file, shared by `revision` and `merge`: pick and validate its id,
 * render it, format it with the user's prettier configuration, write it without overwriting.
 */
import { join } from "node:path";
import { displayPath } from "../config/load-errors";
import type { RetortOptions } from "../config/options";
import type { DialectCapabilities } from "../dialects/dialect";
import type { Operation } from "../ops/types";
import { renderFormattedMigration } from "../render/format";
import { buildRevisionGraph } from "../revision/graph";
import type { RevisionHeader } from "../revision/types";
import { RevisionError } from "../util/errors";
import { migrationFileName } from "../scripts/file-names";
import { newRevisionId } from "../scripts/new-id";
import { writeMigrationFile } from "../scripts/write-file";
import type { CommandContext } from "./context";
import type { MigrationsFolder } from "./migrations-folder";

/** What goes into a new migration. */
export interface NewRevision {
  readonly message: string;
  /** `--rev-id`; a fresh random id otherwise. */
  readonly revId?: string;
  readonly downRevisions: readonly string[];
  readonly upOps: readonly Operation[];
  readonly downOps: readonly Operation[];
  /** With them, `heavy` hazards are commented in the file too. */
  readonly capabilities?: DialectCapabilities;
}

/** The file written, as an absolute path and as shown to the user. */
export interface WrittenRevision {
  readonly id: string;
  readonly path: string;
  readonly shownPath: string;
  /** The folder with this revision in it, for writing the next one. */
  readonly folder: MigrationsFolder;
}

/**
 * Writes a new revision into the migrations folder and reports
 * `Generating migrations/<file> ... done`. The new header is validated against the folder's
 * graph before anything is written (an illegal or taken `--rev-id` is refused).
 * @throws RevisionError for a bad or duplicate id; ConfigError when prettier fails; LoadError
 *   when the file exists or cannot be written.
 */
export async function writeNewRevision(
  options: RetortOptions,
  folder: MigrationsFolder,
  revision: NewRevision,
  context: CommandContext,
): Promise<WrittenRevision> {
  const now = new Date();
  const id = revision.revId ?? newRevisionId(new Set(folder.graph.nodes.keys()));
  const name = migrationFileName(now, id, revision.message);
  const path = join(options.migrationsDir, name);
  const shownPath = displayPath(path, context.cwd);
  const header: RevisionHeader = {
    id,
    downRevisions: revision.downRevisions,
    message: revision.message,
    createdAt: now.toISOString(),
    path: shownPath,
  };
  const taken = folder.graph.nodes.get(id);
  // Said directly: the graph's "defined twice" would name a file that was never written.
  if (taken !== undefined) throw new RevisionError(`Revision ${id} already exists in ${taken.path}; choose another --rev-id`);
  // The same checks every later command will make: a legal id, not defined twice.
  const headers = [...folder.headers, header];
  const graph = buildRevisionGraph(headers);
  const text = await renderFormattedMigration(
    {
      header,
      upOps: revision.upOps,
      downOps: revision.downOps,
      ...(revision.capabilities === undefined ? {} : { capabilities: revision.capabilities }),
    },
    path,
  );
  await writeMigrationFile(options.migrationsDir, name, text);
  context.reporter.info(`Generating ${shownPath} ... done`);
  return { id, path, shownPath, folder: { headers, graph } };
}
