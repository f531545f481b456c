import "reflect-metadata";
import { DataSource } from "typeorm";
import type { DataSourceOptions, EntitySchema } from "typeorm";
import type { DialectName } from "../../../src/dialects/dialect";
import { assertNever } from "../../../src/util/assert-never";

type EntityList = readonly (Function | EntitySchema<any>)[];

/**
 * A DataSource whose entity metadata is built in-process, without connecting: TypeORM's
 * `buildMetadatas()` is protected, so it is reached through a cast. The SQLite one uses an
 * in-memory database that is never opened.
 */
export async function buildDataSource(
  dialect: DialectName,
  entities: EntityList,
  extra: Record<string, unknown> = {},
): Promise<DataSource> {
  const dataSource = createDataSource(dialect, entities, extra);
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

function createDataSource(dialect: DialectName, entities: EntityList, extra: Record<string, unknown>): DataSource {
  switch (dialect) {
    case "postgres":
      return new DataSource({ type: "postgres", entities: [...entities], ...extra } as DataSourceOptions);
    case "sqlite":
      return new DataSource({ type: "better-sqlite3", database: ":memory:", entities: [...entities], ...extra } as DataSourceOptions);
    default:
      return assertNever(dialect, "dialect");
  }
}
