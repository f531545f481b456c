import type { QueryRunner } from "typeorm";
import type { Dialect, QueryExecutor } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";
import type { SchemaModel } from "../model/types";
import { emptyModel } from "../model/types";
import { applyOperation, describeOperation, type Operation } from "../ops";
import {
  planDowngrade,
  planUpgrade,
  sameHeads,
  type Direction,
  type Plan,
  type PlanStep,
  type RevisionGraph,
} from "../revision";
import { MigrationError, messageOf } from "../util/errors";
import { createOpApi } from "./op-api";
import type { MigrationModule } from "./migration-module";
import { databaseMessage } from "./database-message";
import { executorFor } from "./query-executor";
import { sessionBehaviours, type LockOptions, type SessionBehaviour } from "./session";
import {
  ensureVersionTable,
  readVersions,
  updateVersionStatements,
  type VersionTable,
} from "./version-table";

/** Where the runner reports progress: one line per migration applied. */
export interface RunReporter {
  info(line: string): void;
  warn(line: string): void;
}

export type TransactionMode = "each" | "all";

/** Everything a run needs; the command layer builds it. */
export interface RunContext {
  /** A connected QueryRunner: every statement of the run goes through its one connection. */
  readonly queryRunner: QueryRunner;
  readonly dialect: Dialect;
  readonly versionTable: string;
  readonly graph: RevisionGraph;
  /** Loads (transpiles and evaluates) the migration module of a revision. */
  readonly loadMigration: (revision: string) => Promise<MigrationModule>;
  /** Tables introspection leaves out when a dialect needs the live model (SQLite rebuilds). */
  readonly excludeTables: readonly string[];
  readonly reporter: RunReporter;
  readonly transactionMode: TransactionMode;
  readonly lockTimeoutMs: number;
}

/** One migration the run applied. */
export interface AppliedStep {
  readonly revision: string;
  readonly direction: Direction;
  readonly durationMs: number;
}

/** What one run shares between its transactions. */
interface Run {
  readonly ctx: RunContext;
  readonly executor: QueryExecutor;
  readonly behaviour: SessionBehaviour;
  readonly table: VersionTable;
  readonly lock: LockOptions;
}

/**
 * Upgrades or downgrades to `target` (`head`, `+1`, `-1`, `base`, an id or prefix).
 *
 * Never half-applied: each migration runs in one transaction with its version-table change
 * (`transactionMode: "all"`: the whole run in one), so a failure rolls back to the revision
 * the version table records. The run holds the dialect's lock (PostgreSQL: a session advisory
 * lock for the whole run; SQLite: the write lock, per transaction) and re-reads the version
 * table inside every transaction, so concurrent runs apply each migration exactly once.
 * @throws MigrationError naming the revision, its file, the operation and the SQL that failed;
 *   LockTimeoutError; RevisionError for targets the graph cannot reach.
 */
export async function runMigrations(ctx: RunContext, direction: Direction, target: string): Promise<AppliedStep[]> {
  const executor = executorFor(ctx.queryRunner);
  const behaviour = sessionBehaviours[ctx.dialect.name];
  const table: VersionTable = { name: ctx.versionTable, dialect: ctx.dialect };
  let announced = false;
  const lock: LockOptions = {
    timeoutMs: ctx.lockTimeoutMs,
    onWait: (line) => {
      // Once per run, however many transactions wait.
      if (!announced) ctx.reporter.info(line);
      announced = true;
    },
  };
  const release = await behaviour.acquireLock(executor, `retort:${ctx.versionTable}`, lock);
  let applied: AppliedStep[];
  try {
    const run: Run = { ctx, executor, behaviour, table, lock };
    // Created under the run lock and in a transaction of its own: on SQLite that is where the
    // write lock is waited for (and reported) like any migration's.
    await ensureVersionTable(executor, table, (create) =>
      inTransaction(run, async () => ({ commit: true, value: await create() })),
    );
    const first = makePlan(ctx.graph, direction, await readVersions(executor, table), target);
    // Load (transpile, evaluate) every migration of the plan before the first transaction, as
    // Alembic does: a broken file further on stops the run before it changes anything, and no
    // transaction stays open while a file is transpiled.
    for (const step of first.steps) await ctx.loadMigration(step.revision);
    applied = ctx.transactionMode === "all" ? await runAllInOne(run, first) : await runEach(run, first);
  } catch (error) {
    // The error that got us here matters more than a failed unlock (the connection may be gone).
    await release().catch(() => undefined);
    throw error;
  }
  await release();
  return applied;
}

function makePlan(graph: RevisionGraph, direction: Direction, current: readonly string[], target: string): Plan {
  return direction === "up" ? planUpgrade(graph, current, target) : planDowngrade(graph, current, target);
}

