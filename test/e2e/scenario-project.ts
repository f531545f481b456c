/**
 * One scenario's surroundings: a copy of test/fixtures-projects/scenario-app, the database the
 * CLI migrates, and a reference database where TypeORM's `synchronize()` builds the same
 * entities for comparison. Every CLI call runs the built `bin/retort.js` as a child process.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SchemaModel } from "../../src/model/types";
import { spawnSync } from "node:child_process";
import { copyProject, repoRoot, runCli } from "./project";
import type { CliResult, TempProject } from "./project";
import { createScenarioDatabase } from "./scenario-database";
import type { ScenarioDatabase, ScenarioDialect } from "./scenario-database";

/** Entity source files by file name (without folder), e.g. `{ "author.ts": "..." }`. */
export type EntityFiles = Readonly<Record<string, string>>;

/** A scenario's project and databases; `close()` removes them. */
export interface ScenarioProject {
  readonly dialect: ScenarioDialect;
  readonly dir: string;
  /** The database the CLI migrates (DATABASE_URL of every `cli` call). */
  readonly database: ScenarioDatabase;
  /** A second database: `inspectSynchronized` empties and fills it; tests may use it in between. */
  readonly reference: ScenarioDatabase;
  /** Runs `retort ...args` against `database` (or against `url` when given). */
  cli(args: readonly string[], url?: string): CliResult;
  /** Like `cli`, and asserts exit code 0 and an empty stderr. */
  cliOk(args: readonly string[], url?: string): CliResult;
  /** `inspect --json` of `database` (or of `url`). */
  inspect(url?: string): SchemaModel;
  /** The model of a fresh database where TypeORM's `synchronize()` ran on the current entities. */
  inspectSynchronized(): Promise<SchemaModel>;
  /** Replaces every entity file with `files` and lists their exported classes in entities/index.ts. */
  writeEntities(files: EntityFiles): void;
  /** The path of the migration file with revision id `id` (found by name, `*_<id>[_slug].ts`). */
  migrationPath(id: string): string;
  /** The migration files' names, sorted. */
  migrationFiles(): string[];
  close(): Promise<void>;
}

/** Copies the template project and creates both databases. */
export async function openScenarioProject(dialect: ScenarioDialect, name: string): Promise<ScenarioProject> {
  const copy: TempProject = copyProject("scenario-app");
  const database = await createScenarioDatabase(dialect, `e2e_${name}`);
  const reference = await createScenarioDatabase(dialect, `e2e_${name}_ref`);
  const cli = (args: readonly string[], url = database.url): CliResult => {
    const started = performance.now();
    const result = runCli(args, copy.dir, { DATABASE_URL: url });
    // RETORT_E2E_TRACE=1 shows where a slow scenario spends its time.
    if (process.env.RETORT_E2E_TRACE === "1") {
      process.stderr.write(`# ${Math.round(performance.now() - started)} ms: retort ${args.join(" ")} -> ${result.code}\n`);
    }
    return result;
  };
  const cliOk = (args: readonly string[], url?: string): CliResult => {
    const result = cli(args, url);
    assert.equal(result.code, 0, `retort ${args.join(" ")} exited ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
    assert.equal(result.stderr, "", `retort ${args.join(" ")} wrote to stderr`);
    return result;
  };
  const inspect = (url?: string): SchemaModel => JSON.parse(cliOk(["inspect", "--json"], url).stdout) as SchemaModel;
  const migrationsDir = join(copy.dir, "migrations");
  // Git keeps no empty folder, so the template cannot carry it; `retort init` would make it.
  mkdirSync(migrationsDir);
  const migrationFiles = (): string[] => {
    try {
      return readdirSync(migrationsDir).filter((file) => file.endsWith(".ts")).sort();
    } catch {
      return [];
    }
  };
  return {
    dialect,
    dir: copy.dir,
    database,
    reference,
    cli,
    cliOk,
    inspect,
    inspectSynchronized: async () => {
      await reference.empty();
      return synchronizeAndInspect(copy.dir, reference.url);
    },
    writeEntities: (files) => writeEntityFiles(join(copy.dir, "entities"), files),
    migrationPath: (id) => {
      const matches = migrationFiles().filter((file) => new RegExp(`(^|_)${id}(_|\\.ts$)`).test(file));
      assert.equal(matches.length, 1, `one migration file for ${id} expected in ${migrationFiles().join(", ")}`);
      return join(migrationsDir, matches[0]!);
    },
    migrationFiles,
    close: async () => {
      await database.drop();
      await reference.drop();
      copy.remove();
    },
  };
}

/**
 * In one child process (half the start-up cost of two): TypeORM's `synchronize()` on the
 * project's DataSource pointed at `url`, then retort's own `inspect --json` command, in-process,
 * on the same database.
 */
function synchronizeAndInspect(cwd: string, url: string): SchemaModel {
  const dist = (path: string): string => JSON.stringify(join(repoRoot, "dist", "src", path));
  const script = `
    const { loadDataSource } = require(${dist("config/load-datasource.js")});
    const { SecretSet } = require(${dist("config/secrets.js")});
    const { readPackageConfig, resolveOptions } = require(${dist("config/options.js")});
    const { inspect } = require(${dist("commands/inspect.js")});
    const { createRecordingReporter } = require(${dist("commands/reporter.js")});
    (async () => {
      const cwd = process.cwd();
      const loaded = await loadDataSource({ file: "ormconfig.ts", env: process.env, cwd, secrets: new SecretSet() });
      const dataSource = await loaded.dataSource.initialize();
      await dataSource.synchronize();
      await dataSource.destroy();
      const reporter = createRecordingReporter();
      const options = { ...resolveOptions({}, readPackageConfig(cwd), cwd), entities: false, json: true };
      await inspect(options, { cwd, env: process.env, reporter, secrets: new SecretSet() });
      process.stdout.write(JSON.stringify(reporter.values[0]));
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ["-e", script], { cwd, env, encoding: "utf8" });
  assert.equal(result.status, 0, `synchronize() and inspect failed in ${cwd}: ${result.stderr}`);
  return JSON.parse(result.stdout) as SchemaModel;
}

function writeEntityFiles(folder: string, files: EntityFiles): void {
  for (const file of readdirSync(folder)) rmSync(join(folder, file));
  const classes: { name: string; module: string }[] = [];
  for (const [file, source] of Object.entries(files)) {
    writeFileSync(join(folder, file), source);
    for (const match of source.matchAll(/^export class (\w+)/gm)) {
      classes.push({ name: match[1]!, module: `./${file.replace(/\.ts$/, "")}` });
    }
  }
  const index = [
    ...classes.map(({ name, module }) => `import { ${name} } from ${JSON.stringify(module)};`),
    "",
    `export const entities: Function[] = [${classes.map(({ name }) => name).join(", ")}];`,
    "",
  ];
  writeFileSync(join(folder, "index.ts"), index.join("\n"));
}

/** The text of a migration file with its `createdAt` line (which holds the clock) fixed. */
export function readMigrationText(path: string): string {
  return normaliseCreatedAt(readFileSync(path, "utf8"));
}

/** The one value `createdAt` has in golden files. */
export const goldenCreatedAt = "2000-01-01T00:00:00.000Z";

/** Replaces the value of the `export const createdAt = "...";` line, and nothing else. */
export function normaliseCreatedAt(text: string): string {
  const pattern = /^export const createdAt = "[^"]*";$/m;
  assert.match(text, pattern, "the migration declares createdAt");
  return text.replace(pattern, `export const createdAt = "${goldenCreatedAt}";`);
}
