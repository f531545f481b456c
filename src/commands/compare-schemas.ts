/**
 * The heart of `revision --autogenerate` and `check`: the live schema and the entities' schema
 * read into the same model, with the same exclusions, and diffed into operations.
 */
import type { DataSource } from "typeorm";
import type { LoadedDataSource } from "../config/load-datasource";
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { diffModelsAsync } from "../diff/diff-models";
import { listTypeormTables, readEntityModel } from "../metadata";
import type { Operation } from "../ops/types";
import { executorFor } from "../runtime/query-executor";
import type { CommandContext } from "./context";
import { dropExcludedTables, excludedTables } from "./datasource-session";
import { renameQuestions } from "./rename-questions";

/**
 * How renames are decided: `specs` are `--rename old->new`; `interactive` lets the command ask
 * (on a terminal) or hint at the `--rename` that would keep the data. `check` only reports.
 */
export interface RenameHandling {
  readonly specs: readonly string[];
  readonly interactive: boolean;
}

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
  renames: RenameHandling,
  context: CommandContext,
): Promise<Operation[]> {
  const dialect = dialects[loaded.dialect];
  const excluded = [...new Set([...excludedTables(options, loaded), ...listTypeormTables(dataSource)])];
  const schema = loaded.schema === undefined ? {} : { defaultSchema: loaded.schema };
  const live = await dialect.introspect(executorFor(dataSource), { excludeTables: excluded, ...schema });
  const target = readEntityModel(dataSource, dialect, { excludeTables: excluded, ...schema });
  const questions = renameQuestions(renames.specs, renames.interactive ? context.askRenames : undefined);
  const ops = await diffModelsAsync(
    dropExcludedTables(live, options.excludeTables),
    dropExcludedTables(target, options.excludeTables),
    { excludeTables: options.excludeTables, renames: questions.resolver },
  );
  for (const spec of questions.unused()) context.reporter.warn(`--rename ${spec} matched no dropped and added table or column`);
  if (renames.interactive) {
    for (const pair of questions.unanswered()) {
      context.reporter.warn(
        `possible rename (${pair}) is a drop + add here; to keep the data pass --rename old->new (e.g. --rename ${exampleSpec(pair)})`,
      );
    }
  }
  return ops;
}

/** `a.x, a.y -> a.z` → `a.x->a.z`: the first candidate pair, as a --rename spec. */
function exampleSpec(pair: string): string {
  const [from = "", to = ""] = pair.split(" -> ");
  return `${from.split(", ")[0]}->${to.split(", ")[0]}`;
}
