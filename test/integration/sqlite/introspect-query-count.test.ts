import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import { countingExecutor } from "../../../src/runtime/query-executor";
import { createSqliteExecutor } from "./introspect-helpers";

/** Creates `count` tables, each with a unique, a check, an index and a foreign key to the previous one. */
function createTables(db: Database.Database, count: number): void {
  db.exec("BEGIN");
  for (let i = 0; i < count; i++) {
    const fk =
      i === 0 ? "" : `, CONSTRAINT "FK_t${i}" FOREIGN KEY ("prevId") REFERENCES "t${i - 1}" ("id") ON DELETE CASCADE`;
    db.exec(
      `CREATE TABLE "t${i}" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(50) NOT NULL, "prevId" integer, ` +
        `CONSTRAINT "UQ_t${i}" UNIQUE ("name"), CONSTRAINT "CHK_t${i}" CHECK (length("name") > 0)${fk})`,
    );
    db.exec(`CREATE INDEX "IDX_t${i}" ON "t${i}" ("prevId") WHERE "prevId" IS NOT NULL`);
  }
  db.exec("COMMIT");
}

async function introspectCounting(tables: number): Promise<{ queries: number; tables: number; foreignKeys: number }> {
  const database: TestDatabase = createSqliteDatabase(`count-${tables}`);
  cleanups.push(() => database.drop());
  const db = new Database(database.url);
  try {
    createTables(db, tables);
    const executor = countingExecutor(createSqliteExecutor(db));
    const model = await sqliteDialect.introspect(executor, { excludeTables: ["retort_version", "migrations"] });
    return {
      queries: executor.statements.length,
      tables: model.tables.length,
      foreignKeys: model.tables.reduce((sum, table) => sum + table.foreignKeys.length, 0),
    };
  } finally {
    db.close();
  }
}

const cleanups: (() => Promise<void>)[] = [];

describe("sqlite introspect query count", () => {
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it("runs the same number of queries for 10 tables and for 500", async () => {
    const small = await introspectCounting(10);
    const large = await introspectCounting(500);
    assert.deepEqual([small.tables, small.foreignKeys], [10, 9]);
    assert.deepEqual([large.tables, large.foreignKeys], [500, 499]);
    assert.equal(large.queries, small.queries);
    assert.equal(small.queries, 2, "the tables in one query, index and view texts in another");
  });
});
