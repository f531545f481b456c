import { Client } from "pg";
import type { QueryExecutor, Row } from "../../../src/dialects/dialect";

/** A QueryExecutor over one `pg` client, with the client so the test can close it. */
export async function connectExecutor(url: string): Promise<QueryExecutor & { readonly client: Client }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    client,
    query: async (sql: string, params?: readonly unknown[]): Promise<Row[]> =>
      (await client.query(sql, params === undefined ? undefined : [...params])).rows as Row[],
  };
}
