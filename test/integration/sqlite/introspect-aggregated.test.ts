import "reflect-metadata";
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { DataSource } from "typeorm";
import type { DataSourceOptions } from "typeorm";
import type { QueryExecutor } from "../../../src/dialects/dialect";
import { introspectSqlite } from "../../../src/dialects/sqlite/introspect";
import { listTypeormTables } from "../../../src/metadata";
import { countingExecutor } from "../../../src/runtime/query-executor";
import { allFixtures } from "../../fixtures";
import { createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import { entitySets } from "../metadata/sets";
import { createSqliteExecutor } from "./introspect-helpers";

/**
 * The aggregated catalog read (one row per table, JSON cells) and the four row queries describe
 * the same schema: both reads of one real database must give equal models.
 */

/** DDL with what a JSON round trip could get wrong: quotes, non-ASCII, newlines, NULLs, generated and hidden columns. */
const awkwardDdl = `
CREATE TABLE "we""ird ü 表" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "näme" varchar(20) NOT NULL DEFAULT ('a''b
c'), "x" text, "y" integer AS (length("x")) VIRTUAL, "z" varchar AS ("x" || '"') STORED, CONSTRAINT "UQ ""q""" UNIQUE ("näme", "x"), CONSTRAINT "CHK" CHECK ("id" > 0));
CREATE INDEX "IDX \\u00e9" ON "we""ird ü 表" ("x" DESC, "näme") WHERE "x" IS NOT NULL;
CREATE INDEX "IDX_expr" ON "we""ird ü 表" (lower("x"));
CREATE TABLE "child" ("a" integer NOT NULL, "b" integer NOT NULL, "ref" integer, "notype", PRIMARY KEY ("b", "a"),
  CONSTRAINT "FK_ref" FOREIGN KEY ("ref") REFERENCES "we""ird ü 表" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY ("a", "b") REFERENCES "pair" ("p", "q"));
CREATE TABLE "pair" ("p" integer NOT NULL, "q" integer NOT NULL, PRIMARY KEY ("p", "q")) WITHOUT ROWID;
CREATE VIEW "v" AS SELECT "id", "näme" FROM "we""ird ü 表";
`;

/**
 * The executor, except that the aggregated query fails with `message` (`near "ORDER": syntax
 * error` is how a SQLite older than 3.44 answers it).
 */
function failingAggregatedQuery(executor: QueryExecutor, message: string): QueryExecutor {
  return {
    query: async (sql, params) => {
      if (sql.includes("json_group_array")) throw new Error(message);
      return await executor.query(sql, params);
    },
  };
}

describe("sqlite introspection: aggregated read and row queries agree", () => {
  const databases: TestDatabase[] = [];
  after(async () => {
    for (const database of databases) await database.drop();
  });

  /** Runs `use` on a fresh database holding the awkward DDL, through the test's executor over it. */
  async function withAwkwardDatabase(name: string, use: (executor: QueryExecutor) => Promise<void>): Promise<void> {
    const database = createSqliteDatabase(name);
    databases.push(database);
    const db = new Database(database.url);
    try {
      db.exec(awkwardDdl);
      await use(createSqliteExecutor(db));
    } finally {
      db.close();
    }
  }

  it("on hand-written DDL with awkward names, defaults, generated columns, expression indexes and a view", async () => {
    await withAwkwardDatabase("aggregated-awkward", async (executor) => {
      const aggregated = countingExecutor(executor);
      const model = await introspectSqlite(aggregated, { excludeTables: [] }, "aggregated");
      const rows = await introspectSqlite(executor, { excludeTables: [] }, "rows");
      assert.deepEqual(model, rows);
      assert.deepEqual(
        model.tables.map((table) => table.name),
        ["child", "pair", 'we"ird ü 表'],
      );
      assert.equal(model.views.length, 1);
      assert.equal(aggregated.statements.length, 2, "two statements: tables, then index and view texts");
    });
  });

  it("falls back to the row queries when SQLite rejects ORDER BY inside an aggregate, with the same model", async () => {
    await withAwkwardDatabase("aggregated-fallback", async (executor) => {
      const old = countingExecutor(failingAggregatedQuery(executor, 'near "ORDER": syntax error'));
      const model = await introspectSqlite(old, { excludeTables: ["pair"] });
      assert.deepEqual(model, await introspectSqlite(executor, { excludeTables: ["pair"] }, "rows"));
      assert.ok(!model.tables.some((table) => table.name === "pair"), "excluded tables stay out on the fallback");
      assert.equal(old.statements.length, 5, "the four row queries after the failed one");
      assert.ok(old.statements[0]?.includes("json_group_array"), "the aggregated query was tried first");
    });
  });

  it("does not hide other errors of the aggregated query behind the fallback", async () => {
    await withAwkwardDatabase("aggregated-busy", async (executor) => {
      // The row queries would succeed on this database: only a fallback limited to old-SQLite
      // errors lets the aggregated query's own error through.
      const busy = failingAggregatedQuery(executor, "SQLITE_BUSY: database is locked");
      await assert.rejects(introspectSqlite(busy, { excludeTables: [] }), /database is locked/);
    });
  });

  const sets = [
    ...entitySets.filter((set) => set.dialects.includes("sqlite")),
    ...allFixtures.filter((fixture) => fixture.dialects.includes("sqlite")),
  ];
  for (const set of sets) {
    it(`after synchronize() of ${set.name}`, async () => {
      const database = createSqliteDatabase(`aggregated-${set.name}`);
      databases.push(database);
      const dataSource = new DataSource({
        type: "better-sqlite3",
        database: database.url,
        entities: [...set.entities],
        ...set.dataSourceOptions,
      } as DataSourceOptions);
      await dataSource.initialize();
      try {
        for (const sql of set.setupSql?.sqlite ?? []) await dataSource.query(sql);
        await dataSource.synchronize();
        const executor: QueryExecutor = {
          query: (sql, params) => dataSource.query(sql, params as unknown[] | undefined),
        };
        const options = { excludeTables: listTypeormTables(dataSource) };
        const model = await introspectSqlite(executor, options, "aggregated");
        assert.ok(model.tables.length > 0, "the set has tables");
        assert.deepEqual(model, await introspectSqlite(executor, options, "rows"));
      } finally {
        await dataSource.destroy();
      }
    });
  }
});
