import type { DialectName, QueryExecutor } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";
import { RetortError } from "../util/errors";

/** How a run waits for the lock: its limit, and where it says that it is waiting. */
export interface LockOptions {
  readonly timeoutMs: number;
  readonly onWait: (line: string) => void;
}

/** Releases a lock taken by `acquireLock`. */
export type ReleaseLock = () => Promise<void>;

/**
 * What a dialect's migration session does around each migration, as data plus lock and
 * transaction functions, so that the runner never asks which database it talks to.
 */
export interface SessionBehaviour {
  /** The statement opening a migration transaction, as `--sql` prints it (SQLite: the write lock). */
  readonly begin: string;
  /** Run before the transaction opens (outside it). */
  readonly beforeTransaction: readonly Statement[];
  /** Run after the transaction has ended, committed or rolled back. */
  readonly afterTransaction: readonly Statement[];
  /** Run inside the transaction before commit; any row it returns is a violation that aborts. */
  readonly integrityCheck?: Statement;
  /** Takes the run-wide lock, waiting up to the timeout; the returned function releases it. */
  acquireLock(executor: QueryExecutor, key: string, options: LockOptions): Promise<ReleaseLock>;
  /**
   * Sends `begin`, waiting up to the timeout where opening the transaction takes a lock
   * (SQLite), and saying so through `onWait`. Called while holding `acquireLock`'s lock.
   */
  beginTransaction(executor: QueryExecutor, options: LockOptions): Promise<void>;
}

/** Thrown when another run holds the lock for longer than the timeout. */
export class LockTimeoutError extends RetortError {
  constructor(message: string) {
    super("lock", message);
  }
}

/** A stable 31-bit integer for an advisory-lock key. */
export function lockNumber(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) & 0x7fffffff;
}

/** "60 s", or "500 ms" under a second. */
function describeWait(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL: a session-level advisory lock held for the whole run, on the run's own connection.
 * https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
 */
async function acquirePostgresLock(executor: QueryExecutor, key: string, options: LockOptions): Promise<ReleaseLock> {
  const id = lockNumber(key);
  const started = Date.now();
  let announced = false;
  for (;;) {
    const rows = await executor.query("SELECT pg_try_advisory_lock($1) AS locked", [id]);
    if (rows[0]?.locked === true) {
      return async () => {
        await executor.query("SELECT pg_advisory_unlock($1)", [id]);
      };
    }
    // A one-argument advisory lock key is stored as classid 0 / objid key / objsubid 1.
    const holders = await executor.query(
      "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 0 AND objid = $1 AND objsubid = 1 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
      [id],
    );
    const pid = holders[0]?.pid === undefined ? "unknown" : String(holders[0].pid);
    if (!announced) {
      options.onWait(`waiting for another retort run (pid ${pid})`);
      announced = true;
    }
    if (Date.now() - started >= options.timeoutMs) {
      throw new LockTimeoutError(
        `gave up after ${describeWait(options.timeoutMs)} waiting for another retort run (pid ${pid}); let it finish or raise --lock-timeout`,
      );
    }
    await sleep(100);
  }
}

/**
 * SQLite has no lock that outlives a transaction, so the run's "lock" is taken per migration:
 * each opens with `BEGIN IMMEDIATE` (the database's single write lock, see `beginSqlite`) and
 * the runner re-reads the version table inside it, so concurrent runs serialise migration by
 * migration and none is ever applied twice. Here the connection's busy timeout becomes the lock
 * timeout for the statements that wait on other connections' locks (reads while another process
 * commits, our COMMIT while others read), and is put back afterwards. `PRAGMA busy_timeout` and
 * better-sqlite3's `timeout` option are the same setting (`sqlite3_busy_timeout`), so the
 * previous value is read back rather than assumed. https://www.sqlite.org/pragma.html#pragma_busy_timeout
 */
async function acquireSqliteLock(executor: QueryExecutor, _key: string, options: LockOptions): Promise<ReleaseLock> {
  const rows = await executor.query("PRAGMA busy_timeout");
  const previous = Number(rows[0]?.timeout ?? 0);
  await setBusyTimeout(executor, options.timeoutMs);
  return async () => {
    await setBusyTimeout(executor, previous);
  };
}

async function setBusyTimeout(executor: QueryExecutor, ms: number): Promise<void> {
  // PRAGMA takes no parameters; the value is a non-negative integer we computed.
  await executor.query(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(ms))}`);
}

/**
 * `BEGIN IMMEDIATE` takes SQLite's write lock or fails with SQLITE_BUSY. SQLite's own busy
 * handler would wait inside the driver call, blocking Node's event loop without a word; with the
 * busy timeout at 0 for this one statement we wait here instead, in short sleeps, and say once
 * that we are waiting. Foreign keys are switched off around every migration by
 * `beforeTransaction` (the pragma is a no-op inside a transaction) so that table rebuilds cannot
 * cascade, and `foreign_key_check` runs before commit. https://www.sqlite.org/lang_transaction.html
 */
async function beginSqlite(executor: QueryExecutor, options: LockOptions): Promise<void> {
  const started = Date.now();
  let announced = false;
  await setBusyTimeout(executor, 0);
  try {
    for (;;) {
      try {
        await executor.query("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
      }
      if (!announced) {
        options.onWait("waiting for another retort run (SQLite write lock held by another connection)");
        announced = true;
      }
      if (Date.now() - started >= options.timeoutMs) {
        throw new LockTimeoutError(
          `gave up after ${describeWait(options.timeoutMs)} waiting for the SQLite write lock held by another connection; let it finish or raise --lock-timeout`,
        );
      }
      // Jitter keeps several waiting runs from retrying in lockstep.
      await sleep(5 + Math.floor(Math.random() * 20));
    }
  } finally {
    await setBusyTimeout(executor, options.timeoutMs);
  }
}

/** SQLITE_BUSY (and its extended codes) as better-sqlite3 reports it, possibly wrapped by TypeORM. */
function isSqliteBusy(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    current = (current as { driverError?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return false;
}

async function beginPostgres(executor: QueryExecutor): Promise<void> {
  await executor.query("BEGIN");
}

export const sessionBehaviours: Readonly<Record<DialectName, SessionBehaviour>> = {
  postgres: {
    begin: "BEGIN",
    beforeTransaction: [],
    afterTransaction: [],
    acquireLock: acquirePostgresLock,
    beginTransaction: beginPostgres,
  },
  sqlite: {
    begin: "BEGIN IMMEDIATE",
    beforeTransaction: [{ sql: "PRAGMA foreign_keys = OFF" }],
    afterTransaction: [{ sql: "PRAGMA foreign_keys = ON" }],
    integrityCheck: { sql: "PRAGMA foreign_key_check" },
    acquireLock: acquireSqliteLock,
    beginTransaction: beginSqlite,
  },
};
