/**
 * Helpers for end-to-end tests: copy a fixture project (test/fixtures-projects/<name>) to a
 * temporary directory with a node_modules that links the repository's typeorm, run the built
 * CLI in it as a child process, and synchronize its entities into a database.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root, from dist/test/e2e. */
export const repoRoot = resolve(__dirname, "..", "..", "..");
const cliPath = join(repoRoot, "bin", "retort.js");

/** A copy of a fixture project in a temporary directory. */
export interface TempProject {
  readonly dir: string;
  remove(): void;
}

/**
 * Copies test/fixtures-projects/<name> to a fresh temporary directory. Its node_modules links
 * `typeorm` and `reflect-metadata` from the repository (the drivers resolve from typeorm's real
 * path), so the project's transpile cache stays inside the temporary directory.
 */
export function copyProject(name: string): TempProject {
  const dir = mkdtempSync(join(tmpdir(), `retort-e2e-${name}-`));
  cpSync(join(repoRoot, "test", "fixtures-projects", name), dir, { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const pkg of ["typeorm", "reflect-metadata"]) {
    symlinkSync(join(repoRoot, "node_modules", pkg), join(dir, "node_modules", pkg), "dir");
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** What a CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.NODE_OPTIONS;
  return { ...inherited, ...env };
}

/** Runs `node bin/retort.js ...args` in `cwd`; DATABASE_URL only when given in `env`. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, env: childEnv(env), encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Creates the project's schema with TypeORM's `synchronize()`, in a child process that loads the
 * project's ormconfig.ts through retort's own loader (DATABASE_URL applies).
 */
export function synchronizeProject(cwd: string, env: Record<string, string> = {}): void {
  const script = `
    const { loadDataSource } = require(${JSON.stringify(join(repoRoot, "dist/src/config/load-datasource.js"))});
    const { SecretSet } = require(${JSON.stringify(join(repoRoot, "dist/src/config/secrets.js"))});
    (async () => {
      const loaded = await loadDataSource({ file: "ormconfig.ts", env: process.env, cwd: process.cwd(), secrets: new SecretSet() });
      const dataSource = await loaded.dataSource.initialize();
      await dataSource.synchronize();
      await dataSource.destroy();
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const result = spawnSync(process.execPath, ["-e", script], { cwd, env: childEnv(env), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`synchronize failed in ${cwd}: ${result.stderr}`);
}

/** The lines of `text`, without the trailing empty one. */
export function linesOf(text: string): string[] {
  return text.split("\n").filter((line, index, all) => !(index === all.length - 1 && line === ""));
}
