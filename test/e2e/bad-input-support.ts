/**
 * Shared steps of the bad-input catalogue (bad-input-*.test.ts): a copy of cjs-app pointed at a
 * fresh database of either dialect, a snapshot of that database read directly (not through
 * retort), and the one assertion every case makes: the exit code, exactly one stderr line equal
 * to the expected message, no stack, nothing on stdout, and the database unchanged.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after } from "node:test";
import { copyProject, linesOf, runCli } from "./project";
import type { CliResult, TempProject } from "./project";
import { createScenarioDatabase, quoteName } from "./scenario-database";
import type { Row, ScenarioDatabase, ScenarioDialect } from "./scenario-database";

export type { ScenarioDialect } from "./scenario-database";

const opened: { copy: TempProject; database: ScenarioDatabase }[] = [];
after(async () => {
  for (const { copy, database } of opened) {
    await database.drop();
    copy.remove();
  }
});

/** A project under test: its folder, database and CLI. */
export interface BadProject {
  readonly dialect: ScenarioDialect;
  readonly dir: string;
  readonly database: ScenarioDatabase;
  /** DATABASE_URL pointing at `database`. */
  readonly env: Readonly<Record<string, string>>;
  /** Runs the built CLI in `dir` against `database` (or with `env` replaced when given). */
  cli(args: readonly string[], env?: Readonly<Record<string, string>>): CliResult;
  /** Runs the CLI and asserts exit 0; returns stdout's lines. */
  ok(...args: string[]): string[];
}

/**
 * Copies test/fixtures-projects/`fixture` with an empty migrations folder, and creates a fresh
 * database of `dialect` that DATABASE_URL points at; both are removed after the test file.
 */
export async function openBadProject(dialect: ScenarioDialect, fixture = "cjs-app"): Promise<BadProject> {
  const copy = copyProject(fixture);
  const database = await createScenarioDatabase(dialect, "e2e_bad_input");
  opened.push({ copy, database });
  mkdirSync(join(copy.dir, "migrations"));
  const env = { DATABASE_URL: database.url };
  const cli = (args: readonly string[], given: Readonly<Record<string, string>> = env): CliResult => runCli(args, copy.dir, { ...given });
  return {
    dialect,
    dir: copy.dir,
    database,
    env,
    cli,
    ok: (...args) => {
      const result = cli(args);
      assert.equal(result.code, 0, `retort ${args.join(" ")}: exit 0 expected; stderr: ${result.stderr}; stdout: ${result.stdout}`);
      return linesOf(result.stdout);
    },
  };
}

/** The schema and version rows of a database, as comparable data. */
export type DatabaseSnapshot = readonly Row[][];

// One query per catalog: tables and views, columns, indexes, constraints, enum labels.
const postgresCatalog = [
  `SELECT table_schema, table_name, table_type FROM information_schema.tables
   WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  `SELECT table_schema, table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
   WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, ordinal_position`,
  `SELECT schemaname, indexname, indexdef FROM pg_indexes
   WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  `SELECT conrelid::regclass::text AS rel, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
   WHERE connamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace) ORDER BY 1, 2`,
  `SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, e.enumsortorder`,
];

/**
 * Everything a failed command must leave as it was: the catalog (SQLite: sqlite_master;
 * PostgreSQL: tables, columns, indexes, constraints, enums) and every row of the version table.
 * A SQLite file that does not exist stays unopened (opening it would create it).
 */
export async function snapshotDatabase(database: ScenarioDatabase, versionTable = "retort_version"): Promise<DatabaseSnapshot> {
  let catalog: Row[][];
  let hasVersionTable: boolean;
  if (database.dialect === "sqlite") {
    const file = database.url.replace(/^sqlite:\/\//, "");
    if (!existsSync(file)) return [[{ file: "absent" }]];
    catalog = [await database.query("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")];
    hasVersionTable = catalog[0]!.some((row) => row.type === "table" && row.name === versionTable);
  } else {
    catalog = [];
    for (const sql of postgresCatalog) catalog.push(await database.query(sql));
    hasVersionTable = catalog[0]!.some((row) => row.table_schema === "public" && row.table_name === versionTable);
  }
  const versions = hasVersionTable ? await database.query(`SELECT * FROM ${quoteName(versionTable)} ORDER BY 1`) : [];
  return [...catalog, versions];
}

/** What a failing command must print and how it must exit. */
export interface ExpectedFailure {
  readonly code: number;
  /** The whole stderr line. */
  readonly message: string;
  /** Warning lines printed on stderr before the message; none unless given. */
  readonly warnings?: readonly string[];
  /** Standard output; empty unless given. */
  readonly stdout?: readonly string[];
  /** Environment instead of the project's DATABASE_URL. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `retort ...args`, asserts the failure (exit code, exactly one stderr line equal to the
 * message after the expected warnings, no stack frame, the expected stdout) and that the database
 * is unchanged.
 */
export async function expectFailure(project: BadProject, args: readonly string[], expected: ExpectedFailure): Promise<CliResult> {
  const before = await snapshotDatabase(project.database);
  const result = project.cli(args, expected.env);
  const what = `retort ${args.join(" ")}`;
  assert.equal(result.code, expected.code, `${what}: exit ${expected.code} expected; stderr: ${result.stderr}; stdout: ${result.stdout}`);
  assert.deepEqual(linesOf(result.stderr), [...(expected.warnings ?? []), expected.message], `${what}: stderr`);
  assert.doesNotMatch(result.stderr, /^\s+at /m, `${what}: no stack without --verbose`);
  assert.deepEqual(linesOf(result.stdout), expected.stdout ?? [], `${what}: stdout`);
  assert.deepEqual(await snapshotDatabase(project.database), before, `${what}: the database is unchanged`);
  return result;
}

/** The migration file names, sorted. */
export function listMigrations(project: BadProject): string[] {
  return readdirSync(join(project.dir, "migrations")).sort();
}

/** The name of the migration file of revision `id` (`<date>_<time>_<id>_<slug>.ts`). */
export function migrationFileOf(project: BadProject, id: string): string {
  const name = listMigrations(project).find((file) => file.includes(`_${id}_`) || file.endsWith(`_${id}.ts`));
  assert.ok(name, `a migration file for ${id}`);
  return name;
}

/**
 * Rewrites the migration of revision `id` with `edit` (which must change it) and returns a
 * function that puts the original text back.
 */
export function editMigration(project: BadProject, id: string, edit: (text: string) => string): () => void {
  const path = join(project.dir, "migrations", migrationFileOf(project, id));
  const original = readFileSync(path, "utf8");
  const edited = edit(original);
  assert.notEqual(edited, original, `the edit of ${id} changed nothing`);
  writeFileSync(path, edited);
  return () => writeFileSync(path, original);
}

/** Writes a project file (relative path) and returns a function that restores the old text. */
export function replaceFile(project: BadProject, file: string, text: string): () => void {
  const path = join(project.dir, file);
  const original = readFileSync(path, "utf8");
  writeFileSync(path, text);
  return () => writeFileSync(path, original);
}
