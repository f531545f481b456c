import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";

/** The server tests create their databases on; override with RETORT_TEST_PG. */
export const pgAdminUrl = process.env.RETORT_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A database made for one test file, dropped by `drop()`. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh PostgreSQL database with a unique name. When the server cannot be reached the
 * error propagates: with CI=true a test that cannot reach its database fails, never skips.
 */
export async function createPgDatabase(prefix: string): Promise<TestDatabase> {
  const name = `retort_${prefix.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: withDatabase(pgAdminUrl, name),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A temporary directory holding a fresh SQLite file path, removed by `drop()`. */
export function createSqliteDatabase(prefix: string): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), `retort-${prefix}-`));
  const file = join(dir, "db.sqlite");
  return {
    name: file,
    url: file,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
