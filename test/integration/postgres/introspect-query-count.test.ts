import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { postgresDialect } from "../../../src/dialects/postgres";
import { quoteIdent } from "../../../src/dialects/postgres/quote";
import { countingExecutor } from "../../../src/runtime/query-executor";
import { createPgDatabase, type TestDatabase } from "../../helpers/databases";
import { connectExecutor } from "./introspect-executor";

/** DDL for `count` TypeORM-shaped tables (PK, FK to the previous table, index, check), as one statement. */
function manyTables(from: number, count: number): string {
  const statements: string[] = [];
  for (let i = from; i < from + count; i += 1) {
    const name = quoteIdent(`t${i}`);
    const fk =
      i === 0 ? "" : `, CONSTRAINT "FK_t${i}" FOREIGN KEY ("parentId") REFERENCES ${quoteIdent(`t${i - 1}`)}("id")`;
    statements.push(
      `CREATE TABLE ${name} ("id" SERIAL NOT NULL, "parentId" integer, "name" character varying(50) NOT NULL DEFAULT 'x', ` +
        `CONSTRAINT "PK_t${i}" PRIMARY KEY ("id"), CONSTRAINT "CHK_t${i}" CHECK ("name" <> '')${fk})`,
      `CREATE INDEX "IDX_t${i}" ON ${name} ("name")`,
    );
  }
  return statements.join(";\n");
}

describe("postgres introspect sends a constant number of queries", () => {
  let db: TestDatabase;
  let executor: Awaited<ReturnType<typeof connectExecutor>>;

  before(async () => {
    db = await createPgDatabase("introspect_count");
    executor = await connectExecutor(db.url);
  });
  after(async () => {
    await executor?.client.end();
    await db?.drop();
  });

  test("the same for 10 tables as for 500", async () => {
    await executor.client.query(manyTables(0, 10));
    const small = countingExecutor(executor);
    const smallModel = await postgresDialect.introspect(small, { excludeTables: [] });
    assert.equal(smallModel.tables.length, 10);

    // In batches: one implicit transaction creating 490 tables takes thousands of locks, more than
    // a default server's shared lock table spares while other test files run beside this one.
    for (let from = 10; from < 500; from += 49) await executor.client.query(manyTables(from, 49));
    const large = countingExecutor(executor);
    const largeModel = await postgresDialect.introspect(large, { excludeTables: [] });
    assert.equal(largeModel.tables.length, 500);
    assert.equal(largeModel.tables.find((t) => t.name === "t499")?.foreignKeys[0]?.referencedTable, "t498");

    assert.equal(large.statements.length, small.statements.length);
    assert.deepEqual(large.statements, small.statements);
    // Seven catalog queries; typeorm_metadata does not exist here, so it is not read.
    assert.equal(small.statements.length, 7);
  });

  test("one more query, still constant, when typeorm_metadata exists", async () => {
    await executor.client.query(
      `CREATE TABLE "typeorm_metadata" ("type" character varying NOT NULL, "database" character varying, ` +
        `"schema" character varying, "table" character varying, "name" character varying, "value" text)`,
    );
    const counted = countingExecutor(executor);
    const model = await postgresDialect.introspect(counted, { excludeTables: ["typeorm_metadata"] });
    assert.equal(counted.statements.length, 8);
    assert.equal(
      model.tables.some((t) => t.name === "typeorm_metadata"),
      false,
    );
  });

  test("excluded names are parameters, never part of the SQL text", async () => {
    const counted = countingExecutor(executor);
    const model = await postgresDialect.introspect(counted, { excludeTables: ["t1", `it's "odd"`] });
    assert.equal(
      model.tables.some((t) => t.name === "t1"),
      false,
    );
    assert.ok(counted.statements.every((sql) => !sql.includes("odd")));
  });
});
