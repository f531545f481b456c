/**
 * A generated migration history for runner, concurrency and crash tests: N small migration files
 * with fixed ids in a minimal temporary project, and the schema each revision describes.
 *
 * Every migration is plain data (a list of `op.<method>(...args)` calls for `up` and for `down`).
 * The same data is written into the files and replayed offline through the op API, so the
 * expected schema at revision k is `applyAll(emptyModel, ops of 1..k)`, independent of any
 * database; tests compare it with what the dialect introspects.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DataSource, type DataSourceOptions } from "typeorm";
import { createMigrationLoader } from "../../src/commands/migrations-folder";
import { dialects } from "../../src/dialects";
import type { DialectName, QueryExecutor } from "../../src/dialects/dialect";
import type { SchemaModel } from "../../src/model/types";
import { emptyModel } from "../../src/model/types";
import { sortModel } from "../../src/model/sort";
import { applyAll, type Operation } from "../../src/ops";
import { buildRevisionGraph } from "../../src/revision/graph";
import type { Direction, RevisionGraph } from "../../src/revision/types";
import { collectOperations, type OpApi } from "../../src/runtime/op-api";
import { executorFor } from "../../src/runtime/query-executor";
import { runMigrations, type AppliedStep, type TransactionMode } from "../../src/runtime/runner";
import { readVersions } from "../../src/runtime/version-table";
import { readRevisionHeaders } from "../../src/scripts/read-headers";

/** The repository root, from dist/test/helpers. */
const repoRoot = resolve(__dirname, "..", "..", "..");

/** One `op.<method>(...args)` call; args are JSON data. */
export interface OpCall {
  readonly method: keyof Omit<OpApi, "queryRunner">;
  readonly args: readonly unknown[];
}

/** One generated migration. */
export interface HistoryStep {
  readonly id: string;
  readonly parent: string | null;
  readonly message: string;
  readonly file: string;
  readonly up: readonly OpCall[];
  readonly down: readonly OpCall[];
}

/** A temporary project holding a generated history. */
export interface HistoryProject {
  readonly dir: string;
  readonly migrationsDir: string;
  readonly steps: readonly HistoryStep[];
  /** Revision ids in order: `ids[k - 1]` is the k-th migration. */
  readonly ids: readonly string[];
  remove(): void;
}

/** The fixed id of the k-th generated migration (1-based): 12 hex digits. */
export function revisionIdOf(k: number): string {
  return `5e${k.toString(16).padStart(10, "0")}`;
}

const tableOf = (k: number): string => `t${String(k).padStart(3, "0")}`;

/**
 * The calls of migration k (1-based). Kinds cycle so that a history exercises table creation,
 * added columns, data, foreign keys and column changes (SQLite rebuilds a table for those, with
 * a child table pointing at it, so foreign keys must be off around the migration).
 */
