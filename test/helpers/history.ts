/**
 * A generated migration history for runner, concurrency and crash tests: N small migration files
 * with fixed ids in a minimal temporary project, and the schema each revision describes.
 *
 * Every migration is plain data (a list of `op.<method>(...args)` calls for `up` and for `down`).
 * The same data is written into the files and replayed offline through the op API, so the
 * expected schema at revision k is `applyAll(emptyModel, ops of 1..k)`, independent of any
 * database; tests compare it with what the dialect introspects.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { DialectName } from "../../src/dialects/dialect";
import type { SchemaModel } from "../../src/model/types";
import { emptyModel } from "../../src/model/types";
import { sortModel } from "../../src/model/sort";
import { applyAll, type Operation } from "../../src/ops";
import { collectOperations, type OpApi } from "../../src/runtime/op-api";

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

/** The text of a migration file. */
export function renderMigration(step: HistoryStep, createdAt: string): string {
  return [
    `import type { OpApi } from "retort";`,
    ``,
    `export const revision = ${JSON.stringify(step.id)};`,
    `export const downRevision = ${JSON.stringify(step.parent)};`,
    `export const message = ${JSON.stringify(step.message)};`,
    `export const createdAt = ${JSON.stringify(createdAt)};`,
    ``,
    `export async function up(op: OpApi): Promise<void> {`,
    renderCalls(step.up),
    `}`,
    ``,
    `export async function down(op: OpApi): Promise<void> {`,
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
 * linear history of `count` migrations in `migrations/`.
 */
export function createHistoryProject(count: number, dialect: DialectName): HistoryProject {
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
    writeFileSync(join(migrationsDir, step.file), renderMigration(step, createdAt));
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
