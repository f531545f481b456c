/**
 * The databases the benchmark works on: a PostgreSQL database per (N, purpose) on the admin
 * server, or an SQLite file in the work directory. `reset` empties one between measured runs
 * (drop and create, or delete the file), outside the timed part.
 */
import { rmSync } from "node:fs";
import { Client } from "pg";
import type { BenchDialect } from "./options";

/** One benchmark database. */
export interface BenchDatabase {
  readonly dialect: BenchDialect;
  /** What `$BENCH_DB` is set to: a PostgreSQL URL or an SQLite file path. */
  readonly url: string;
  /** Makes it empty (creating it when needed). */
  reset(): Promise<void>;
  drop(): Promise<void>;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdmin<T>(adminUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL database named `name` on the server of `adminUrl`. */
export function postgresDatabase(adminUrl: string, name: string): BenchDatabase {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = (): Promise<void> =>
    withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`)).then(() => undefined);
  return {
    dialect: "postgres",
    url: url.toString(),
    drop,
    reset: async () => {
      await drop();
      await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    },
  };
}

/** An SQLite database file (with its journal files). */
export function sqliteDatabase(file: string): BenchDatabase {
  const remove = async (): Promise<void> => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  };
  return { dialect: "sqlite", url: file, reset: remove, drop: remove };
}

/** Server facts for the report: PostgreSQL's version and the settings that matter here. */
export async function describePostgres(adminUrl: string): Promise<string> {
  return withAdmin(adminUrl, async (client) => {
    const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? "?";
    const settings = await client.query<{ name: string; setting: string }>(
      "SELECT name, setting FROM pg_settings WHERE name IN ('max_locks_per_transaction', 'max_connections', 'shared_buffers', 'fsync', 'synchronous_commit') ORDER BY name",
    );
    return `PostgreSQL ${version} (${settings.rows.map((row) => `${row.name}=${row.setting}`).join(", ")})`;
  });
}
