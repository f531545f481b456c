import type { SchemaModel } from "../../model/types";
import type { IntrospectOptions, QueryExecutor, Row } from "../dialect";
import {
  columnsQuery,
  constraintsQuery,
  contextQuery,
  enumsQuery,
  indexesQuery,
  tablesQuery,
  viewsQuery,
} from "./catalog-queries";
import { readOptionalText, type CatalogRows } from "./catalog-rows";
import { parseCatalog } from "./parse-catalog";
import { quoteIdent } from "./quote";

/** TypeORM's bookkeeping table (DataSource `metadataTableName`'s default). */
export const typeormMetadataTable = "typeorm_metadata";

/** Reads `typeorm_metadata` when the context query found it; no query otherwise. */
async function readTypeormMetadata(executor: QueryExecutor, context: Row | undefined): Promise<Row[]> {
  const schema = context === undefined ? undefined : readOptionalText(context, "metadata_schema");
  const table = context === undefined ? undefined : readOptionalText(context, "metadata_table");
  if (schema === undefined || table === undefined) return [];
  return executor.query(
    `SELECT "type", "schema", "table", "name", "value" FROM ${quoteIdent(schema)}.${quoteIdent(table)}
     WHERE "type" IN ('VIEW', 'MATERIALIZED_VIEW', 'GENERATED_COLUMN')`,
  );
}

/**
 * Runs the catalog queries (always the same seven, plus one for `typeorm_metadata` when that
 * table exists, whatever the number of tables) and returns their rows.
 */
export async function readCatalog(executor: QueryExecutor, options: IntrospectOptions): Promise<CatalogRows> {
  const excluded = [...options.excludeTables];
  const context = await executor.query(contextQuery, [typeormMetadataTable]);
  return {
    context,
    tables: await executor.query(tablesQuery, [excluded]),
    columns: await executor.query(columnsQuery, [excluded]),
    constraints: await executor.query(constraintsQuery, [excluded]),
    indexes: await executor.query(indexesQuery, [excluded]),
    enums: await executor.query(enumsQuery),
    views: await executor.query(viewsQuery, [excluded]),
    metadata: await readTypeormMetadata(executor, context[0]),
  };
}

/**
 * Reads every user schema of the live PostgreSQL database into the neutral model, leaving out
 * `options.excludeTables`. A constant number of catalog queries, then a pure parse.
 */
export async function introspect(executor: QueryExecutor, options: IntrospectOptions): Promise<SchemaModel> {
  return parseCatalog(await readCatalog(executor, options), options);
}
