/**
 * Six `retort upgrade head` processes against one database with a 30-migration history: each
 * migration is applied exactly once, every process exits 0, and the version table ends at head.
 * The test holds the run lock itself until all six are waiting on it, so that they really race
 * when it lets go (PostgreSQL: the advisory lock; SQLite: the write lock).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { Client } from "pg";
import type { DialectName } from "../../src/dialects/dialect";
import { lockNumber } from "../../src/runtime/session";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../helpers/databases";
import {
  VERSION_TABLE,
  createHistoryProject,
  databaseUrlOf,
  expectedSchemaAt,
  openTestDataSource,
  readDataSourceState,
  startCli,
  type HistoryProject,
} from "../helpers/history";

const PROCESSES = 6;
const MIGRATIONS = 30;

/** Someone holding the run lock, with the line a waiting run prints about it. */
interface Holder {
  readonly waitingLine: RegExp;
  release(): Promise<void>;
}

async function holdLock(dialect: DialectName, db: TestDatabase): Promise<Holder> {
  if (dialect === "postgres") {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_advisory_lock($1), pg_backend_pid() AS pid", [
      lockNumber(`retort:${VERSION_TABLE}`),
    ]);
    return { waitingLine: new RegExp(`^waiting for another retort run \\(pid ${rows[0]?.pid}\\)$`), release: () => client.end() };
  }
  const other = new Database(db.url);
  other.exec("BEGIN IMMEDIATE");
  return {
    waitingLine: /^waiting for another retort run \(SQLite write lock/,
    release: async () => {
      other.exec("COMMIT");
      other.close();
    },
  };
}

for (const dialect of ["postgres", "sqlite"] as const satisfies readonly DialectName[]) {
  describe(`${PROCESSES} concurrent upgrades on ${dialect}`, () => {
    let db: TestDatabase;
    let project: HistoryProject;

    before(async () => {
      db = dialect === "postgres" ? await createPgDatabase("concurrent") : createSqliteDatabase("concurrent");
      // Each migration holds its transaction a little longer, so the runs overlap for a while.
      project = createHistoryProject(MIGRATIONS, dialect, 15);
    });
    after(async () => {
      await db.drop();
      project.remove();
    });

    it("applies each migration exactly once, every process exits 0, the version table is at head", { timeout: 120_000 }, async () => {
      const holder = await holdLock(dialect, db);
      const env = { DATABASE_URL: databaseUrlOf(dialect, db.url) };
      const runs = Array.from({ length: PROCESSES }, () =>
        startCli(["upgrade", "head", "--lock-timeout", "90"], project.dir, env),
      );
      let waiting: boolean[];
      try {
        waiting = await Promise.all(runs.map((run) => run.waitForLine((line) => holder.waitingLine.test(line))));
      } finally {
        await holder.release();
      }
      const exits = await Promise.all(runs.map((run) => run.exit));
      const report = runs.map((run, i) => `#${i} ${JSON.stringify(exits[i])}: ${run.lines.join(" / ")}`).join("\n");
      assert.deepEqual(waiting, runs.map(() => true), `every process should have waited for the lock\n${report}`);
      assert.deepEqual(exits, runs.map(() => ({ code: 0, signal: null })), report);

      // A line is printed only after its migration committed: together they name each revision once.
      const appliedTo = runs.flatMap((run) =>
        run.lines.flatMap((line) => /^Running upgrade \S+ -> (\S+),/.exec(line)?.[1] ?? []),
      );
      assert.deepEqual([...appliedTo].sort(), [...project.ids].sort(), report);
      for (const run of runs) {
        assert.equal(run.lines.filter((line) => holder.waitingLine.test(line)).length, 1, report);
      }

      const dataSource = await openTestDataSource(dialect, db.url);
      try {
        const state = await readDataSourceState(dialect, dataSource);
        assert.deepEqual(state.heads, [project.ids[MIGRATIONS - 1]]);
        assert.deepEqual(state.schema, await expectedSchemaAt(project.steps, MIGRATIONS));
      } finally {
        await dataSource.destroy();
      }
    });
  });
}
