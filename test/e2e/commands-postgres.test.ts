/**
 * The key command flows on PostgreSQL (DATABASE_URL pointing at a database made for each test):
 * autogenerate from an empty database, upgrade, check, current/heads/history, an entity edit,
 * downgrade base, --sql, stamp, and a merge of two branches applied side by side.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import { createPgDatabase } from "../helpers/databases";
import type { TestDatabase } from "../helpers/databases";
import { addAuthorBio, fails, generatedId, migrationText, ok, project, replacePagesWithIsbn, retortIn } from "./commands-support";
import type { Retort } from "./commands-support";
import { synchronizeProject } from "./project";

const databases: TestDatabase[] = [];
after(async () => {
  for (const database of databases) await database.drop();
});

/** cjs-app with an empty migrations folder, pointed at a fresh PostgreSQL database. */
async function pgProject(): Promise<{ dir: string; env: Record<string, string>; retort: Retort }> {
  const database = await createPgDatabase("e2e_commands");
  databases.push(database);
  const copy = project("cjs-app");
  mkdirSync(join(copy.dir, "migrations"));
  const env = { DATABASE_URL: database.url };
  return { dir: copy.dir, env, retort: retortIn(copy.dir, env) };
}

function liveTables(retort: Retort): string[] {
  return (JSON.parse(ok(retort("inspect", "--json")).join("\n")) as SchemaModel).tables.map((table) => table.name);
}

test("autogenerate, upgrade, check, listings, an entity edit, downgrade base", async () => {
  const { dir, retort } = await pgProject();
  const generated = ok(retort("revision", "--autogenerate", "-m", "create authors and books"));
  assert.deepEqual(generated.slice(1), ["  - create table authors", "  - create table books"]);
  const first = generatedId(generated);
  assert.match(ok(retort("upgrade", "head"))[0]!, new RegExp(`^Running upgrade <base> -> ${first}, create authors and books \\(\\d+ ms\\)$`));
  assert.deepEqual(liveTables(retort), ["authors", "books"]);
  assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
  assert.deepEqual(ok(retort("revision", "--autogenerate", "-m", "again")), ["No changes in schema detected."]);
  assert.deepEqual(ok(retort("current")), [`${first} (head)`]);
  assert.deepEqual(ok(retort("heads")), [`${first} (head)`]);
  assert.deepEqual(ok(retort("history", "--indicate-current")), [`<base> -> ${first} (head) (current), create authors and books`]);

  replacePagesWithIsbn(dir);
  const check = retort("check");
  assert.equal(check.code, 1, check.stderr);
  assert.deepEqual(check.stdout.trimEnd().split("\n").slice(0, 3), [
    "  - drop column books.pages",
    "  - add column books.isbn",
    "2 hazards: 1 data loss, 1 may fail",
  ]);
  fails(retort("check", "--strict"), 3, /losing data/);
  const second = generatedId(ok(retort("revision", "--autogenerate", "-m", "isbn")));
  assert.match(migrationText(dir, second), new RegExp(`^export const downRevision = "${first}";$`, "m"));
  fails(retort("check"), 1, new RegExp(`^database is not at head \\(current: ${first}, head: ${second}\\); run \`retort upgrade head\` first$`));
  ok(retort("upgrade", "head"));
  assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);

  const down = ok(retort("downgrade", "base"));
  assert.equal(down.length, 2);
  assert.match(down[0]!, new RegExp(`^Running downgrade ${second} -> ${first}, isbn`));
  assert.deepEqual(ok(retort("current")), ["<base>"]);
  assert.deepEqual(liveTables(retort), []);
});

test("--sql prints PostgreSQL SQL without connecting, from base or from a revision", async () => {
  const { dir, retort } = await pgProject();
  const first = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial")));
  ok(retort("upgrade", "head"));
  addAuthorBio(dir);
  const second = generatedId(ok(retort("revision", "--autogenerate", "-m", "bio")));
  // An unreachable server: --sql must not even try to connect.
  const offline = retortIn(dir, { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
  const sql = ok(offline("upgrade", "head", "--sql"));
  assert.equal(sql[0], 'CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" varchar(64) NOT NULL, CONSTRAINT "retort_version_pkc" PRIMARY KEY ("version_num"));');
  assert.equal(sql[1], "BEGIN;");
  assert.ok(sql.some((line) => /^CREATE TABLE "authors" \("id" serial NOT NULL/.test(line)), sql.join("\n"));
  assert.ok(sql.includes(`INSERT INTO "retort_version" ("version_num") VALUES ('${first}');`));
  assert.ok(sql.includes(`DELETE FROM "retort_version" WHERE "version_num" = '${first}';`));
  assert.ok(sql.includes(`INSERT INTO "retort_version" ("version_num") VALUES ('${second}');`));
  assert.equal(sql.filter((line) => line === "COMMIT;").length, 2, "a transaction per migration");
  const range = ok(offline("upgrade", `${first}:${second}`, "--sql"));
  assert.ok(range.some((line) => /^ALTER TABLE "authors" ADD (COLUMN )?"bio" text/.test(line)), range.join("\n"));
  assert.equal(range.some((line) => line.startsWith(`CREATE TABLE "authors"`)), false);
  const downSql = ok(offline("downgrade", `${second}:base`, "--sql"));
  assert.ok(downSql.some((line) => /^ALTER TABLE "authors" DROP COLUMN "bio"/.test(line)), downSql.join("\n"));
  assert.ok(downSql.some((line) => line.startsWith('DROP TABLE "books"')));
});

test("stamp head adopts a synchronized database; a merge of two branches upgrades side by side", async () => {
  const { dir, env, retort } = await pgProject();
  const first = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial", "--rev-id", "100000000001")));
  synchronizeProject(dir, env);
  assert.deepEqual(ok(retort("stamp", "head")), [`Stamped base -> ${first}`]);
  assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);

  ok(retort("revision", "-m", "branch a", "--rev-id", "aaaa00000001"));
  ok(retort("revision", "-m", "branch b", "--rev-id", "bbbb00000001", "--head", first, "--splice"));
  assert.deepEqual(ok(retort("upgrade", "heads")).length, 2);
  assert.deepEqual(ok(retort("current")), ["aaaa00000001 (head)", "bbbb00000001 (head)"]);
  const merged = ok(retort("merge", "-m", "join", "--rev-id", "cccc00000001"));
  assert.deepEqual(merged.slice(1), ["  merges aaaa00000001, bbbb00000001"]);
  assert.match(ok(retort("upgrade", "head"))[0]!, /^Running upgrade aaaa00000001, bbbb00000001 -> cccc00000001, join \(\d+ ms\)$/);
  assert.deepEqual(ok(retort("current")), ["cccc00000001 (head) (mergepoint)"]);
  assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
  assert.deepEqual(ok(retort("stamp", "--purge", "base")), ["Stamped cccc00000001 -> base"]);
  assert.deepEqual(ok(retort("current")), ["<base>"]);
  assert.deepEqual(liveTables(retort), ["authors", "books"], "stamp never touches the schema");
});
