import assert from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { ok, project, retortIn } from "./commands-support";

/** The tables of one SQLite file, without SQLite's own. */
function tablesOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
}

test("-n: two databases, each with its own migrations folder and version table, never mixed", () => {
  const { dir } = project("cjs-app");
  writeFileSync(
    join(dir, "ormconfig.ts"),
    `import { DataSource } from "typeorm";\nimport { Author } from "./entities/author";\nimport { Book } from "./entities/book";\n` +
      `export const main = new DataSource({ type: "better-sqlite3", database: "main.sqlite", entities: [Author, Book] });\n` +
      `export const analytics = new DataSource({ type: "better-sqlite3", database: "analytics.sqlite", entities: [Author, Book], entityPrefix: "a_" });\n`,
  );
  mkdirSync(join(dir, "migrations", "main"), { recursive: true });
  mkdirSync(join(dir, "migrations", "analytics"), { recursive: true });
  const retort = retortIn(dir);

  ok(retort("-n", "analytics", "revision", "--autogenerate", "-m", "analytics tables"));
  ok(retort("revision", "--autogenerate", "-m", "main tables", "-n", "main"));
  assert.equal(readdirSync(join(dir, "migrations", "analytics")).length, 1);
  assert.equal(readdirSync(join(dir, "migrations", "main")).length, 1);

  const upgraded = ok(retort("-n", "analytics", "upgrade", "head"));
  assert.match(upgraded[0] ?? "", /^Running upgrade <base> -> [0-9a-f]{12}, analytics tables \(\d+ ms\)$/);
  assert.deepEqual(tablesOf(join(dir, "analytics.sqlite")), ["a_authors", "a_books", "retort_version"]);
  assert.deepEqual(ok(retort("-n", "main", "current")), ["<base>"]);
  assert.deepEqual(ok(retort("-n", "analytics", "check")), ["No new upgrade operations detected."]);

  ok(retort("-n", "main", "upgrade", "head"));
  assert.deepEqual(tablesOf(join(dir, "main.sqlite")), ["authors", "books", "retort_version"]);
  assert.deepEqual(ok(retort("-n", "main", "check")), ["No new upgrade operations detected."]);
  assert.deepEqual(tablesOf(join(dir, "analytics.sqlite")), ["a_authors", "a_books", "retort_version"]);
});
