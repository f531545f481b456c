import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import Database from "better-sqlite3";
import { run } from "../../src/cli/main";
import { editFile, generatedId, migrationFiles, ok, project, retortIn } from "./commands-support";
import { linesOf } from "./project";

/** cjs-app's Book.pages becomes `pageCount`: a column rename, or a drop + add that loses the values. */
const renamePages = (text: string): string => text.replace("pages: number;", "pageCount: number;");

function readPages(dir: string, column: string): unknown[] {
  const db = new Database(join(dir, "data", "app.sqlite"), { readonly: true });
  try {
    return db.prepare(`SELECT "${column}" AS v FROM "books" ORDER BY "id"`).all().map((row) => (row as { v: unknown }).v);
  } finally {
    db.close();
  }
}

function seed(dir: string): void {
  const db = new Database(join(dir, "data", "app.sqlite"));
  try {
    db.prepare(`INSERT INTO "authors" ("name") VALUES ('Le Guin')`).run();
    db.prepare(`INSERT INTO "books" ("title", "pages", "authorId") VALUES ('Earthsea', 183, 1), ('Lathe', 184, 1)`).run();
  } finally {
    db.close();
  }
}

describe("renames in revision --autogenerate", () => {
  test("without a terminal: drop + add, with a warning naming the --rename that keeps the data", () => {
    const { dir } = project("cjs-app");
    const retort = retortIn(dir);
    mkdirSync(join(dir, "migrations"));
    ok(retort("revision", "--autogenerate", "-m", "initial"));
    ok(retort("upgrade", "head"));
    editFile(dir, "entities/book.ts", renamePages);
    const result = retort("revision", "--autogenerate", "-m", "rename pages");
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(linesOf(result.stderr), [
      "possible rename (books.pages -> books.pageCount) is a drop + add here; to keep the data pass --rename old->new (e.g. --rename books.pages->books.pageCount)",
    ]);
    assert.match(result.stdout, /- drop column books\.pages/);
  });

  test("--rename turns it into renameColumn, and every value survives the upgrade", () => {
    const { dir } = project("cjs-app");
    const retort = retortIn(dir);
    mkdirSync(join(dir, "migrations"));
    ok(retort("revision", "--autogenerate", "-m", "initial"));
    ok(retort("upgrade", "head"));
    seed(dir);
    editFile(dir, "entities/book.ts", renamePages);
    const lines = ok(retort("revision", "--autogenerate", "-m", "rename pages", "--rename", "books.pages->books.pageCount"));
    const id = generatedId(lines);
    const file = migrationFiles(dir).find((name) => name.includes(id)) as string;
    assert.match(readFileSync(join(dir, "migrations", file), "utf8"), /op\.renameColumn\("books", "pages", "pageCount"\)/);
    ok(retort("upgrade", "head"));
    assert.deepEqual(readPages(dir, "pageCount"), [183, 184]);
    ok(retort("check"));
  });

  test("on a terminal the question is asked, and the answer is a rename", async () => {
    const { dir } = project("cjs-app");
    const retort = retortIn(dir);
    mkdirSync(join(dir, "migrations"));
    ok(retort("revision", "--autogenerate", "-m", "initial"));
    ok(retort("upgrade", "head"));
    editFile(dir, "entities/book.ts", renamePages);
    const input = new PassThrough();
    const questions = new PassThrough();
    let asked = "";
    questions.on("data", (chunk: Buffer) => (asked += chunk.toString()));
    input.end("1\n");
    let stdout = "";
    let stderr = "";
    // ormconfig's relative SQLite path resolves against the process's directory, as in a real run.
    const previous = process.cwd();
    process.chdir(dir);
    const code = await run(["revision", "--autogenerate", "-m", "rename pages"], {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      env: {},
      cwd: dir,
      prompt: { input, output: questions },
    }).finally(() => process.chdir(previous));
    assert.equal(code, 0, stderr);
    assert.match(asked, /Column books\.pages is gone\. Was it renamed to one of these\?\n {2}1\) books\.pageCount\n/);
    assert.match(stdout, /- rename column books\.pages to pageCount/);
    assert.equal(stderr, "");
  });
});
