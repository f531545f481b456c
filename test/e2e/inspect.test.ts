/**
 * `retort inspect` end to end: fixture projects copied to temporary directories, the built CLI
 * run as a child process, exit codes and output asserted (one line, no stack, no password).
 */
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import { createPgDatabase } from "../helpers/databases";
import type { TestDatabase } from "../helpers/databases";
import { copyProject, linesOf, runCli, synchronizeProject } from "./project";
import type { CliResult, TempProject } from "./project";

const projects: TempProject[] = [];
function project(name: string): TempProject {
  const copy = copyProject(name);
  projects.push(copy);
  return copy;
}
after(() => projects.forEach((copy) => copy.remove()));

function parseModel(result: CliResult): SchemaModel {
  assert.equal(result.code, 0, `exit code 0 expected; stderr: ${result.stderr}`);
  return JSON.parse(result.stdout) as SchemaModel;
}

function tableNames(model: SchemaModel): string[] {
  return model.tables.map((table) => table.name);
}

function columnsOf(model: SchemaModel, table: string): string[] {
  const found = model.tables.find((candidate) => candidate.name === table);
  assert.ok(found, `table ${table} in ${tableNames(model).join(", ")}`);
  return found.columns.map((column) => column.name);
}

/** Exit code 1 and exactly one line on stderr, without a stack frame. */
function assertOneLineFailure(result: CliResult, expected: RegExp): void {
  assert.equal(result.code, 1, `exit code; stderr: ${result.stderr}`);
  assert.equal(result.stdout, "");
  const lines = linesOf(result.stderr);
  assert.equal(lines.length, 1, `one line expected, got:\n${result.stderr}`);
  assert.match(lines[0]!, expected);
  assert.doesNotMatch(result.stderr, /^\s+at /m);
}

describe("inspect --entities (no database)", () => {
  test("reads a CommonJS project's entities, with column types from decorator metadata", () => {
    const copy = project("cjs-app");
    const model = parseModel(runCli(["inspect", "--entities", "--json"], copy.dir));
    assert.deepEqual(tableNames(model), ["authors", "books"]);
    assert.deepEqual(columnsOf(model, "books"), ["id", "title", "pages", "authorId"]);
    const name = model.tables[0]!.columns.find((column) => column.name === "name");
    // `@Column() name: string` has no explicit type: only emitted design:type makes it varchar.
    assert.equal(name?.type.kind, "varchar");
    const fk = model.tables[1]!.foreignKeys[0];
    assert.equal(fk?.referencedTable, "authors");
    assert.equal(fk?.onDelete, "CASCADE");
    assert.equal(existsSync(join(copy.dir, "data")), false, "no connection, so no database file");
    assert.ok(existsSync(join(copy.dir, "node_modules", ".cache", "retort")), "transpile cache written");
  });

  test("reads an ES-module project whose entities TypeORM imports from a glob", () => {
    const copy = project("esm-app");
    const model = parseModel(runCli(["inspect", "--entities", "--json"], copy.dir));
    assert.deepEqual(tableNames(model), ["notes", "tags"]);
    assert.deepEqual(columnsOf(model, "notes"), ["id", "body", "pinned", "created_at", "tagSlug"]);
    assert.equal(model.tables[0]!.columns[1]!.type.kind, "varchar");
    assert.equal(model.tables[0]!.foreignKeys[0]?.referencedTable, "tags");
  });

  test("a CommonJS project whose entity glob reaches an .mts file (TypeORM import()s it)", () => {
    const copy = project("cjs-app");
    writeFileSync(
      join(copy.dir, "entities", "label.mts"),
      `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";\n` +
        `@Entity("labels")\nexport class Label {\n  @PrimaryGeneratedColumn() id!: number;\n  @Column() text!: string;\n}\n`,
    );
    writeFileSync(
      join(copy.dir, "globbed.ts"),
      `import { DataSource } from "typeorm";\n` +
        `export default new DataSource({ type: "better-sqlite3", database: "data/app.sqlite", entities: ["entities/*.{ts,mts}"] });\n`,
    );
    const model = parseModel(runCli(["inspect", "--entities", "--json", "-d", "globbed.ts"], copy.dir));
    assert.deepEqual(tableNames(model), ["authors", "books", "labels"]);
    assert.equal(model.tables[2]!.columns[1]!.type.kind, "varchar", "design:type emitted for the .mts entity");
  });

  test("prints readable text by default", () => {
    const copy = project("esm-app");
    const result = runCli(["inspect", "--entities"], copy.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^table notes$/m);
    assert.match(result.stdout, /^ {2}body +varchar +not null$/m);
    assert.match(result.stdout, /^ {2}primary key \(slug\)$/m);
    assert.match(result.stdout, /^ {2}foreign key \S+ \(tagSlug\) -> tags \(slug\)/m);
  });

  test("-n picks a named export; several DataSources without -n is one clear line", () => {
    const copy = project("cjs-app");
    writeFileSync(
      join(copy.dir, "multi.ts"),
      `import { DataSource } from "typeorm";\nimport { Author } from "./entities/author";\nimport { Book } from "./entities/book";\n` +
        `export const main = new DataSource({ type: "better-sqlite3", database: "a.sqlite", entities: [Author, Book] });\n` +
        `export const other = new DataSource({ type: "better-sqlite3", database: "b.sqlite", entities: [Author, Book], entityPrefix: "x_" });\n`,
    );
    assertOneLineFailure(runCli(["inspect", "--entities", "-d", "multi.ts"], copy.dir), /^multi\.ts exports several DataSources \(main, other\); choose one with -n <name>$/);
    const model = parseModel(runCli(["-d", "multi.ts", "-n", "other", "inspect", "--entities", "--json"], copy.dir));
    assert.deepEqual(tableNames(model), ["x_authors", "x_books"]);
  });
});

