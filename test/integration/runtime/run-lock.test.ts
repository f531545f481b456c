/**
 * The run lock: a run waits for another one holding it (PostgreSQL advisory lock, SQLite write
 * lock), says so once, gives up after the lock timeout, and proceeds once the lock is free.
 * Also: creating the version table is safe when several connections race on it.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { Client } from "pg";
import type { DataSource } from "typeorm";
import { dialects } from "../../../src/dialects";
import { LockTimeoutError, lockNumber } from "../../../src/runtime/session";
import { ensureVersionTable, versionTableExists } from "../../../src/runtime/version-table";
import { executorFor } from "../../../src/runtime/query-executor";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import {
  VERSION_TABLE,
  createHistoryProject,
  migrateDirect,
  openTestDataSource,
  readDataSourceState,
  revisionIdOf,
  type HistoryProject,
} from "../../helpers/history";

/** Another holder of the lock, released on demand. */
interface Holder {
  /** The holder's PostgreSQL backend pid (undefined on SQLite). */
  readonly pid?: number;
  release(): Promise<void>;
}

async function rejectsWithLockTimeout(promise: Promise<unknown>): Promise<LockTimeoutError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof LockTimeoutError, `expected a LockTimeoutError, got ${String(error)}`);
    return error;
  }
  assert.fail("the run should have timed out");
}

function waitingLines(lines: readonly string[]): string[] {
  return lines.filter((line) => line.startsWith("waiting for another retort run"));
}

describe("run lock on postgres", () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let project: HistoryProject;

  before(async () => {
    db = await createPgDatabase("lock");
    dataSource = await openTestDataSource("postgres", db.url);
    project = createHistoryProject(5, "postgres");
  });
  after(async () => {
    await dataSource.destroy();
    await db.drop();
    project.remove();
  });

  async function holdAdvisoryLock(): Promise<Holder> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const rows = await client.query<{ pid: number }>("SELECT pg_advisory_lock($1), pg_backend_pid() AS pid", [
      lockNumber(`retort:${VERSION_TABLE}`),
    ]);
    return { pid: rows.rows[0]?.pid, release: () => client.end() };
  }

  it("waits for the advisory lock, names the holder's pid once, and gives up after --lock-timeout", async () => {
    const holder = await holdAdvisoryLock();
    try {
      const lines: string[] = [];
      const started = Date.now();
      const error = await rejectsWithLockTimeout(
        migrateDirect(project, dataSource, "up", "head", { lockTimeoutMs: 500, onLine: (line) => lines.push(line) }),
      );
      assert.ok(Date.now() - started >= 500);
      assert.deepEqual(waitingLines(lines), [`waiting for another retort run (pid ${holder.pid})`]);
      assert.match(error.message, new RegExp(`pid ${holder.pid}\\b.*--lock-timeout`));
    } finally {
      await holder.release();
    }
    const state = await readDataSourceState("postgres", dataSource);
    assert.deepEqual(state.heads, []);
  });

  it("proceeds once the holder lets go", async () => {
    const holder = await holdAdvisoryLock();
    setTimeout(() => void holder.release(), 300);
    const run = await migrateDirect(project, dataSource, "up", "head", { lockTimeoutMs: 10_000 });
    assert.deepEqual(waitingLines(run.lines), [`waiting for another retort run (pid ${holder.pid})`]);
    assert.equal(run.applied.length, 5);
    const state = await readDataSourceState("postgres", dataSource);
    assert.deepEqual(state.heads, [revisionIdOf(5)]);
  });

  it("creates the version table safely when many connections race on it", async () => {
    const table = { name: "raced_version", dialect: dialects.postgres };
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const client = new Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    try {
      const executors = clients.map((client) => ({
        query: async (sql: string, params?: readonly unknown[]) => (await client.query(sql, params ? [...params] : [])).rows,
      }));
      await Promise.all(executors.map((executor) => ensureVersionTable(executor, table)));
      assert.equal(await versionTableExists(executorFor(dataSource), table), true);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});

describe("run lock on sqlite", () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let project: HistoryProject;

  beforeEach(async () => {
    db = createSqliteDatabase("lock");
    dataSource = await openTestDataSource("sqlite", db.url);
    project = createHistoryProject(5, "sqlite");
  });
  afterEach(async () => {
    await dataSource.destroy();
    await db.drop();
    project.remove();
  });

  /** Another connection in the middle of a write transaction. */
  function holdWriteLock(): Holder {
    const other = new Database(db.url);
    other.exec("BEGIN IMMEDIATE");
    return {
      release: async () => {
        other.exec("COMMIT");
        other.close();
      },
    };
  }

  it("waits for the write lock, says so once, and gives up after --lock-timeout", async () => {
    const holder = holdWriteLock();
    try {
      const lines: string[] = [];
      const started = Date.now();
      const error = await rejectsWithLockTimeout(
        migrateDirect(project, dataSource, "up", "head", { lockTimeoutMs: 400, onLine: (line) => lines.push(line) }),
      );
      assert.ok(Date.now() - started >= 400);
      assert.equal(waitingLines(lines).length, 1);
      assert.match(error.message, /SQLite write lock.*--lock-timeout/);
    } finally {
      await holder.release();
    }
    const state = await readDataSourceState("sqlite", dataSource);
    assert.deepEqual(state.heads, []);
  });

  it("proceeds once the holder commits, and leaves the connection's busy timeout as it was", async () => {
    const before = (await dataSource.query("PRAGMA busy_timeout")) as { timeout: number }[];
    await migrateDirect(project, dataSource, "up", revisionIdOf(2));
    const holder = holdWriteLock();
    setTimeout(() => void holder.release(), 300);
    const run = await migrateDirect(project, dataSource, "up", "head", { lockTimeoutMs: 10_000 });
    assert.equal(waitingLines(run.lines).length, 1);
    assert.equal(run.applied.length, 3);
    const state = await readDataSourceState("sqlite", dataSource);
    assert.deepEqual(state.heads, [revisionIdOf(5)]);
    assert.deepEqual(await dataSource.query("PRAGMA busy_timeout"), before);
  });
});