/** Plans from `current` to exactly `heads` (used when another run moved the database meanwhile). */
function replan(graph: RevisionGraph, direction: Direction, current: readonly string[], heads: readonly string[]): Plan {
  const steps: PlanStep[] = [];
  let at: readonly string[] = current;
  for (const head of heads.length === 0 ? ["base"] : heads) {
    const part = makePlan(graph, direction, at, head);
    steps.push(...part.steps);
    at = part.to;
  }
  return { direction, from: [...current].sort(), to: at, steps };
}

function headsBefore(plan: Plan, index: number): readonly string[] {
  return index === 0 ? plan.from : (plan.steps[index - 1] as PlanStep).headsAfter;
}

async function runEach(run: Run, first: Plan): Promise<AppliedStep[]> {
  const { ctx } = run;
  // Re-planning after another run moved the database must aim at the same revisions.
  const finalHeads = first.to;
  const applied: AppliedStep[] = [];
  let plan = first;
  let index = 0;
  while (index < plan.steps.length) {
    const step = plan.steps[index] as PlanStep;
    const before = headsBefore(plan, index);
    const outcome = await inTransaction<{ moved: string[] } | { durationMs: number }>(run, async () => {
      // Inside the transaction (and SQLite's write lock): what we see here no other run can change.
      const heads = await readVersions(run.executor, run.table);
      if (!sameHeads(heads, before)) return { commit: false, value: { moved: heads } };
      return { commit: true, value: { durationMs: await runStep(run, step, before) } };
    });
    if ("moved" in outcome) {
      // Another run applied migrations since we planned: start again from where it left us.
      plan = replan(ctx.graph, plan.direction, outcome.moved, finalHeads);
      index = 0;
      continue;
    }
    applied.push({ revision: step.revision, direction: step.direction, durationMs: outcome.durationMs });
    ctx.reporter.info(describeStep(ctx.graph, step, outcome.durationMs));
    index++;
  }
  return applied;
}

async function runAllInOne(run: Run, first: Plan): Promise<AppliedStep[]> {
  const { ctx } = run;
  const applied = await inTransaction(run, async () => {
    const heads = await readVersions(run.executor, run.table);
    const plan = sameHeads(heads, first.from) ? first : replan(ctx.graph, first.direction, heads, first.to);
    const done: AppliedStep[] = [];
    for (const step of plan.steps) {
      const durationMs = await runStep(run, step, plan.from);
      done.push({ revision: step.revision, direction: step.direction, durationMs });
    }
    return { commit: true, value: done };
  });
  // Only now is any of it real.
  for (const step of applied) ctx.reporter.info(describeStep(ctx.graph, step, step.durationMs));
  return applied;
}

/**
 * Runs `body` in one migration transaction: foreign keys off where the dialect needs it, the
 * dialect's BEGIN (waiting for its lock), then COMMIT or ROLLBACK as `body` says; ROLLBACK when
 * it throws. The QueryRunner is told a transaction is open, so TypeORM code a migration runs on
 * `op.queryRunner` (`manager.save`, `startTransaction`) nests as savepoints instead of sending
 * its own BEGIN/COMMIT and committing half a migration.
 */
