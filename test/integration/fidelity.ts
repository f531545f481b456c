import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type { DataSource } from "typeorm";
import { dialects, type DialectName } from "../../src/dialects";
import { readEntityModel } from "../../src/metadata";
import { compareModels } from "../../src/model";
import { executorFor } from "../../src/runtime/query-executor";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../helpers/databases";
import { allFixtures } from "../fixtures";
import { createFixtureDataSource } from "../fixtures/datasource";

/** Tables neither reader may report: TypeORM's bookkeeping and retort's version table. */
const bookkeeping = ["retort_version", "migrations", "typeorm_metadata"];

/**
 * The fidelity suite for one dialect: for every fixture entity set, a fresh database is
 * synchronized by TypeORM, introspected, and must equal the model read from the entities.
 */
export function describeFidelity(dialectName: DialectName): void {
  const dialect = dialects[dialectName];
  describe(`fidelity on ${dialectName}: introspect(synchronize(entities)) = metadata(entities)`, () => {
    const databases: TestDatabase[] = [];
    after(async () => {
      for (const db of databases) await db.drop();
    });
    for (const fixture of allFixtures.filter((f) => f.dialects.includes(dialectName))) {
      test(fixture.name, async () => {
        const db =
          dialectName === "postgres" ? await createPgDatabase(`fid_${fixture.name}`) : createSqliteDatabase(fixture.name);
        databases.push(db);
        const dataSource: DataSource = createFixtureDataSource(fixture, dialectName, db.url);
        await dataSource.initialize();
        try {
          for (const sql of fixture.setupSql?.[dialectName] ?? []) await dataSource.query(sql);
          await dataSource.synchronize();
          const live = await dialect.introspect(executorFor(dataSource), { excludeTables: bookkeeping });
          const entities = readEntityModel(dataSource, dialect, { excludeTables: bookkeeping });
          assert.ok(entities.tables.length > 0, "the fixture describes at least one table");
          const differences = compareModels(live, entities, ["database", "entities"]);
          assert.deepEqual(differences, [], `differences:\n  ${differences.join("\n  ")}`);
        } finally {
          await dataSource.destroy();
        }
      });
    }
  });
}
