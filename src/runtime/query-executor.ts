import type { DataSource, QueryRunner } from "typeorm";
import type { QueryExecutor, Row } from "../dialects/dialect";

/**
 * A QueryExecutor over a TypeORM DataSource (each statement on a pooled connection) or over one
 * QueryRunner (every statement on the same connection, inside its transaction if one is open).
 */
export function executorFor(source: DataSource | QueryRunner): QueryExecutor {
  return {
    async query(sql: string, params?: readonly unknown[]): Promise<Row[]> {
      const result: unknown = await source.query(sql, params === undefined ? undefined : [...params]);
      return Array.isArray(result) ? (result as Row[]) : [];
    },
  };
}

/** Wraps an executor so that every statement it sends is recorded, for tests and benchmarks. */
export function countingExecutor(inner: QueryExecutor): QueryExecutor & { readonly statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    query(sql, params) {
      statements.push(sql);
      return inner.query(sql, params);
    },
  };
}
