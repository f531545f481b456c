import type { DataSource, EntityMetadata, Table } from "typeorm";
import type { Dialect } from "../dialects/dialect";
import { sortModel } from "../model/sort";
import type { SchemaModel, TableModel } from "../model/types";
import { RetortError } from "../util/errors";
import { listTypeormTables } from "./bookkeeping";
import type { ReadContext } from "./context";
import { resolveDefaultSchema } from "./context";
import { assertDialectMatches, typeormBehaviours } from "./dialect-behaviour";
import { collectEnums, isEnumColumn } from "./enums";
import { createEntityTable, readTable } from "./tables";
import { readView } from "./views";

/** What to leave out of the entity model. */
export interface ReadEntityModelOptions {
  /** Tables (and views) left out, matched against the bare name, like introspection's option. */
  readonly excludeTables?: readonly string[];
  /**
   * The schema the model omits; defaults to the connection's `current_schema()` (PostgreSQL,
   * once initialized) or the dialect's default schema. Pass the same value to introspection.
   */
  readonly defaultSchema?: string;
}

/**
 * Reads the schema `synchronize()` would create from an initialized DataSource (its entity
 * metadatas built) into the neutral model, so that it equals what the dialect's introspection
 * reads from a database that `synchronize()` created from the same entities.
 *
 * Like TypeORM's `RdbmsSchemaBuilder`, it takes the entities with `synchronize` on (single-table
 * inheritance children live in their parent's table) and the synchronized view entities; names,
 * types and defaults come from TypeORM's own `Table.create` and driver, every type, default and
 * expression then goes through `dialect`. TypeORM's bookkeeping tables and `excludeTables` are
 * left out. The result is sorted with `sortModel`.
 */
export function readEntityModel(
  dataSource: DataSource,
  dialect: Dialect,
  options: ReadEntityModelOptions = {},
): SchemaModel {
  assertDialectMatches(dataSource, dialect);
  const declared = Object.values(dataSource.options.entities ?? {}).length;
  if (!dataSource.isInitialized && dataSource.entityMetadatas.length === 0 && declared > 0) {
    throw new RetortError("internal", "The DataSource's entity metadata is not built; initialize it first.");
  }
  const driver = dataSource.driver;
  const context: ReadContext = {
    dataSource,
    driver,
    dialect,
    behaviour: typeormBehaviours[dialect.name],
    defaultSchema: options.defaultSchema ?? resolveDefaultSchema(driver, dialect),
  };
  const excluded = new Set([...(options.excludeTables ?? []), ...listTypeormTables(dataSource)]);
  const included = (metadata: EntityMetadata): boolean => !excluded.has(metadata.tableName);

  // One TypeORM Table at a time: at 2000 entities, holding them all is ~25 MB of heap. Only
  // the tables with enum columns are kept, for the enum types.
  const tables: TableModel[] = [];
  const tablesWithEnums: Table[] = [];
  for (const metadata of dataSource.entityMetadatas) {
    if (!isSynchronizedTable(metadata) || !included(metadata)) continue;
    const entityTable = createEntityTable(context, metadata);
    tables.push(readTable(context, entityTable));
    if (entityTable.table.columns.some(isEnumColumn)) tablesWithEnums.push(entityTable.table);
  }
  const views = dataSource.entityMetadatas.filter(isSynchronizedView).filter(included);
  return sortModel({
    tables,
    enums: collectEnums(context, tablesWithEnums),
    views: views.map((metadata) => readView(context, metadata)),
  });
}

/** The entities `RdbmsSchemaBuilder.entityToSyncMetadatas` creates tables for. */
function isSynchronizedTable(metadata: EntityMetadata): boolean {
  return metadata.synchronize && metadata.tableType !== "entity-child" && metadata.tableType !== "view";
}

/** The view entities `RdbmsSchemaBuilder.viewEntityToSyncMetadatas` creates. */
function isSynchronizedView(metadata: EntityMetadata): boolean {
  return metadata.synchronize && metadata.tableType === "view";
}
