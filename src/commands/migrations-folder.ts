/**
 * The migrations folder as commands use it: the validated revision graph read from static
 * headers, a per-run cache of loaded migration modules, and paths for messages.
 */
import { resolve } from "node:path";
import { displayPath } from "../config/load-errors";
import { loadModule } from "../config/load-module";
import type { RetortOptions } from "../config/options";
import { buildRevisionGraph } from "../revision/graph";
import type { RevisionGraph, RevisionHeader } from "../revision/types";
import type { MigrationModule } from "../runtime/migration-module";
import { validateMigrationModule } from "../runtime/migration-module";
import { readRevisionHeaders } from "../scripts/read-headers";
import { LoadError, RevisionError } from "../util/errors";

/** The headers of the migrations folder and the graph built from them. */
export interface MigrationsFolder {
  readonly headers: readonly RevisionHeader[];
  readonly graph: RevisionGraph;
}

/**
 * Reads every migration header of the configured folder (without running any file) and builds
 * the revision graph, with paths shown relative to `cwd`, so that a broken graph stops a command before it touches the database.
 * @throws ConfigError when the folder is missing (it says to run `retort init`); LoadError for an
 *   unreadable header; RevisionError for duplicate ids, missing parents or cycles.
 */
export async function readMigrationsFolder(options: RetortOptions, cwd: string): Promise<MigrationsFolder> {
  // Paths as the user sees them (relative to the project), in every message and listing.
  const headers = await readRevisionHeaders(options.migrationsDir, displayPath(options.migrationsDir, cwd));
  return { headers, graph: buildRevisionGraph(headers) };
}

/**
 * A loader for the runner and `--sql`: transpiles and evaluates a revision's file (its path
 * taken relative to `cwd`) once per run, checks that it exports `up`, `down` and the `revision` its header declares.
 */
export function createMigrationLoader(graph: RevisionGraph, cwd: string): (revision: string) => Promise<MigrationModule> {
  const cache = new Map<string, Promise<MigrationModule>>();
  const load = async (revision: string): Promise<MigrationModule> => {
    const node = graph.nodes.get(revision);
    if (node === undefined) throw new RevisionError(`Unknown revision '${revision}'`);
    const file = node.path;
    const module = validateMigrationModule(await loadModule(resolve(cwd, file), { cwd }), file);
    if (module.revision !== revision) {
      // The header scanner and the evaluated module must agree, or the graph would lie.
      throw new LoadError(resolve(cwd, file), `${file}: exports revision '${module.revision}' but its header says '${revision}'`);
    }
    return module;
  };
  return (revision) => {
    let pending = cache.get(revision);
    if (pending === undefined) {
      pending = load(revision);
      cache.set(revision, pending);
    }
    return pending;
  };
}

/** `a, b` for a list of revisions, `base` for none: how messages name a database state. */
export function describeRevisions(ids: readonly string[]): string {
  // An empty id can only come from a version table edited by hand; show it rather than nothing.
  return ids.length === 0 ? "base" : ids.map((id) => (id === "" ? "''" : id)).join(", ");
}
