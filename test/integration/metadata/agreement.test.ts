import "reflect-metadata";
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import { dialects } from "../../../src/dialects";
import type { DialectName, QueryExecutor } from "../../../src/dialects/dialect";
import { listTypeormTables, readEntityModel } from "../../../src/metadata";
import { compareModels } from "../../../src/model/compare";
import { assertNever } from "../../../src/util/assert-never";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import { entitySets, type EntitySet } from "./sets";

/**
 * The metadata reader agrees with introspection: for each entity set, TypeORM's synchronize()
 * creates the schema, the dialect reads it back, and the two models must be equal.
 */

function createDataSource(set: EntitySet, dialect: DialectName, urlOrFile: string): DataSource {
  const common = { entities: [...set.entities], synchronize: false, logging: false, ...set.dataSourceOptions };
  switch (dialect) {
    case "postgres":
      return new DataSource({ type: "postgres", url: urlOrFile, ...common } as DataSourceOptions);
    case "sqlite":
      return new DataSource({ type: "better-sqlite3", database: urlOrFile, ...common } as DataSourceOptions);
    default:
      return assertNever(dialect, "dialect");
  }
}

function executorOver(dataSource: DataSource): QueryExecutor {
  return { query: (sql, params) => dataSource.query(sql, params as unknown[] | undefined) };
}

for (const dialectName of ["postgres", "sqlite"] as const) {
  const dialect = dialects[dialectName];
  describe(`metadata agrees with ${dialectName} introspection after synchronize()`, () => {
    const databases: TestDatabase[] = [];
    after(async () => {
      for (const database of databases) await database.drop();
    });
    for (const set of entitySets.filter((s) => s.dialects.includes(dialectName))) {
      test(set.name, async () => {
        const database =
          dialectName === "postgres" ? await createPgDatabase(`meta_${set.name}`) : createSqliteDatabase(`meta-${set.name}`);
        databases.push(database);
        const dataSource = createDataSource(set, dialectName, database.url);
        await dataSource.initialize();
        try {
          for (const sql of set.setupSql?.[dialectName] ?? []) await dataSource.query(sql);
          await dataSource.synchronize();
          const excludeTables = ["retort_version", ...listTypeormTables(dataSource)];
          const live = await dialect.introspect(executorOver(dataSource), { excludeTables });
          const fromEntities = readEntityModel(dataSource, dialect, { excludeTables });
          assert.ok(fromEntities.tables.length > 0, "the set describes tables");
          const differences = compareModels(live, fromEntities, ["database", "entities"]);
          assert.deepEqual(differences, [], `differences:\n  ${differences.join("\n  ")}`);
        } finally {
          await dataSource.destroy();
        }
      });
    }
  });
}
