/**
 * `retort inspect`: shows the live database schema, or with `--entities` the schema the entities
 * describe, as text or as the model's JSON. Both go through the same model, so comparing the two
 * outputs shows what autogenerate will see.
 */
import { buildMetadataOnly, openDataSource } from "../config/load-datasource";
import type { LoadedDataSource } from "../config/load-datasource";
import type { RetortOptions } from "../config/options";
import { dialects } from "../dialects";
import { readEntityModel } from "../metadata";
import { formatModelText } from "../model/format-text";
import { sortModel } from "../model/sort";
import type { SchemaModel } from "../model/types";
import { executorFor } from "../runtime/query-executor";
import type { CommandContext } from "./context";
import { dropExcludedTables, excludedTables, loadProjectDataSource } from "./datasource-session";

/** Options of `inspect`. */
export interface InspectOptions extends RetortOptions {
  /** Read the entities instead of the database (no connection needed). */
  readonly entities: boolean;
  /** Print the model as JSON instead of text. */
  readonly json: boolean;
}

/** Runs `inspect`: reads one model and reports it. */
export async function inspect(options: InspectOptions, context: CommandContext): Promise<void> {
  const loaded = await loadProjectDataSource(options, context);
  const model = options.entities ? await readEntities(options, loaded) : await readDatabase(options, loaded);
  const shown = sortModel(dropExcludedTables(model, options.excludeTables));
  if (options.json) {
    context.reporter.json(shown);
    return;
  }
  context.reporter.info(`-- ${options.entities ? "entities of" : "schema of"} ${loaded.target} (${loaded.dialect})`);
  for (const line of formatModelText(shown).split("\n")) context.reporter.info(line);
}

async function readEntities(options: RetortOptions, loaded: LoadedDataSource): Promise<SchemaModel> {
  const dataSource = await buildMetadataOnly(loaded);
  return readEntityModel(dataSource, dialects[loaded.dialect], {
    excludeTables: excludedTables(options, loaded),
    ...(loaded.schema === undefined ? {} : { defaultSchema: loaded.schema }),
  });
}

async function readDatabase(options: RetortOptions, loaded: LoadedDataSource): Promise<SchemaModel> {
  const dataSource = await openDataSource(loaded);
  try {
    return await dialects[loaded.dialect].introspect(executorFor(dataSource), {
      excludeTables: excludedTables(options, loaded),
      ...(loaded.schema === undefined ? {} : { defaultSchema: loaded.schema }),
    });
  } finally {
    await dataSource.destroy();
  }
}
