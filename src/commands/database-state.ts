/**
 * Connected steps shared by commands: open the DataSource for the length of a callback, read
 * the version table, and require the database to be at the heads before comparing schemas.
 */
import type { DataSource } from "typeorm";
import { openDataSource } from "../config/load-datasource";
import type { LoadedDataSource } from "../config/load-datasource";
import { dialects } from "../dialects";
import { sameHeads } from "../revision/plan";
import { checkCurrentHeads } from "../revision/traverse";
import type { RevisionGraph } from "../revision/types";
import { executorFor } from "../runtime/query-executor";
import { readVersions } from "../runtime/version-table";
import { RevisionError } from "../util/errors";
import { describeRevisions } from "./migrations-folder";

/**
 * Connects, runs `use`, and always closes the connection again.
 * @throws ConnectionError and friends from `openDataSource`; whatever `use` throws.
 */
export async function withOpenDataSource<T>(loaded: LoadedDataSource, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDataSource(loaded);
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
    // The entity metadata (tens of MB at 2000 entities) is of no use once disconnected, and
    // initialize() builds it afresh: let the rest of the command (rendering) reuse the memory.
    Object.assign(dataSource, { entityMetadatas: [], entityMetadatasMap: new Map() });
  }
}

/** The version table rows (the applied heads), sorted; empty when the table does not exist. */
export function readCurrentRevisions(dataSource: DataSource, loaded: LoadedDataSource, versionTable: string): Promise<string[]> {
  return readVersions(executorFor(dataSource), { name: versionTable, dialect: dialects[loaded.dialect] });
}

/**
 * Why the database is not at the graph's heads, as one line saying what to run; `undefined`
 * when it is. Comparing entities with a database only makes sense at the heads: otherwise the
 * diff would repeat what a pending migration already does.
 * @throws RevisionError when the version table lists a revision no file defines, or is inconsistent.
 */
export function notAtHeadsReason(graph: RevisionGraph, current: readonly string[]): string | undefined {
  if (sameHeads(current, graph.heads)) return undefined;
  // A row no file defines (or a hand-edited, inconsistent table) is not fixed by upgrading:
  // say that instead of "run upgrade head", which would fail the same way.
  checkCurrentHeads(graph, current);
  const several = graph.heads.length > 1;
  return `database is not at head (current: ${describeRevisions(current)}, ${several ? "heads" : "head"}: ${describeRevisions(graph.heads)}); run \`retort upgrade ${several ? "heads" : "head"}\` first`;
}

/**
 * Requires the database to be at the graph's heads (see {@link notAtHeadsReason}).
 * @throws RevisionError saying what to run.
 */
export function requireAtHeads(graph: RevisionGraph, current: readonly string[]): void {
  const reason = notAtHeadsReason(graph, current);
  if (reason !== undefined) throw new RevisionError(reason);
}