async function inTransaction<T>(run: Run, body: () => Promise<{ commit: boolean; value: T }>): Promise<T> {
  const { executor, behaviour } = run;
  const queryRunner = run.ctx.queryRunner;
  let failure: { error: unknown } | undefined;
  let result: T | undefined;
  try {
    for (const statement of behaviour.beforeTransaction) await execute(executor, statement);
    await behaviour.beginTransaction(executor, run.lock);
    markTransaction(queryRunner, true);
    try {
      const { commit, value } = await body();
      await executor.query(commit ? "COMMIT" : "ROLLBACK");
      markTransaction(queryRunner, false);
      result = value;
    } catch (error) {
      await rollbackQuietly(executor);
      markTransaction(queryRunner, false);
      throw error;
    }
  } catch (error) {
    failure = { error };
  }
  for (const statement of behaviour.afterTransaction) {
    try {
      await execute(executor, statement);
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure !== undefined) throw failure.error;
  return result as T;
}

/** TypeORM's own view of the connection's transaction (BaseQueryRunner's public fields). */
interface TransactionFlags {
  isTransactionActive: boolean;
  transactionDepth?: number;
}

function markTransaction(queryRunner: QueryRunner, active: boolean): void {
  const flags = queryRunner as unknown as TransactionFlags;
  flags.isTransactionActive = active;
  flags.transactionDepth = active ? 1 : 0;
}

/** Whether the migration left the run's transaction as it found it (open, no savepoint pending). */
function transactionIntact(queryRunner: QueryRunner): boolean {
  const flags = queryRunner as unknown as TransactionFlags;
  return flags.isTransactionActive && (flags.transactionDepth === undefined || flags.transactionDepth === 1);
}

/**
 * Runs one migration's `up` or `down` and its version-table change, inside the open transaction.
 * `before` is where the database stays when it fails, for the message.
 */
async function runStep(run: Run, step: PlanStep, before: readonly string[]): Promise<number> {
  const { ctx, executor } = run;
  const started = performance.now();
  const node = ctx.graph.nodes.get(step.revision);
  const file = node?.path ?? step.revision;
  const verb = step.direction === "up" ? "upgrade" : "downgrade";
  const stays = `rolled back, the database stays at ${before.length === 0 ? "base" : before.join(", ")}`;
  const ours = new WeakSet<MigrationError>();
  const fail = (detail: string, cause?: unknown): MigrationError => {
    const error = new MigrationError(`${verb} ${step.revision} (${file}) failed${detail}; ${stays}`, { cause });
    ours.add(error);
    return error;
  };
  const module = await ctx.loadMigration(step.revision);
  // SQLite rebuilds need the live model. It is read (inside the transaction) the first time an
  // operation needs it, then kept up to date by applying each operation to it; raw SQL makes it
  // stale, so it is read again after that. Each migration starts afresh: its own code may have
  // changed the schema through op.queryRunner, which no model sees.
  let model: SchemaModel | undefined;
  let count = 0;
  const sink = async (op: Operation): Promise<void> => {
    const position = ++count;
    if (model === undefined && ctx.dialect.emitNeedsModel(op)) {
      model = await ctx.dialect.introspect(executor, { excludeTables: ctx.excludeTables });
    }
    const schema = model ?? emptyModel;
    for (const statement of ctx.dialect.emit(op, schema)) {
      try {
        await execute(executor, statement);
      } catch (error) {
        throw fail(` in op.${op.kind} #${position} (${describeOperation(op)}): ${databaseMessage(error)}; SQL: ${oneLine(statement.sql)}`, error);
      }
    }
    if (model !== undefined) model = op.kind === "execute" ? undefined : applyOperation(model, op);
  };
  const api = createOpApi(sink, { queryRunner: ctx.queryRunner });
  try {
    await (step.direction === "up" ? module.up(api) : module.down(api));
  } catch (error) {
    if (error instanceof MigrationError && ours.has(error)) throw error;
    // TypeORM's QueryFailedError (op.queryRunner.query) carries the statement it sent.
    const sql = (error as { query?: unknown } | null)?.query;
    throw fail(`: ${firstLine(messageOf(error))}${typeof sql === "string" ? `; SQL: ${oneLine(sql)}` : ""}`, error);
  }
  if (!transactionIntact(ctx.queryRunner)) {
    // Anything sent from here on would commit on its own: stop before the version table moves.
    throw fail(
      ": it committed, rolled back or left open a transaction of its own through op.queryRunner; retort runs each migration in one transaction with its version-table change",
    );
  }
  for (const statement of updateVersionStatements(run.table, step.removedHeads, step.addedHeads)) {
    try {
      await execute(executor, statement);
    } catch (error) {
      throw fail(` updating ${run.table.name}: ${firstLine(messageOf(error))}; SQL: ${oneLine(statement.sql)}`, error);
    }
  }
  const check = run.behaviour.integrityCheck;
  if (check !== undefined) {
    const violations = await executor.query(check.sql, check.params);
    if (violations.length > 0) {
      const v = violations[0] ?? {};
      throw fail(
        `: it leaves ${violations.length} row(s) violating foreign keys (first: table ${String(v.table)} row ${String(v.rowid)} -> ${String(v.parent)}); SQL: ${check.sql}`,
      );
    }
  }
  return Math.round(performance.now() - started);
}

/** "Running upgrade 1a2b3c4d5e6f -> 7a8b9c0d1e2f, add prompts table (12 ms)" */
export function describeStep(graph: RevisionGraph, step: Pick<PlanStep, "revision" | "direction">, durationMs: number): string {
  const node = graph.nodes.get(step.revision);
  const parents = (node?.downRevisions ?? []).join(", ");
  const [from, to] = step.direction === "up" ? [parents, step.revision] : [step.revision, parents];
  const label = step.direction === "up" ? "upgrade" : "downgrade";
  return `Running ${label} ${from || "<base>"} -> ${to || "<base>"}, ${node?.message ?? ""} (${durationMs} ms)`;
}

async function execute(executor: QueryExecutor, statement: Statement): Promise<void> {
  await executor.query(statement.sql, statement.params);
}

async function rollbackQuietly(executor: QueryExecutor): Promise<void> {
  try {
    await executor.query("ROLLBACK");
  } catch {
    // The transaction may already be gone (the connection dropped); the error that got us here matters.
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