function callsOf(k: number, dialect: DialectName): { up: OpCall[]; down: OpCall[]; message: string } {
  const base = k - ((k - 1) % 5); // the migration that created this group's parent table
  const parent = tableOf(base);
  switch ((k - 1) % 5) {
    case 0: {
      const spec = {
        columns: [
          { name: "id", type: "integer" },
          { name: "label", type: "varchar(40)", nullable: true },
        ],
        // PostgreSQL names a key `<table>_pkey` by default; SQLite keys have no name in the model.
        primaryKey: dialect === "postgres" ? { name: `${parent}_pkey`, columns: ["id"] } : ["id"],
        indexes: [{ name: `ix_${parent}_label`, columns: ["label"] }],
      };
      return {
        message: `create ${parent}`,
        up: [{ method: "createTable", args: [parent, spec] }],
        down: [{ method: "dropTable", args: [parent, spec] }],
      };
    }
    case 1: {
      const column = { name: `c${k}`, type: "integer", nullable: true };
      return {
        message: `add ${parent}.c${k}`,
        up: [{ method: "addColumn", args: [parent, column] }],
        down: [{ method: "dropColumn", args: [parent, column] }],
      };
    }
    case 2: {
      const insert = `INSERT INTO "${parent}" ("id", "label") VALUES (${k}, 'row ${k}')`;
      const remove = `DELETE FROM "${parent}" WHERE "id" = ${k}`;
      return {
        message: `row in ${parent}`,
        up: [{ method: "execute", args: [insert, { reverse: remove }] }],
        down: [{ method: "execute", args: [remove, { reverse: insert }] }],
      };
    }
    case 3: {
      const child = tableOf(k);
      const spec = {
        columns: [
          { name: "id", type: "integer" },
          { name: "parent_id", type: "integer" },
        ],
        primaryKey: dialect === "postgres" ? { name: `${child}_pkey`, columns: ["id"] } : ["id"],
        foreignKeys: [
          { name: `fk_${child}_parent`, columns: ["parent_id"], references: { table: parent, columns: ["id"] } },
        ],
      };
      const insert = `INSERT INTO "${child}" ("id", "parent_id") VALUES (1, ${k - 1})`;
      return {
        message: `create ${child} -> ${parent}`,
        up: [
          { method: "createTable", args: [child, spec] },
          { method: "execute", args: [insert, { reverse: `DELETE FROM "${child}"` }] },
        ],
        down: [
          { method: "execute", args: [`DELETE FROM "${child}"`, { reverse: insert }] },
          { method: "dropTable", args: [child, spec] },
        ],
      };
    }
    default: {
      const from = { type: "varchar(40)", nullable: true };
      const to = { type: "varchar(80)", nullable: true };
      return {
        message: `widen ${parent}.label`,
        up: [{ method: "alterColumn", args: [parent, "label", { from, to }] }],
        down: [{ method: "alterColumn", args: [parent, "label", { from: to, to: from }] }],
      };
    }
  }
}

function renderCalls(calls: readonly OpCall[]): string {
  return calls.map((call) => `  await op.${call.method}(${call.args.map((a) => JSON.stringify(a)).join(", ")});`).join("\n");
}

/** The text of a migration file; `delayMs` makes `up` and `down` wait that long before their operations. */
export function renderMigration(step: HistoryStep, createdAt: string, delayMs = 0): string {
  const pause = delayMs > 0 ? [`  await new Promise((resolve) => setTimeout(resolve, ${delayMs}));`] : [];
  return [
    `import type { OpApi } from "retort";`,
    ``,
    `export const revision = ${JSON.stringify(step.id)};`,
    `export const downRevision = ${JSON.stringify(step.parent)};`,
    `export const message = ${JSON.stringify(step.message)};`,
    `export const createdAt = ${JSON.stringify(createdAt)};`,
    ``,
    `export async function up(op: OpApi): Promise<void> {`,
    ...pause,
    renderCalls(step.up),
    `}`,
    ``,
    `export async function down(op: OpApi): Promise<void> {`,
    ...pause,
    renderCalls(step.down),
    `}`,
    ``,
  ].join("\n");
}

/** The generated steps of a history of `count` migrations, without writing anything. */
export function historySteps(count: number, dialect: DialectName): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (let k = 1; k <= count; k++) {
    const id = revisionIdOf(k);
    const { up, down, message } = callsOf(k, dialect);
    const file = `2026_01_01_${String(k).padStart(4, "0")}_${id}_step_${k}.ts`;
    steps.push({ id, parent: k === 1 ? null : revisionIdOf(k - 1), message, file, up, down });
  }
  return steps;
}

/**
 * Writes a minimal project (package.json, an ormconfig.ts exporting a DataSource without entities
 * — DATABASE_URL picks the database —, node_modules linking the repository's typeorm) with a
 * linear history of `count` migrations in `migrations/`. `delayMs` makes every migration hold its
 * transaction that much longer (concurrency and crash tests want runs to overlap).
 */
