/**
 * Shared steps of commands that work on the project's DataSource: load it, list the tables no
 * model may contain, and drop tables the user excluded by pattern.
 */
import type { LoadedDataSource } from "../config/load-datasource";
import { loadDataSource } from "../config/load-datasource";
import type { RetortOptions } from "../config/options";
import { matchesTablePattern } from "../config/options";
import type { SchemaModel } from "../model/types";
import type { CommandContext } from "./context";

/** Loads the DataSource named by the options, with DATABASE_URL from the context. */
export function loadProjectDataSource(options: RetortOptions, context: CommandContext): Promise<LoadedDataSource> {
  return loadDataSource({
    file: options.datasource,
    ...(options.name === undefined ? {} : { name: options.name }),
    env: context.env,
    cwd: context.cwd,
    secrets: context.secrets,
  });
}

/**
 * Tables that never belong in a model: retort's version table, TypeORM's migrations and
 * metadata tables, and the user's exclusions (exact names; patterns are applied afterwards by
 * `dropExcludedTables`).
 */
export function excludedTables(options: RetortOptions, loaded: LoadedDataSource): string[] {
  return [options.versionTable, loaded.migrationsTableName, "typeorm_metadata", ...options.excludeTables];
}

/** The model without tables and views matching the user's exclude patterns. */
export function dropExcludedTables(model: SchemaModel, patterns: readonly string[]): SchemaModel {
  if (patterns.length === 0) return model;
  return {
    ...model,
    tables: model.tables.filter((table) => !matchesTablePattern(table.name, patterns)),
    views: model.views.filter((view) => !matchesTablePattern(view.name, patterns)),
  };
}
