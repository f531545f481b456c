import type { DataSource } from "typeorm";

/** The table TypeORM's database query-result cache uses unless told otherwise. */
const defaultCacheTable = "query-result-cache";

/**
 * The tables TypeORM keeps for itself in the DataSource's database: the migrations table, the
 * `typeorm_metadata` table (views and computed columns), and the query-result cache table when
 * the cache lives in the database. Neither reader reports them.
 */
export function listTypeormTables(dataSource: DataSource): string[] {
  const tables = [dataSource.options.migrationsTableName ?? "migrations", dataSource.metadataTableName];
  const cache = dataSource.options.cache;
  if (cache === true) tables.push(defaultCacheTable);
  else if (typeof cache === "object" && (cache.type === undefined || cache.type === "database")) {
    tables.push(cache.tableName ?? defaultCacheTable);
  }
  return tables;
}
