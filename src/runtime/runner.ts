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
import { executorFor } from "./query-executor";
import { sessionBehaviours, type SessionBehaviour } from "./session";
import { createVersionTableStatement, readVersions, updateVersionStatements, type VersionTable } from "./version-table";

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

/** Upgrades or downgrades to `target` (`head`, `+1`, `-1`, `base`, an id or prefix). */
export async function runMigrations(ctx: RunContext, direction: Direction, target: string): Promise<AppliedStep[]> {
  const executor = executorFor(ctx.queryRunner);
  const behaviour = sessionBehaviours[ctx.dialect.name];
  const table: VersionTable = { name: ctx.versionTable, dialect: ctx.dialect };
  const release = await behaviour.acquireLock(executor, `retort:${ctx.versionTable}`, {
    timeoutMs: ctx.lockTimeoutMs,
    onWait: (line) => ctx.reporter.info(line),
  });
  try {
    await run(executor, createVersionTableStatement(table));
    const first = makePlan(ctx.graph, direction, await readVersions(executor, table), target);
    // Re-planning after another run moved the database must aim at the same revisions.
    const finalHeads = first.to;
    return ctx.transactionMode === "all"
      ? await runAllInOne(ctx, executor, behaviour, table, first)
      : await runEach(ctx, executor, behaviour, table, first, finalHeads);
  } finally {
    await release();
  }
}

function makePlan(graph: RevisionGraph, direction: Direction, current: readonly string[], target: string): Plan {
  return direction === "up" ? planUpgrade(graph, current, target) : planDowngrade(graph, current, target);
}

/** Plans from `current` to exactly `heads` (used when another run moved the database meanwhile). */
function replan(graph: RevisionGraph, direction: Direction, current: readonly string[], heads: readonly string[]): Plan {
  if (heads.length === 0) return makePlan(graph, direction, current, "base");
  let plan = makePlan(graph, direction, current, heads[0] ?? "base");
  for (const head of heads.slice(1)) plan = makePlan(graph, direction, plan.to, head);
  return plan;
}

async function runEach(
  ctx: RunContext,
  executor: QueryExecutor,
  behaviour: SessionBehaviour,
  table: VersionTable,
  first: Plan,
  finalHeads: readonly string[],
): Promise<AppliedStep[]> {
  const applied: AppliedStep[] = [];
  let plan = first;
  let index = 0;
  while (index < plan.steps.length) {
    const step = plan.steps[index] as PlanStep;
    const before = index === 0 ? plan.from : (plan.steps[index - 1] as PlanStep).headsAfter;
    for (const statement of behaviour.beforeTransaction) await run(executor, statement);
    await run(executor, { sql: behaviour.begin });
    let committed = false;
    try {
      const heads = await readVersions(executor, table);
      if (!sameHeads(heads, before)) {
        // Another run applied migrations since we planned: start again from where it left us.
        await run(executor, { sql: "ROLLBACK" });
        committed = true;
        plan = replan(ctx.graph, plan.direction, heads, finalHeads);
        index = 0;
        continue;
      }
      const durationMs = await runStep(ctx, executor, behaviour, table, step);
      await run(executor, { sql: "COMMIT" });
      committed = true;
      applied.push({ revision: step.revision, direction: step.direction, durationMs });
      ctx.reporter.info(describeStep(ctx.graph, step, durationMs));
      index++;
    } finally {
      if (!committed) await rollbackQuietly(executor);
      for (const statement of behaviour.afterTransaction) await run(executor, statement);
    }
  }
  return applied;
}

