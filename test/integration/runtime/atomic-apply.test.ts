/**
 * Atomic apply on PostgreSQL and SQLite: a migration and its version-table change commit
 * together or not at all, and the error names the revision, its file, the operation and the SQL.
 */
import assert from "node:assert/strict";
import { appendFileSync, rmSync } from "node:fs";
import { basename } from "node:path";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import type { DataSource } from "typeorm";
import type { DialectName } from "../../../src/dialects/dialect";
import { MigrationError } from "../../../src/util/errors";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import {
  addRawMigration,
  createHistoryProject,
  expectedSchemaAt,
  migrateDirect,
  openTestDataSource,
  readDataSourceState,
  revisionIdOf,
  type HistoryProject,
} from "../../helpers/history";

const BAD = "5ebad0000006";
const AT_FIVE = revisionIdOf(5);

/** A sixth migration whose first operation succeeds and whose `failing` statement fails. */
function addFailingMigration(project: HistoryProject, failing: string, id = BAD): string {
  return addRawMigration(project, {
    id,
    parent: AT_FIVE,
    message: "fails halfway",
    up: [`  await op.createTable("extra", { columns: [{ name: "id", type: "integer" }] });`, failing].join("\n"),
  });
}

async function rejection(promise: Promise<unknown>): Promise<MigrationError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MigrationError, `expected a MigrationError, got ${String(error)}`);
    return error;
  }
  assert.fail("the run should have failed");
}

async function countRows(dataSource: DataSource, table: string): Promise<number> {
  const rows = (await dataSource.query(`SELECT count(*) AS n FROM "${table}"`)) as { n: unknown }[];
  return Number(rows[0]?.n);
}

