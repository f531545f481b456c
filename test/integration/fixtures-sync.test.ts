import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createFixtureDataSource, runFixtureSetupSql } from "../fixtures/datasource";
import type { Fixture, FixtureDialect } from "../fixtures/fixture";
import { allFixtures } from "../fixtures/index";
import { createPgDatabase, createSqliteDatabase } from "../helpers/databases";
import type { TestDatabase } from "../helpers/databases";

const dialects: readonly FixtureDialect[] = ["postgres", "sqlite"];

/**
 * Changes TypeORM 1.1.1 keeps proposing right after its own synchronize(), keyed by
 * `<fixture>/<dialect>`. The feature stays in the fixture (retort must model it); the test pins the
 * exact queries so that a TypeORM upgrade that fixes or widens the drift is noticed.
 */
const knownTypeormDrift: Readonly<Record<string, readonly string[]>> = {
  // TypeORM compares the raw function default "'{}'::jsonb" with the catalog's text and never matches.
  "column-types-postgres/postgres": [`ALTER TABLE "ctp_sample" ALTER COLUMN "attributes" SET DEFAULT '{}'::jsonb`],
};

async function createDatabase(dialect: FixtureDialect, prefix: string): Promise<TestDatabase> {
  return dialect === "postgres" ? createPgDatabase(prefix) : createSqliteDatabase(prefix);
}

/**
 * Synchronizes the fixture into a fresh database and returns what TypeORM would still change
 * afterwards; an empty list means TypeORM considers its own schema up to date.
 */
async function synchronizeTwice(fixture: Fixture, dialect: FixtureDialect): Promise<string[]> {
  const database = await createDatabase(dialect, `fx_${fixture.name}`);
  try {
    const dataSource = createFixtureDataSource(fixture, dialect, database.url);
    await dataSource.initialize();
    try {
      await runFixtureSetupSql(dataSource, fixture, dialect);
      await dataSource.synchronize();
      const pending = await dataSource.driver.createSchemaBuilder().log();
      return pending.upQueries.map((query) => query.query);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.drop();
  }
}

describe("fixture sets", () => {
  test("names are unique and match their folders' naming rule", () => {
    const names = allFixtures.map((fixture) => fixture.name);
    assert.equal(new Set(names).size, names.length);
    for (const fixture of allFixtures) {
      assert.match(fixture.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(fixture.dialects.length > 0, `${fixture.name} has no dialect`);
      assert.ok(fixture.entities.length > 0, `${fixture.name} has no entity`);
    }
  });

  for (const dialect of dialects) {
    describe(dialect, () => {
      for (const fixture of allFixtures.filter((candidate) => candidate.dialects.includes(dialect))) {
        test(`${fixture.name}: synchronize, then nothing left to change`, async () => {
          const pending = await synchronizeTwice(fixture, dialect);
          const expected = knownTypeormDrift[`${fixture.name}/${dialect}`] ?? [];
          assert.deepEqual(
            pending,
            expected,
            `${fixture.name} on ${dialect}: TypeORM still wants to run:\n${pending.join("\n")}`,
          );
        });
      }
    });
  }
});