export function createHistoryProject(count: number, dialect: DialectName, delayMs = 0): HistoryProject {
  const dir = mkdtempSync(join(tmpdir(), "retort-history-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "retort-history", private: true }, null, 2));
  writeFileSync(
    join(dir, "ormconfig.ts"),
    [
      `import { DataSource } from "typeorm";`,
      ``,
      `export default new DataSource({ type: "better-sqlite3", database: "data/app.sqlite", entities: [] });`,
      ``,
    ].join("\n"),
  );
  mkdirSync(join(dir, "node_modules"));
  for (const pkg of ["typeorm", "reflect-metadata"]) {
    symlinkSync(join(repoRoot, "node_modules", pkg), join(dir, "node_modules", pkg), "dir");
  }
  const migrationsDir = join(dir, "migrations");
  mkdirSync(migrationsDir);
  const steps = historySteps(count, dialect);
  steps.forEach((step, i) => {
    const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
    writeFileSync(join(migrationsDir, step.file), renderMigration(step, createdAt, delayMs));
  });
  return {
    dir,
    migrationsDir,
    steps,
    ids: steps.map((step) => step.id),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function operationsOf(calls: readonly OpCall[]): Promise<Operation[]> {
  return collectOperations(async (op) => {
    for (const call of calls) {
      const method = op[call.method] as (...args: readonly unknown[]) => Promise<void>;
      await method(...call.args);
    }
  });
}

/**
 * The schema once the first `k` migrations have run (k = 0: nothing), computed offline by
 * replaying their `up` calls through the op API and applying the operations to the empty model.
 */
export async function expectedSchemaAt(steps: readonly HistoryStep[], k: number): Promise<SchemaModel> {
  const ops: Operation[] = [];
  for (const step of steps.slice(0, k)) ops.push(...(await operationsOf(step.up)));
  return sortModel(applyAll(emptyModel, ops));
}

/** How many migrations the version table rows `heads` say are applied (a linear history). */
export function appliedCount(project: Pick<HistoryProject, "ids">, heads: readonly string[]): number {
  if (heads.length === 0) return 0;
  if (heads.length > 1) throw new Error(`a linear history has one head, the version table holds ${heads.join(", ")}`);
  const index = project.ids.indexOf(heads[0] as string);
  if (index < 0) throw new Error(`the version table holds an unknown revision ${String(heads[0])}`);
  return index + 1;
}

/** A DataSource without entities on the test database (PostgreSQL URL or SQLite file). */
export async function openTestDataSource(dialect: DialectName, url: string): Promise<DataSource> {
  const options: DataSourceOptions =
    dialect === "postgres" ? { type: "postgres", url, entities: [] } : { type: "better-sqlite3", database: url, entities: [] };
  return new DataSource(options).initialize();
}

/** The revision graph of a project's migrations folder, read as the commands read it. */
export async function readProjectGraph(project: Pick<HistoryProject, "migrationsDir">): Promise<RevisionGraph> {
  return buildRevisionGraph(await readRevisionHeaders(project.migrationsDir));
}

/** What a direct run printed, and what it applied. */
export interface DirectRun {
  readonly applied: AppliedStep[];
  readonly lines: string[];
}

/** Options of {@link migrateDirect}. */
export interface DirectRunOptions {
  readonly transactionMode?: TransactionMode;
  readonly lockTimeoutMs?: number;
  /** Also receives every reported line as it comes (the result has them only on success). */
  readonly onLine?: (line: string) => void;
}

/**
 * Runs `runMigrations` in this process on its own QueryRunner of `dataSource`, loading the
 * project's migration files the way the CLI does.
 */
export async function migrateDirect(
  project: Pick<HistoryProject, "dir" | "migrationsDir">,
  dataSource: DataSource,
  direction: Direction,
  target: string,
  options: DirectRunOptions = {},
): Promise<DirectRun> {
  const graph = await readProjectGraph(project);
  const dialect = dialects[dataSource.options.type === "postgres" ? "postgres" : "sqlite"];
  const lines: string[] = [];
  const report = (line: string): void => {
    lines.push(line);
    options.onLine?.(line);
  };
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    const applied = await runMigrations(
      {
        queryRunner,
        dialect,
        versionTable: VERSION_TABLE,
        graph,
        loadMigration: createMigrationLoader(graph, project.dir),
        excludeTables: [VERSION_TABLE],
        reporter: { info: report, warn: report },
        transactionMode: options.transactionMode ?? "each",
        lockTimeoutMs: options.lockTimeoutMs ?? 30_000,
      },
      direction,
      target,
    );
    return { applied, lines };
  } finally {
    await queryRunner.release();
  }
}

/** The version table the tests use (retort's default). */
export const VERSION_TABLE = "retort_version";

/** The version table rows and the live schema (without the version table), sorted. */
export interface DatabaseState {
  readonly heads: string[];
  readonly schema: SchemaModel;
}

/** Reads the database's state through any executor (a DataSource, a QueryRunner). */
export async function readDatabaseState(dialect: DialectName, executor: QueryExecutor): Promise<DatabaseState> {
  const table = { name: VERSION_TABLE, dialect: dialects[dialect] };
  const heads = await readVersions(executor, table);
  const schema = sortModel(await dialects[dialect].introspect(executor, { excludeTables: [VERSION_TABLE] }));
  return { heads, schema };
}

/** Reads the state over a DataSource. */
export function readDataSourceState(dialect: DialectName, dataSource: DataSource): Promise<DatabaseState> {
  return readDatabaseState(dialect, executorFor(dataSource));
}

/** A hand-written migration added to a project after its generated history. */
export interface RawMigration {
  readonly id: string;
  readonly parent: string | null;
  readonly message: string;
  /** The body of `up(op)` (TypeScript statements). */
  readonly up: string;
  readonly down?: string;
}

/** Writes a hand-written migration (sorted after the generated ones) and returns its path. */
export function addRawMigration(project: Pick<HistoryProject, "migrationsDir">, migration: RawMigration): string {
  const file = join(project.migrationsDir, `2026_09_09_${migration.id}_raw.ts`);
  const text = [
    `import type { OpApi } from "retort";`,
    `export const revision = ${JSON.stringify(migration.id)};`,
    `export const downRevision = ${JSON.stringify(migration.parent)};`,
    `export const message = ${JSON.stringify(migration.message)};`,
    `export const createdAt = "2026-09-09T00:00:00.000Z";`,
    `export async function up(op: OpApi): Promise<void> {`,
    migration.up,
    `}`,
    `export async function down(op: OpApi): Promise<void> {`,
    migration.down ?? "",
    `}`,
    ``,
  ].join("\n");
  writeFileSync(file, text);
  return file;
}

/** A CLI process started by {@link startCli}. */
export interface RunningCli {
  readonly child: ChildProcess;
  /** Every line printed so far, stdout and stderr interleaved as they arrived. */
  readonly lines: string[];
  /** Resolves true when a printed line matches, false when the process ends first. */
  waitForLine(matches: (line: string) => boolean): Promise<boolean>;
  /** The exit: a code, or the signal that ended it. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/retort.js ...args` in `cwd` without waiting for it; DATABASE_URL only from `env`. */
export function startCli(args: readonly string[], cwd: string, env: Record<string, string>): RunningCli {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.NODE_OPTIONS;
  const child = spawn(process.execPath, [join(repoRoot, "bin", "retort.js"), ...args], {
    cwd,
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const watchers = new Set<() => void>();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on("close", (code, signal) => {
      for (const watcher of watchers) watcher();
      done({ code, signal });
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      lines.push(...parts);
      if (parts.length > 0) for (const watcher of watchers) watcher();
    });
  }
  let ended = false;
  void exit.then(() => (ended = true));
  const waitForLine = (matches: (line: string) => boolean): Promise<boolean> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (lines.some(matches)) resolve(true);
        else if (ended || child.exitCode !== null || child.signalCode !== null) resolve(false);
        else return;
        watchers.delete(check);
      };
      watchers.add(check);
      check();
    });
  return { child, lines, waitForLine, exit };
}

/** DATABASE_URL for a test database of a dialect. */
export function databaseUrlOf(dialect: DialectName, url: string): string {
  return dialect === "postgres" ? url : `sqlite://${url}`;
}
