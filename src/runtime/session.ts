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
 * What a dialect's migration session does around each migration, as data plus two lock
 * functions, so that the runner never asks which database it talks to.
 */
export interface SessionBehaviour {
  /** Opens a migration transaction; on SQLite it takes the write lock at once. */
  readonly begin: string;
  /** Run before the transaction opens (outside it). */
  readonly beforeTransaction: readonly Statement[];
  /** Run after the transaction has ended, committed or rolled back. */
  readonly afterTransaction: readonly Statement[];
  /** Run inside the transaction before commit; any row it returns is a violation that aborts. */
  readonly integrityCheck?: Statement;
  /** Takes the run-wide lock, waiting up to the timeout. */
  acquireLock(executor: QueryExecutor, key: string, options: LockOptions): Promise<ReleaseLock>;
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
        `gave up after ${Math.round(options.timeoutMs / 1000)} s waiting for another retort run (pid ${pid}); let it finish or raise --lock-timeout`,
      );
    }
    await sleep(100);
  }
}

/**
 * SQLite: each migration opens with `BEGIN IMMEDIATE`, SQLite's write lock, and re-reads the
 * version table inside it, so concurrent runs serialise per migration and never apply one twice.
 * The lock timeout becomes SQLite's busy timeout. Foreign keys are switched off around every
 * migration (the pragma is a no-op inside a transaction) so that table rebuilds cannot cascade,
 * and `foreign_key_check` runs before commit. https://www.sqlite.org/lang_altertable.html#otheralter
 */
async function acquireSqliteLock(executor: QueryExecutor, _key: string, options: LockOptions): Promise<ReleaseLock> {
  await executor.query(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.timeoutMs))}`);
  return async () => {};
}

export const sessionBehaviours: Readonly<Record<DialectName, SessionBehaviour>> = {
  postgres: {
    begin: "BEGIN",
    beforeTransaction: [],
    afterTransaction: [],
    acquireLock: acquirePostgresLock,
  },
  sqlite: {
    begin: "BEGIN IMMEDIATE",
    beforeTransaction: [{ sql: "PRAGMA foreign_keys = OFF" }],
    afterTransaction: [{ sql: "PRAGMA foreign_keys = ON" }],
    integrityCheck: { sql: "PRAGMA foreign_key_check" },
    acquireLock: acquireSqliteLock,
  },
};
