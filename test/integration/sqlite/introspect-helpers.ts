import Database from "better-sqlite3";
import type { QueryExecutor, Row } from "../../../src/dialects/dialect";

/** A QueryExecutor over a better-sqlite3 handle; statements that return no rows are `run`. */
export function createSqliteExecutor(db: Database.Database): QueryExecutor {
  return {
    async query(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
  };
}

