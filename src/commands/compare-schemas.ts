/**
 * The heart of `revision --autogenerate` and `check`: the live schema and the entities' schema
 * read into the same model, with the same exclusions, and diffed into operations.
 */
import type { DataSource } from "typeorm";
import type { LoadedDataSource } from "../config/load-datasource";
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { diffModels } from "../diff/diff-models";
import { renamesFromList } from "../diff/rename-list";
import { listTypeormTables, readEntityModel } from "../metadata";
import type { Operation } from "../ops/types";
import { executorFor } from "../runtime/query-executor";
import type { CommandContext } from "./context";
import { dropExcludedTables, excludedTables } from "./datasource-session";

/**
 * Reads the live schema (without the version table, TypeORM's own tables and the user's
 * exclusions) and the entities' schema, and returns the operations that bring the database to
 * the entities. `renames` are `old->new` specs; specs that matched nothing are warned about,
 * since they are most likely typos.
 */
export async function diffDatabaseWithEntities(
  dataSource: DataSource,
  loaded: LoadedDataSource,
  options: RetortOptions,
  renames: readonly string[],
  context: CommandContext,
): Promise<Operation[]> {
  const dialect = dialects[loaded.dialect];
  const excluded = [...new Set([...excludedTables(options, loaded), ...listTypeormTables(dataSource)])];
  const schema = loaded.schema === undefined ? {} : { defaultSchema: loaded.schema };
  const live = await dialect.introspect(executorFor(dataSource), { excludeTables: excluded, ...schema });
  const target = readEntityModel(dataSource, dialect, { excludeTables: excluded, ...schema });
  const resolver = renamesFromList(renames);
  const ops = diffModels(
    dropExcludedTables(live, options.excludeTables),
    dropExcludedTables(target, options.excludeTables),
    { excludeTables: options.excludeTables, renames: resolver },
  );
  for (const spec of resolver.unused()) context.reporter.warn(`--rename ${spec} matched no dropped and added table or column`);
  return ops;
}