async function runAllInOne(
  ctx: RunContext,
  executor: QueryExecutor,
  behaviour: SessionBehaviour,
  table: VersionTable,
  plan: Plan,
): Promise<AppliedStep[]> {
  const applied: AppliedStep[] = [];
  const lines: string[] = [];
  for (const statement of behaviour.beforeTransaction) await run(executor, statement);
  await run(executor, { sql: behaviour.begin });
  let committed = false;
  try {
    const heads = await readVersions(executor, table);
    const current = sameHeads(heads, plan.from) ? plan : makePlan(ctx.graph, plan.direction, heads, plan.to[0] ?? "base");
    for (const step of current.steps) {
      const durationMs = await runStep(ctx, executor, behaviour, table, step);
      applied.push({ revision: step.revision, direction: step.direction, durationMs });
      lines.push(describeStep(ctx.graph, step, durationMs));
    }
    await run(executor, { sql: "COMMIT" });
    committed = true;
  } finally {
    if (!committed) await rollbackQuietly(executor);
    for (const statement of behaviour.afterTransaction) await run(executor, statement);
  }
  for (const line of lines) ctx.reporter.info(line);
  return applied;
}

/** Runs one migration's `up` or `down` and its version-table change, inside the open transaction. */
async function runStep(
  ctx: RunContext,
  executor: QueryExecutor,
  behaviour: SessionBehaviour,
  table: VersionTable,
  step: PlanStep,
): Promise<number> {
  const started = performance.now();
  const node = ctx.graph.nodes.get(step.revision);
  const file = node?.path ?? step.revision;
  const module = await ctx.loadMigration(step.revision);
  // SQLite rebuilds need the live model; it is read lazily, once per migration, then kept up
  // to date by applying each operation to it (raw SQL makes it stale, so it is read again).
  let model: SchemaModel | undefined;
  const sink = async (op: Operation): Promise<void> => {
    let before: SchemaModel = emptyModel;
    if (ctx.dialect.capabilities.rebuildsTables) {
      model ??= await ctx.dialect.introspect(executor, { excludeTables: ctx.excludeTables });
      before = model;
    }
    const statements = ctx.dialect.emit(op, before);
    for (const statement of statements) {
      try {
        await run(executor, statement);
      } catch (error) {
        throw new MigrationError(
          `${step.direction === "up" ? "upgrade" : "downgrade"} ${step.revision} (${file}) failed in ${describeOperation(op)}: ${firstLine(messageOf(error))}; SQL: ${oneLine(statement.sql)}`,
          { cause: error },
        );
      }
    }
    if (model !== undefined) model = op.kind === "execute" ? undefined : applyOperation(model, op);
  };
  const api = createOpApi(sink, { queryRunner: ctx.queryRunner });
  try {
    await (step.direction === "up" ? module.up(api) : module.down(api));
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(
      `${step.direction === "up" ? "upgrade" : "downgrade"} ${step.revision} (${file}) failed: ${firstLine(messageOf(error))}`,
      { cause: error },
    );
  }
  for (const statement of updateVersionStatements(table, step.removedHeads, step.addedHeads)) {
    await run(executor, statement);
  }
  if (behaviour.integrityCheck !== undefined) {
    const violations = await executor.query(behaviour.integrityCheck.sql);
    if (violations.length > 0) {
      const v = violations[0] ?? {};
      throw new MigrationError(
        `${step.revision} (${file}) leaves ${violations.length} row(s) violating foreign keys (first: table ${String(v.table)} row ${String(v.rowid)} -> ${String(v.parent)}); rolled back`,
      );
    }
  }
  return Math.round(performance.now() - started);
}

/** "Running upgrade 1a2b3c4d5e6f -> 7a8b9c0d1e2f, add prompts table (12 ms)" */
export function describeStep(graph: RevisionGraph, step: PlanStep, durationMs: number): string {
  const node = graph.nodes.get(step.revision);
  const parents = (node?.downRevisions ?? []).join(", ");
  const [from, to] = step.direction === "up" ? [parents, step.revision] : [step.revision, parents];
  const label = step.direction === "up" ? "upgrade" : "downgrade";
  return `Running ${label} ${from || "<base>"} -> ${to || "<base>"}, ${node?.message ?? ""} (${durationMs} ms)`;
}

async function run(executor: QueryExecutor, statement: Statement): Promise<void> {
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