describe("inspect on a live SQLite database", () => {
  test("shows what synchronize() created, the same tables and columns as the entities", () => {
    const copy = project("cjs-app");
    synchronizeProject(copy.dir);
    const live = parseModel(runCli(["inspect", "--json"], copy.dir));
    const entities = parseModel(runCli(["inspect", "--entities", "--json"], copy.dir));
    assert.deepEqual(tableNames(live), ["authors", "books"]);
    for (const table of tableNames(entities)) assert.deepEqual(columnsOf(live, table), columnsOf(entities, table));
  });

  test("works for an ES-module project and honours --exclude-table", () => {
    const copy = project("esm-app");
    synchronizeProject(copy.dir);
    const result = runCli(["inspect"], copy.dir);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^-- schema of SQLite database data\/app\.sqlite \(sqlite\)$/m);
    assert.match(result.stdout, /^table tags$/m);
    const model = parseModel(runCli(["inspect", "--json", "--exclude-table", "ta*"], copy.dir));
    assert.deepEqual(tableNames(model), ["notes"]);
  });
});

describe("inspect on PostgreSQL through DATABASE_URL", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createPgDatabase("e2e_inspect");
  });
  after(() => database.drop());

  test("reads the synchronized schema; the URL's password is never printed", () => {
    const copy = project("cjs-app");
    // The test server trusts local connections, so any password is accepted (and must be hidden).
    const url = new URL(database.url);
    url.password = "secret";
    const env = { DATABASE_URL: url.toString() };
    synchronizeProject(copy.dir, env);
    const model = parseModel(runCli(["inspect", "--json"], copy.dir, env));
    assert.deepEqual(tableNames(model), ["authors", "books"]);
    assert.deepEqual(model.tables[1]!.primaryKey?.columns, ["id"]);
    const text = runCli(["inspect", "--verbose"], copy.dir, env);
    assert.equal(text.code, 0, text.stderr);
    assert.ok(text.stdout.includes(`-- schema of PostgreSQL at ${url.hostname}:${url.port}/${database.name} (postgres)`), text.stdout);
    assert.equal(`${text.stdout}${text.stderr}`.includes("secret"), false);
  });
});

