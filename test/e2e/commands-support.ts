/**
 * Shared steps of the command e2e tests (commands-*.test.ts): fixture projects that are removed
 * after the file, CLI runs that must succeed, one-line failures, migration files, entity edits.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after } from "node:test";
import { copyProject, linesOf, repoRoot, runCli } from "./project";
import type { CliResult, TempProject } from "./project";

const created: TempProject[] = [];
after(() => created.forEach((copy) => copy.remove()));

/** A copy of a fixture project, removed after the test file. */
export function project(name: string): TempProject {
  const copy = copyProject(name);
  created.push(copy);
  return copy;
}

/** An empty project: a package.json (when given) and node_modules linking typeorm, nothing else. */
export function emptyProject(manifest?: string): TempProject {
  const dir = mkdtempSync(join(tmpdir(), "retort-e2e-empty-"));
  if (manifest !== undefined) writeFileSync(join(dir, "package.json"), manifest);
  mkdirSync(join(dir, "node_modules"));
  for (const pkg of ["typeorm", "reflect-metadata"]) {
    symlinkSync(join(repoRoot, "node_modules", pkg), join(dir, "node_modules", pkg), "dir");
  }
  const copy = { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
  created.push(copy);
  return copy;
}

/** A CLI runner bound to a project directory and environment. */
export type Retort = (...args: string[]) => CliResult;

export function retortIn(dir: string, env: Record<string, string> = {}): Retort {
  return (...args) => runCli(args, dir, env);
}

/** Asserts exit 0 and returns stdout's lines. */
export function ok(result: CliResult): string[] {
  assert.equal(result.code, 0, `exit code 0 expected; stderr: ${result.stderr}; stdout: ${result.stdout}`);
  return linesOf(result.stdout);
}

/** Asserts an exit code and exactly one stderr line, without a stack, matching `pattern`. */
export function fails(result: CliResult, code: number, pattern: RegExp): void {
  assert.equal(result.code, code, `exit code ${code} expected; stderr: ${result.stderr}; stdout: ${result.stdout}`);
  const lines = linesOf(result.stderr);
  assert.equal(lines.length, 1, `one stderr line expected, got:\n${result.stderr}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
}

/** The migration file names of a project, sorted. */
export function migrationFiles(dir: string): string[] {
  return readdirSync(join(dir, "migrations")).sort();
}

/** The id in a `Generating migrations/<date>_<id>_<slug>.ts ... done` line. */
export function generatedId(lines: readonly string[]): string {
  const line = lines.find((candidate) => candidate.startsWith("Generating "));
  const match = /^Generating migrations\/\d{8}_\d{4}_([0-9a-z]+)(?:_[a-z0-9_]+)?\.ts \.\.\. done$/.exec(line ?? "");
  assert.ok(match, `a Generating line expected in:\n${lines.join("\n")}`);
  return match[1]!;
}

/** Rewrites a project file with `edit` (which must change it). */
export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(path, after);
}

/** cjs-app's Book loses `pages` and gains a NOT NULL `isbn`: a drop (data loss) and an add. */
export function replacePagesWithIsbn(dir: string): void {
  editFile(dir, "entities/book.ts", (text) =>
    text.replace("  @Column({ default: 0 })\n  pages: number;\n", "  @Column({ length: 20 })\n  isbn: string;\n"),
  );
}

/** cjs-app's Author gains a nullable `bio` column: one add, no hazard. */
export function addAuthorBio(dir: string): void {
  editFile(dir, "entities/author.ts", (text) =>
    text.replace("  @Column({ nullable: true })\n  born: Date;\n", "  @Column({ nullable: true })\n  born: Date;\n\n  @Column({ type: \"text\", nullable: true })\n  bio: string;\n"),
  );
}

/** The text of the migration file of revision `id`. */
export function migrationText(dir: string, id: string): string {
  const name = migrationFiles(dir).find((file) => file.includes(`_${id}`));
  assert.ok(name, `a migration file for ${id}`);
  return readFileSync(join(dir, "migrations", name), "utf8");
}
