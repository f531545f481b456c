/**
 * Synthetic migration histories: a linear chain of `count` revisions, written once in retort's
 * format (TypeScript with a static header and `up(op)`/`down(op)`, as `revision` writes them)
 * and once as TypeORM migration classes (JavaScript, TypeORM's fastest form: no ts-node).
 * Each migration either does nothing (for `history`/`current`) or creates one small table
 * (for `upgrade head`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type ChainKind = "empty" | "create-table";

/** Revision id of chain step `step` (1-based): 12 hex digits, deterministic. */
export function chainRevisionId(step: number): string {
  return `be${step.toString(16).padStart(10, "0")}`;
}

function tableOf(step: number): string {
  return `bench_m${String(step).padStart(4, "0")}`;
}

function createdAt(step: number): string {
  return new Date(Date.UTC(2025, 0, 1) + step * 60_000).toISOString();
}

/** Retort migration `step` of the chain. */
export function renderRetortMigration(kind: ChainKind, step: number): string {
  const parent = step === 1 ? "null" : JSON.stringify(chainRevisionId(step - 1));
  const spec = `{ columns: [{ name: "id", type: "integer" }, { name: "label", type: "varchar(40)", nullable: true }], primaryKey: ["id"] }`;
  const body = (call: string): string[] => (kind === "empty" ? ["  // no changes"] : [`  await op.${call}("${tableOf(step)}", ${spec});`]);
  return [
    `import type { OpApi } from "retort";`,
    "",
    `export const revision = "${chainRevisionId(step)}";`,
    `export const downRevision = ${parent};`,
    `export const message = "step ${step}";`,
    `export const createdAt = "${createdAt(step)}";`,
    "",
    `export async function up(op: OpApi): Promise<void> {`,
    ...body("createTable"),
    "}",
    "",
    `export async function down(op: OpApi): Promise<void> {`,
    ...body("dropTable"),
    "}",
    "",
  ].join("\n");
}

/** The TypeORM migration class of chain step `step`: the same SQL the retort step sends. */
export function renderTypeormMigration(kind: ChainKind, step: number, dialect: "postgres" | "sqlite"): string {
  const timestamp = 1_700_000_000_000 + step;
  const className = `Step${String(step).padStart(4, "0")}${timestamp}`;
  const q = (name: string): string => `"${name}"`;
  const create =
    `CREATE TABLE ${q(tableOf(step))} (${q("id")} integer NOT NULL, ${q("label")} ` +
    `${dialect === "postgres" ? "character varying(40)" : "varchar(40)"}, PRIMARY KEY (${q("id")}))`;
  const up = kind === "empty" ? "" : `    await queryRunner.query(${JSON.stringify(create)});`;
  const down = kind === "empty" ? "" : `    await queryRunner.query(${JSON.stringify(`DROP TABLE ${q(tableOf(step))}`)});`;
  return [
    `"use strict";`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `class ${className} {`,
    `  constructor() { this.name = "${className}"; }`,
    `  async up(queryRunner) {`,
    up,
    `  }`,
    `  async down(queryRunner) {`,
    down,
    `  }`,
    `}`,
    `exports.${className} = ${className};`,
    "",
  ].join("\n");
}

/** Writes both forms of a `count`-step chain into `retortDir` and `typeormDir`. */
export function writeChain(kind: ChainKind, count: number, retortDir: string, typeormDir: string, dialect: "postgres" | "sqlite"): void {
  mkdirSync(retortDir, { recursive: true });
  mkdirSync(typeormDir, { recursive: true });
  for (let step = 1; step <= count; step++) {
    const stem = `${String(step).padStart(4, "0")}_${chainRevisionId(step)}_step_${step}`;
    writeFileSync(join(retortDir, `${stem}.ts`), renderRetortMigration(kind, step));
    writeFileSync(join(typeormDir, `${stem}.js`), renderTypeormMigration(kind, step, dialect));
  }
}