describe("failures are one line", () => {
  test("a syntax error in an imported entity names the file, line and column", () => {
    const copy = project("cjs-app");
    writeFileSync(join(copy.dir, "entities", "book.ts"), `import { Entity } from "typeorm";\n\nconst pages x = 3;\n`);
    assertOneLineFailure(runCli(["inspect", "--entities"], copy.dir), /^entities\/book\.ts: SyntaxError: .+ \(line 3, column \d+\)$/);
  });

  test("a syntax error in a glob-loaded ES-module entity names that file", () => {
    const copy = project("esm-app");
    writeFileSync(join(copy.dir, "entities", "broken.ts"), `export class Broken {\n  x: number = ;\n}\n`);
    assertOneLineFailure(runCli(["inspect", "--entities"], copy.dir), /^entities\/broken\.ts: SyntaxError: .+ \(line 2, column \d+\)$/);
  });

  test("an entity that throws while loading is named (CommonJS and ES modules)", () => {
    const cjs = project("cjs-app");
    writeFileSync(join(cjs.dir, "entities", "book.ts"), `export class Book {}\nthrow new Error("boom");\n`);
    assertOneLineFailure(runCli(["inspect", "--entities"], cjs.dir), /^entities\/book\.ts threw while loading: Error: boom$/);
    const esm = project("esm-app");
    writeFileSync(join(esm.dir, "entities", "tag.ts"), `export class Tag {}\n\nthrow new TypeError("bad tag");\n`);
    assertOneLineFailure(runCli(["inspect", "--entities"], esm.dir), /^entities\/tag\.ts threw while loading: TypeError: bad tag$/);
  });

  test("a module without a DataSource, and a missing module", () => {
    const copy = project("cjs-app");
    writeFileSync(join(copy.dir, "no-datasource.ts"), `export const answer = 42;\n`);
    assertOneLineFailure(
      runCli(["inspect", "--entities", "-d", "no-datasource.ts"], copy.dir),
      /^no-datasource\.ts does not export a DataSource \(found: no default export; exports: answer\); export default new DataSource\(\{\.\.\.\}\)$/,
    );
    assertOneLineFailure(runCli(["inspect", "-d", "missing.ts"], copy.dir), /^missing\.ts: file not found$/);
  });

  test("an unreachable database: host and database named, password never shown", () => {
    const copy = project("cjs-app");
    const env = { DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x" };
    assertOneLineFailure(runCli(["inspect"], copy.dir, env), /^could not connect to PostgreSQL at 127\.0\.0\.1:1\/x: connection refused/);
    const verbose = runCli(["inspect", "--verbose"], copy.dir, env);
    assert.equal(verbose.code, 1);
    assert.ok(linesOf(verbose.stderr).length > 1, "--verbose prints a stack");
    assert.equal(`${verbose.stdout}${verbose.stderr}`.includes("secret"), false);
  });

  test("credentials the server rejects: one line, password never shown", () => {
    const copy = project("cjs-app");
    // The test server trusts every password, so the rejected credential is the role itself.
    const env = { DATABASE_URL: "postgres://retort_no_such_role:secret@127.0.0.1:5432/postgres" };
    assertOneLineFailure(runCli(["inspect"], copy.dir, env), /^could not connect to PostgreSQL at 127\.0\.0\.1:5432\/postgres: role "retort_no_such_role" does not exist$/);
    const verbose = runCli(["--verbose", "inspect"], copy.dir, env);
    assert.equal(verbose.code, 1);
    assert.equal(`${verbose.stdout}${verbose.stderr}`.includes("secret"), false);
  });

  test("a malformed DATABASE_URL names the variable and the accepted forms, password masked", () => {
    const copy = project("cjs-app");
    const result = runCli(["inspect"], copy.dir, { DATABASE_URL: "postgres://u:secret@db:notaport/app" });
    assertOneLineFailure(result, /^DATABASE_URL is not valid .*postgres:\/\/u:\*\*\*@db:notaport\/app; expected postgres:\/\/.*sqlite:/);
    assert.equal(result.stderr.includes("secret"), false);
  });

  test("an unknown option is a usage error: exit 2, one line", () => {
    const copy = project("cjs-app");
    const result = runCli(["inspect", "--bogus"], copy.dir);
    assert.equal(result.code, 2);
    assert.deepEqual(linesOf(result.stderr), ["Unknown argument: bogus (see retort --help)"]);
    const noCommand = runCli([], copy.dir);
    assert.equal(noCommand.code, 2);
    assert.equal(linesOf(noCommand.stderr).length, 1);
  });

  test("--help works on every command and exits 0", () => {
    const copy = project("cjs-app");
    for (const args of [["--help"], ["inspect", "--help"]]) {
      const result = runCli(args, copy.dir);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /--datasource/);
    }
  });
});