for (const dialect of ["postgres", "sqlite"] as const satisfies readonly DialectName[]) {
  describe(`atomic apply on ${dialect}`, () => {
    let pg: TestDatabase | undefined;
    let db: TestDatabase;
    let dataSource: DataSource;
    let project: HistoryProject;

    before(async () => {
      if (dialect === "postgres") pg = await createPgDatabase("atomic");
    });
    after(async () => {
      await pg?.drop();
    });
    beforeEach(async () => {
      db = pg ?? createSqliteDatabase("atomic");
      dataSource = await openTestDataSource(dialect, db.url);
      if (dialect === "postgres") await dataSource.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
      project = createHistoryProject(5, dialect);
    });
    afterEach(async () => {
      await dataSource.destroy();
      if (db !== pg) await db.drop();
      project.remove();
    });

    async function assertAtFive(): Promise<void> {
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state.heads, [AT_FIVE]);
      assert.deepEqual(state.schema, await expectedSchemaAt(project.steps, 5));
    }

    it("rolls back a migration whose operation violates a constraint, keeps the ones before, and names everything", async () => {
      const file = addFailingMigration(project, `  await op.addColumn("t001", { name: "must", type: "integer" });`);
      const error = await rejection(migrateDirect(project, dataSource, "up", "head"));
      assert.match(error.message, new RegExp(`^upgrade ${BAD} \\(`));
      assert.ok(error.message.includes(basename(file)), error.message);
      assert.match(error.message, /op\.addColumn #2 \(add column t001\.must\)/);
      // SQLite cannot add a NOT NULL column without a default in place: the rebuild's copy fails.
      const sql = dialect === "postgres" ? /; SQL: ALTER TABLE "t001" ADD (COLUMN )?"must"/ : /; SQL: INSERT INTO "\w+t001" .* FROM "t001";/;
      assert.match(error.message, sql);
      assert.match(error.message, new RegExp(`rolled back, the database stays at ${AT_FIVE}$`));
      await assertAtFive();
      assert.equal(await countRows(dataSource, "t001"), 1);
    });

    it("rolls back bad SQL in op.execute and quotes the statement", async () => {
      addFailingMigration(project, `  await op.execute("UPDATE no_such_table SET x = 1");`);
      await migrateDirect(project, dataSource, "up", AT_FIVE);
      const error = await rejection(migrateDirect(project, dataSource, "up", "head"));
      assert.match(error.message, /op\.execute #2 \(execute UPDATE no_such_table SET x = 1\): .*no_such_table.*; SQL: UPDATE no_such_table SET x = 1;/);
      await assertAtFive();
    });

    it("with --transaction-mode all rolls back the whole run", async () => {
      addFailingMigration(project, `  await op.execute("UPDATE no_such_table SET x = 1");`);
      const error = await rejection(migrateDirect(project, dataSource, "up", "head", { transactionMode: "all" }));
      assert.match(error.message, new RegExp(`^upgrade ${BAD} .*rolled back, the database stays at base$`));
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state, { heads: [], schema: await expectedSchemaAt(project.steps, 0) });
    });

    it("with --transaction-mode all applies a whole run and reports it after the commit", async () => {
      const run = await migrateDirect(project, dataSource, "up", AT_FIVE, { transactionMode: "all" });
      assert.equal(run.applied.length, 5);
      assert.equal(run.lines.filter((line) => line.startsWith("Running upgrade")).length, 5);
      await assertAtFive();
    });

    it("rolls back a table rebuild together with the rest of the migration", async () => {
      // alterColumn rebuilds t001 on SQLite (t004 holds a foreign key to it); the later failure must undo it.
      addRawMigration(project, {
        id: BAD,
        parent: AT_FIVE,
        message: "rebuild then fail",
        up: [
          `  await op.alterColumn("t001", "label", { from: { type: "varchar(80)", nullable: true }, to: { type: "varchar(120)", nullable: true } });`,
          `  await op.execute("UPDATE no_such_table SET x = 1");`,
        ].join("\n"),
      });
      await rejection(migrateDirect(project, dataSource, "up", "head"));
      await assertAtFive();
      assert.equal(await countRows(dataSource, "t001"), 1);
      assert.equal(await countRows(dataSource, "t004"), 1);
      if (dialect === "sqlite") {
        // The pragma is put back even when the migration failed.
        const rows = (await dataSource.query("PRAGMA foreign_keys")) as { foreign_keys: number }[];
        assert.equal(rows[0]?.foreign_keys, 1);
      }
    });

    it("rolls back a failed downgrade and keeps the version", async () => {
      addRawMigration(project, {
        id: BAD,
        parent: AT_FIVE,
        message: "down fails",
        up: `  await op.createTable("extra", { columns: [{ name: "id", type: "integer" }] });`,
        down: [
          `  await op.dropTable("extra", { columns: [{ name: "id", type: "integer" }] });`,
          `  await op.execute("UPDATE no_such_table SET x = 1");`,
        ].join("\n"),
      });
      await migrateDirect(project, dataSource, "up", "head");
      const error = await rejection(migrateDirect(project, dataSource, "down", "-1"));
      assert.match(error.message, new RegExp(`^downgrade ${BAD} .*rolled back, the database stays at ${BAD}$`));
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state.heads, [BAD]);
      assert.ok(state.schema.tables.some((table) => table.name === "extra"));
    });

    it("makes TypeORM transactions inside a migration savepoints of the migration's transaction", async () => {
      const inner = [
        `  await op.queryRunner.startTransaction();`,
        `  await op.queryRunner.query('CREATE TABLE "inner_t" ("id" integer)');`,
        `  await op.queryRunner.commitTransaction();`,
      ].join("\n");
      const failing = addFailingMigration(project, `${inner}\n  await op.execute("UPDATE no_such_table SET x = 1");`);
      await rejection(migrateDirect(project, dataSource, "up", "head"));
      await assertAtFive();

      // A new file (and id): this process's require cache still holds the failing one.
      rmSync(failing);
      const good = "5e900d000006";
      addFailingMigration(project, inner, good);
      const run = await migrateDirect(project, dataSource, "up", "head");
      assert.deepEqual(run.applied.map((step) => step.revision), [good]);
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state.heads, [good]);
      assert.deepEqual(
        state.schema.tables.map((table) => table.name).filter((name) => name === "inner_t" || name === "extra"),
        ["extra", "inner_t"],
      );
    });

    it("stops a migration that commits the run's transaction before the version table moves", async () => {
      addFailingMigration(project, `  await op.queryRunner.commitTransaction();`);
      await migrateDirect(project, dataSource, "up", AT_FIVE);
      const error = await rejection(migrateDirect(project, dataSource, "up", "head"));
      assert.match(error.message, /committed, rolled back or left open a transaction of its own/);
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state.heads, [AT_FIVE]);
    });

    it("loads every migration of the plan first: a file that cannot load stops the run before anything changes", async () => {
      const file = addFailingMigration(project, "");
      appendFileSync(file, `throw new Error("broken at load time");\n`);
      await assert.rejects(migrateDirect(project, dataSource, "up", "head"), /broken at load time/);
      const state = await readDataSourceState(dialect, dataSource);
      assert.deepEqual(state, { heads: [], schema: await expectedSchemaAt(project.steps, 0) });
    });

    it("names the SQL of a failed op.queryRunner.query", async () => {
      addFailingMigration(project, `  await op.queryRunner.query("DELETE FROM missing_table_q");`);
      const error = await rejection(migrateDirect(project, dataSource, "up", "head"));
      assert.match(error.message, new RegExp(`^upgrade ${BAD} \\(.*\\) failed: .*missing_table_q.*; SQL: DELETE FROM missing_table_q;`));
      await assertAtFive();
    });
  });
}
