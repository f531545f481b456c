import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { Client } from "pg";
import type { Dialect, QueryExecutor, Row } from "../../../src/dialects/dialect";
import { postgresDialect } from "../../../src/dialects/postgres";
import { emitPostgres } from "../../../src/dialects/postgres/emit";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { emitSqlite, sqliteNeedsForeignKeysOff } from "../../../src/dialects/sqlite/emit";
import type { Statement } from "../../../src/dialects/statement";
import { compareModels } from "../../../src/model";
import { emptyModel, type SchemaModel } from "../../../src/model/types";
import { applyAll, applyOperation, reverseAll } from "../../../src/ops";
import type { Operation } from "../../../src/ops/types";
import { createPgDatabase, createSqliteDatabase, type TestDatabase } from "../../helpers/databases";

/** A live database an emitter's statements run on, one operation per transaction as the runner does. */
export interface EmitTarget {
  readonly dialect: Dialect;
  readonly executor: QueryExecutor;
  emit(op: Operation, before: SchemaModel): Statement[];
  /** Runs the statements of one operation; returns them for assertions. */
  runOperation(op: Operation, before: SchemaModel): Promise<Statement[]>;
  /** Empties the database for the next scenario. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL target on a database of its own; `reset` recreates the `public` schema. */
export async function openPostgresTarget(prefix: string): Promise<EmitTarget> {
  const db = await createPgDatabase(prefix);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  // Keep NOTICEs (identifier truncation, implicit sequence drops) from cluttering test output.
  await client.query("SET client_min_messages = warning");
  const executor: QueryExecutor = {
    async query(sql, params) {
      const result = await client.query(sql, params === undefined ? undefined : [...params]);
      return result.rows as Row[];
    },
  };
  return {
    dialect: postgresDialect,
    executor,
    emit: emitPostgres,
    async runOperation(op, before) {
      const statements = emitPostgres(op, before);
      await client.query("BEGIN");
      try {
        for (const s of statements) await executor.query(s.sql, s.params);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`${describe(op)} failed: ${String(error)}\n  ${statements.map((s) => s.sql).join("\n  ")}`);
      }
      return statements;
    },
    async reset() {
      await client.query("DROP SCHEMA public CASCADE");
      await client.query("CREATE SCHEMA public");
    },
    async close() {
      await client.end();
      await db.drop();
    },
  };
}

/**
 * A SQLite target with foreign keys ON; an operation that needs them off gets them switched off
 * outside its transaction and `PRAGMA foreign_key_check` before commit, as the runner will do.
 */
export function openSqliteTarget(prefix: string): EmitTarget {
  let db: TestDatabase = createSqliteDatabase(prefix);
  let handle = new Database(db.url);
  const open = (): void => {
    handle.pragma("foreign_keys = ON");
  };
  open();
  const executor: QueryExecutor = {
    async query(sql, params = []) {
      const statement = handle.prepare(sql);
      if (statement.reader) return statement.all(...params) as Row[];
      statement.run(...params);
      return [];
    },
  };
  return {
    dialect: sqliteDialect,
    executor,
    emit: emitSqlite,
    async runOperation(op, before) {
      const statements = emitSqlite(op, before);
      const foreignKeysOff = sqliteNeedsForeignKeysOff(op, before);
      if (foreignKeysOff) handle.pragma("foreign_keys = OFF");
      handle.exec("BEGIN");
      try {
        for (const s of statements) await executor.query(s.sql, s.params);
        const violations = handle.pragma("foreign_key_check") as unknown[];
        assert.deepEqual(violations, [], "foreign_key_check after the operation");
        handle.exec("COMMIT");
      } catch (error) {
        handle.exec("ROLLBACK");
        throw new Error(`${describe(op)} failed: ${String(error)}\n  ${statements.map((s) => s.sql).join("\n  ")}`);
      } finally {
        if (foreignKeysOff) handle.pragma("foreign_keys = ON");
      }
      return statements;
    },
    async reset() {
      handle.close();
      await db.drop();
      db = createSqliteDatabase(prefix);
      handle = new Database(db.url);
      open();
    },
    async close() {
      handle.close();
      await db.drop();
    },
  };
}

function describe(op: Operation): string {
  return JSON.stringify(op).slice(0, 200);
}

/** Runs `ops` in order from `model`, each emitted against the model just before it. */
export async function runAll(target: EmitTarget, model: SchemaModel, ops: readonly Operation[]): Promise<SchemaModel> {
  let current = model;
  for (const op of ops) {
    await target.runOperation(op, current);
    current = applyOperation(current, op);
  }
  return current;
}

/** Introspects the database and asserts it equals `expected`, listing the differences. */
export async function expectSchema(target: EmitTarget, expected: SchemaModel, when: string): Promise<void> {
  const live = await target.dialect.introspect(target.executor, { excludeTables: [] });
  const differences = compareModels(live, expected, ["database", "expected"]);
  assert.deepEqual(differences, [], `${when}: the database differs from the model:\n  ${differences.join("\n  ")}`);
}

/** Hooks run between the steps of a scenario, e.g. to insert rows and check they survive. */
export interface ScenarioHooks {
  afterSetup?(target: EmitTarget): Promise<void>;
  afterOps?(target: EmitTarget): Promise<void>;
  afterReverse?(target: EmitTarget): Promise<void>;
}

/**
 * The round trip every operation must survive: build M0 from `setup`, check it; run `ops`,
 * check the database equals `applyAll(M0, ops)`; run `reverseAll(ops)`, check it equals M0.
 */
export async function checkScenario(
  target: EmitTarget,
  setup: readonly Operation[],
  ops: readonly Operation[],
  hooks: ScenarioHooks = {},
): Promise<void> {
  await target.reset();
  const m0 = await runAll(target, emptyModel, setup);
  assert.deepEqual(m0, applyAll(emptyModel, setup));
  await expectSchema(target, m0, "after setup");
  await hooks.afterSetup?.(target);
  const m1 = await runAll(target, m0, ops);
  await expectSchema(target, applyAll(m0, ops), "after the operations");
  await hooks.afterOps?.(target);
  await runAll(target, m1, reverseAll(ops));
  await expectSchema(target, m0, "after the reverse operations");
  await hooks.afterReverse?.(target);
}

/** Runs a query and returns its rows. */
export function rows(target: EmitTarget, sql: string, params?: readonly unknown[]): Promise<Row[]> {
  return target.executor.query(sql, params);
}
