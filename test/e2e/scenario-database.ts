/**
 * The databases a scenario works on, reached directly from the test process (not through
 * retort): to insert and read rows around a migration, and to empty the reference database
 * that TypeORM's `synchronize()` fills for comparison.
 */
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { Client } from "pg";
import { createPgDatabase, createSqliteDatabase } from "../helpers/databases";
import type { TestDatabase } from "../helpers/databases";
import { assertNever } from "../../src/util/assert-never";

export type ScenarioDialect = "postgres" | "sqlite";

/** A row as the driver returns it. */
export type Row = Readonly<Record<string, unknown>>;

/** One database of a scenario. */
export interface ScenarioDatabase {
  readonly dialect: ScenarioDialect;
  /** The value for DATABASE_URL that points the CLI at this database. */
  readonly url: string;
  /** Runs one statement with `$1`-style (PostgreSQL) or `?` (SQLite) parameters, returning its rows. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several `;`-separated statements (no parameters), as a user would paste it. */
  exec(script: string): Promise<void>;
  /** Removes every table, type and view, leaving an empty database. */
  empty(): Promise<void>;
  drop(): Promise<void>;
}

/** `name` as a quoted identifier; the same spelling works on both dialects. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The parameter placeholder number `index` (1-based) of a dialect. */
export function placeholder(dialect: ScenarioDialect, index: number): string {
  switch (dialect) {
    case "postgres":
      return `$${index}`;
    case "sqlite":
      return "?";
    default:
      return assertNever(dialect);
  }
}

/** Creates a fresh database of `dialect`; the caller drops it. */
export async function createScenarioDatabase(dialect: ScenarioDialect, prefix: string): Promise<ScenarioDatabase> {
  switch (dialect) {
    case "postgres":
      return wrapPostgres(await createPgDatabase(prefix));
    case "sqlite":
      return wrapSqlite(createSqliteDatabase(prefix));
    default:
      return assertNever(dialect);
  }
}

function wrapPostgres(database: TestDatabase): ScenarioDatabase {
  // A connection per call: the CLI runs in between, and an idle session would hold no lock
  // but could still keep DROP DATABASE waiting at the end.
  const query = async (sql: string, params: readonly unknown[] = []): Promise<Row[]> => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, [...params])).rows as Row[];
    } finally {
      await client.end();
    }
  };
  return {
    dialect: "postgres",
    url: database.url,
    query,
    exec: async (script) => {
      // Without parameters, pg uses the simple query protocol, which accepts several statements.
      await query(script);
    },
    empty: async () => {
      await query("DROP SCHEMA public CASCADE");
      await query("CREATE SCHEMA public");
    },
    drop: () => database.drop(),
  };
}

function wrapSqlite(database: TestDatabase): ScenarioDatabase {
  const file = database.url;
  // Opened and closed per call, so the CLI (another process) never waits on our lock.
  const withFile = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    dialect: "sqlite",
    url: `sqlite:///${file.replace(/^\/+/, "")}`,
    query: async (sql, params = []) =>
      withFile((db) => {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as Row[];
        statement.run(...params);
        return [];
      }),
    exec: async (script) => withFile((db) => void db.exec(script)),
    // TypeORM creates the file again when it next connects.
    empty: async () => rmSync(file, { force: true }),
    drop: () => database.drop(),
  };
}
