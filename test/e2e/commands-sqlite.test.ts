/**
 * The Alembic command set end to end on SQLite: fixture projects copied to temporary
 * directories, the built CLI run as a child process against real database files.
 */
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import {
  addAuthorBio,
  emptyProject,
  fails,
  generatedId,
  migrationFiles,
  migrationText,
  ok,
  project,
  replacePagesWithIsbn,
  retortIn,
} from "./commands-support";
import { synchronizeProject } from "./project";

/** cjs-app with an empty migrations folder, and its CLI. */
function initialized(name = "cjs-app"): { dir: string; retort: ReturnType<typeof retortIn> } {
  const copy = project(name);
  mkdirSync(join(copy.dir, "migrations"));
  return { dir: copy.dir, retort: retortIn(copy.dir) };
}

function liveTables(retort: ReturnType<typeof retortIn>): string[] {
  return (JSON.parse(ok(retort("inspect", "--json")).join("\n")) as SchemaModel).tables.map((table) => table.name);
}

describe("init", () => {
  test("on an empty project: template, folder and scripts, never overwriting; twice is a no-op", () => {
    const copy = emptyProject(`{\n    "name": "app",\n    "scripts": {\n        "db:check": "my own check"\n    }\n}\n`);
    const retort = retortIn(copy.dir);
    assert.deepEqual(ok(retort("init")), [
      "Created ormconfig.ts: edit the connection and entities",
      "Created migrations/",
      "Added npm scripts to package.json: db:upgrade, db:downgrade, db:current, db:history, db:migrate, db:stamp",
      "Kept existing npm scripts: db:check",
    ]);
    const manifestText = readFileSync(join(copy.dir, "package.json"), "utf8");
    const manifest = JSON.parse(manifestText) as { scripts: Record<string, string> };
    assert.equal(manifest.scripts["db:check"], "my own check");
    assert.equal(manifest.scripts["db:upgrade"], "retort upgrade head");
    assert.equal(manifest.scripts["db:downgrade"], "retort downgrade -1");
    assert.equal(manifest.scripts["db:migrate"], "retort revision --autogenerate -m");
    assert.match(manifestText, /^ {4}"name": "app",$/m, "the file's 4-space indentation is kept");
    assert.ok(existsSync(join(copy.dir, "migrations")));
    const template = readFileSync(join(copy.dir, "ormconfig.ts"), "utf8");
    assert.match(template, /export default new DataSource\(\{/);

    // The template is a loadable DataSource module (--sql reads its dialect without connecting),
    // and the folder is usable at once.
    assert.deepEqual(ok(retort("upgrade", "head", "--sql")), [
      'CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" varchar(64) NOT NULL, CONSTRAINT "retort_version_pkc" PRIMARY KEY ("version_num"));',
    ]);
    assert.deepEqual(ok(retort("heads")), []);

    assert.deepEqual(ok(retort("init")), [
      "Kept ormconfig.ts (already exists)",
      "Kept migrations/ (already exists)",
      "Kept existing npm scripts: db:upgrade, db:downgrade, db:current, db:history, db:migrate, db:check, db:stamp",
    ]);
    assert.equal(readFileSync(join(copy.dir, "package.json"), "utf8"), manifestText);
  });

  test("keeps an existing ormconfig.ts and says when there is no package.json", () => {
    const copy = project("cjs-app");
    const before = readFileSync(join(copy.dir, "ormconfig.ts"), "utf8");
    const lines = ok(retortIn(copy.dir)("init"));
    assert.equal(lines[0], "Kept ormconfig.ts (already exists)");
    assert.equal(readFileSync(join(copy.dir, "ormconfig.ts"), "utf8"), before);
    const bare = emptyProject();
    assert.equal(ok(retortIn(bare.dir)("init")).at(-1), "No package.json here: skipped the db:* npm scripts (run `npm init` first to get them)");
  });
});

describe("revision", () => {
  test("without a migrations folder: one line saying to run init", () => {
    const copy = project("cjs-app");
    fails(retortIn(copy.dir)("revision", "-m", "x"), 1, /^Migrations directory .*migrations does not exist; run `retort init` or pass --dir$/);
  });

  test("without --autogenerate writes an empty migration following the head; --rev-id is checked", () => {
    const { dir, retort } = initialized();
    const first = ok(retort("revision", "-m", "Add things!", "--rev-id", "0123456789ab"));
    assert.match(first[0]!, /^Generating migrations\/\d{8}_\d{4}_0123456789ab_add_things\.ts \.\.\. done$/);
    assert.equal(first.length, 1);
    const second = generatedId(ok(retort("revision", "-m", "more")));
    assert.match(second, /^[0-9a-f]{12}$/);
    const text = migrationText(dir, second);
    assert.match(text, /^export const downRevision = "0123456789ab";$/m);
    assert.match(text, /^export const message = "more";$/m);
    assert.match(text, /export async function up\(op: OpApi\): Promise<void> \{\n\s+\/\/ no changes\n\}/);
    assert.match(migrationText(dir, "0123456789ab"), /^export const downRevision = null;$/m);
    fails(retort("revision", "-m", "again", "--rev-id", "0123456789ab"), 1, /^Revision 0123456789ab already exists in migrations\/\d{8}_\d{4}_0123456789ab_add_things\.ts; choose another --rev-id$/);
    fails(retort("revision", "-m", "bad", "--rev-id", "a:b"), 1, /revision id/);
    assert.equal(migrationFiles(dir).length, 2);
    fails(retort("revision"), 2, /^Missing required argument: message/);
  });

  test("autogenerate from an empty database, upgrade head, then check and autogenerate find nothing", () => {
    const { dir, retort } = initialized();
    const generated = ok(retort("revision", "--autogenerate", "-m", "create authors and books"));
    assert.deepEqual(generated.slice(1), ["  - create table authors", "  - create table books"]);
    const id = generatedId(generated);
    const text = migrationText(dir, id);
    assert.match(text, /await op\.createTable\("authors", \{/);
    assert.match(text, /\/\/ data loss: drops table books and all its rows\n\s+await op\.dropTable\("books"/);
    assert.equal(existsSync(join(dir, "data", "app.sqlite")), true, "autogenerate connected");
    assert.deepEqual(liveTables(retort), [], "autogenerate changed nothing");

    const upgraded = ok(retort("upgrade", "head"));
    assert.equal(upgraded.length, 1);
    assert.match(upgraded[0]!, new RegExp(`^Running upgrade <base> -> ${id}, create authors and books \\(\\d+ ms\\)$`));
    assert.deepEqual(liveTables(retort), ["authors", "books"]);
    assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
    assert.deepEqual(ok(retort("revision", "--autogenerate", "-m", "nothing")), ["No changes in schema detected."]);
    assert.equal(migrationFiles(dir).length, 1, "no empty migration written");
    assert.deepEqual(ok(retort("upgrade", "head")), [`Nothing to upgrade: the database is at ${id}`]);
    assert.deepEqual(ok(retort("current")), [`${id} (head)`]);
  });

  test("autogenerate refuses a database behind head with one line saying what to run", () => {
    const { dir, retort } = initialized();
    const first = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial")));
    fails(
      retort("revision", "--autogenerate", "-m", "more"),
      1,
      new RegExp(`^database is not at head \\(current: base, head: ${first}\\); run \`retort upgrade head\` first$`),
    );
    fails(retort("check"), 1, new RegExp(`^database is not at head \\(current: base, head: ${first}\\); run \`retort upgrade head\` first$`));
    assert.equal(migrationFiles(dir).length, 1);
  });

  test("autogenerate after an entity edit writes the change with its hazards; --rename turns drop+add into a rename", () => {
    const { dir, retort } = initialized();
    ok(retort("revision", "--autogenerate", "-m", "initial"));
    ok(retort("upgrade", "head"));
    addAuthorBio(dir);
    const bio = ok(retort("revision", "--autogenerate", "-m", "author bio"));
    assert.deepEqual(bio.slice(1), ["  - add column authors.bio"]);
    assert.match(migrationText(dir, generatedId(bio)), /await op\.addColumn\("authors", \{ name: "bio", type: "text", nullable: true \}\)/);
    ok(retort("upgrade", "head"));

    replacePagesWithIsbn(dir);
    const renamed = retortIn(dir)("revision", "--autogenerate", "-m", "pages to isbn", "--rename", "books.pages->books.isbn", "--rename", "books.nope->books.other");
    const lines = ok(renamed);
    assert.equal(lines[1], "  - rename column books.pages to isbn");
    assert.match(renamed.stderr, /^--rename books\.nope->books\.other matched no dropped and added table or column$/m);
  });
});

describe("check", () => {
  test("exit 1 after an entity edit, one line per operation and the hazards; --strict exits 3; --json", () => {
    const { dir, retort } = initialized();
    const id = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial")));
    ok(retort("upgrade", "head"));
    replacePagesWithIsbn(dir);
    const result = retort("check");
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(result.stdout.trimEnd().split("\n"), [
      "  - drop column books.pages",
      "  - add column books.isbn",
      "3 hazards: 1 data loss, 1 may fail, 1 heavy",
      "  data loss: drops column books.pages and its values",
      "  may fail: NOT NULL column books.isbn without a default fails on a non-empty table",
      "  heavy: rebuilds books (copies every row)",
    ]);
    assert.equal(result.stderr, "2 new upgrade operations detected; run `retort revision --autogenerate -m <message>`\n");
    fails(retort("check", "--strict"), 3, /^2 new upgrade operations detected, 1 losing data; /);
    const json = retort("check", "--json");
    assert.equal(json.code, 1);
    const value = JSON.parse(json.stdout) as { status: string; current: string[]; operations: { kind: string }[]; hazards: Record<string, number> };
    assert.equal(value.status, "pending");
    assert.deepEqual(value.current, [id]);
    assert.deepEqual(value.operations.map((op) => op.kind), ["dropColumn", "addColumn"]);
    assert.deepEqual(value.hazards, { "data-loss": 1, "may-fail": 1, heavy: 1 });
  });
});

describe("upgrade and downgrade", () => {
  test("downgrade -1 and base undo migrations; relative and prefix targets", () => {
    const { dir, retort } = initialized();
    const first = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial")));
    ok(retort("upgrade", "head"));
    addAuthorBio(dir);
    const second = generatedId(ok(retort("revision", "--autogenerate", "-m", "bio")));
    assert.match(ok(retort("upgrade", "+1"))[0]!, new RegExp(`^Running upgrade ${first} -> ${second}, bio \\(\\d+ ms\\)$`));
    assert.match(ok(retort("downgrade", "-1"))[0]!, new RegExp(`^Running downgrade ${second} -> ${first}, bio \\(\\d+ ms\\)$`));
    assert.deepEqual(ok(retort("current")), [first]);
    ok(retort("upgrade", second.slice(0, 6)));
    const down = ok(retort("downgrade", "base"));
    assert.equal(down.length, 2);
    assert.match(down[1]!, new RegExp(`^Running downgrade ${first} -> <base>, initial \\(\\d+ ms\\)$`));
    assert.deepEqual(ok(retort("current")), ["<base>"]);
    assert.deepEqual(liveTables(retort), []);
    ok(retort("upgrade", "head", "--transaction-mode", "all"));
    assert.deepEqual(ok(retort("current")), [`${second} (head)`]);
    fails(retort("upgrade", "nope"), 1, /^Unknown revision 'nope'/);
    fails(retort("upgrade", "head", "--transaction-mode", "some"), 2, /transaction-mode/);
  });

  test("--sql prints SQL without connecting; from:to ranges; downgrade --sql needs a range", () => {
    const { dir, retort } = initialized();
    // Migrations are written against a scratch copy so that this project's database never exists.
    const scratch = initialized();
    const first = generatedId(ok(scratch.retort("revision", "--autogenerate", "-m", "initial", "--rev-id", "aaaaaaaaaaaa")));
    ok(scratch.retort("upgrade", "head"));
    addAuthorBio(scratch.dir);
    const second = generatedId(ok(scratch.retort("revision", "--autogenerate", "-m", "bio", "--rev-id", "bbbbbbbbbbbb")));
    for (const id of [first, second]) {
      const name = migrationFiles(scratch.dir).find((file) => file.includes(id))!;
      mkdirSync(join(dir, "migrations"), { recursive: true });
      copyFileSync(join(scratch.dir, "migrations", name), join(dir, "migrations", name));
    }

    const sql = ok(retort("upgrade", "head", "--sql"));
    assert.equal(sql[0], 'CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" varchar(64) NOT NULL, CONSTRAINT "retort_version_pkc" PRIMARY KEY ("version_num"));');
    assert.ok(sql.includes("BEGIN IMMEDIATE;"));
    assert.ok(sql.some((line) => line.startsWith('CREATE TABLE "authors" (')));
    assert.ok(sql.includes(`INSERT INTO "retort_version" ("version_num") VALUES ('${first}');`));
    assert.ok(sql.includes(`DELETE FROM "retort_version" WHERE "version_num" = '${first}';`));
    assert.ok(sql.includes(`INSERT INTO "retort_version" ("version_num") VALUES ('${second}');`));
    assert.equal(existsSync(join(dir, "data")), false, "--sql never connects");

    const range = ok(retort("upgrade", `${first}:head`, "--sql"));
    assert.equal(range.some((line) => line.startsWith('CREATE TABLE "authors"')), false);
    assert.ok(range.some((line) => /ALTER TABLE "authors" ADD (COLUMN )?"bio"/.test(line)), range.join("\n"));

    const down = ok(retort("downgrade", `head:${first}`, "--sql"));
    assert.ok(down.includes(`DELETE FROM "retort_version" WHERE "version_num" = '${second}';`));
    fails(retort("downgrade", "-1", "--sql"), 2, /^downgrade --sql needs a <from>:<to> range/);
    fails(retort("upgrade", "a:b:c", "--sql"), 2, /^Cannot read the range/);
    fails(retort("upgrade", `${first}:head`), 2, /only accepted with --sql/);
    assert.equal(existsSync(join(dir, "data")), false);
  });
});

describe("stamp", () => {
  test("adopting an existing database: stamp head, then check passes; --purge base empties the table; --sql", () => {
    const { dir, retort } = initialized();
    const id = generatedId(ok(retort("revision", "--autogenerate", "-m", "initial")));
    // The schema already exists (made by synchronize), but no migration ever ran.
    synchronizeProject(dir);
    fails(retort("upgrade", "head"), 1, new RegExp(`^upgrade ${id} \\(migrations/\\S+_initial\\.ts\\) failed in .*create table authors.*already exists`));
    assert.deepEqual(ok(retort("current")), ["<base>"]);
    assert.deepEqual(ok(retort("stamp", "head")), [`Stamped base -> ${id}`]);
    assert.deepEqual(ok(retort("current")), [`${id} (head)`]);
    assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
    assert.deepEqual(ok(retort("stamp", "head")), [`Nothing to stamp: the database is at ${id}`]);
    assert.deepEqual(ok(retort("stamp", "--purge", "base")), [`Stamped ${id} -> base`]);
    assert.deepEqual(ok(retort("current")), ["<base>"]);
    assert.deepEqual(ok(retort("stamp", "head", "--sql")), [
      'CREATE TABLE IF NOT EXISTS "retort_version" ("version_num" varchar(64) NOT NULL, CONSTRAINT "retort_version_pkc" PRIMARY KEY ("version_num"));',
      "BEGIN IMMEDIATE;",
      `INSERT INTO "retort_version" ("version_num") VALUES ('${id}');`,
      "COMMIT;",
    ]);
    assert.deepEqual(ok(retort("current")), ["<base>"], "--sql changed nothing");
  });
});

describe("migration files", () => {
  test("an ES-module project generates, applies and reverts its migrations", () => {
    const { dir, retort } = initialized("esm-app");
    const id = generatedId(ok(retort("revision", "--autogenerate", "-m", "init")));
    ok(retort("upgrade", "head"));
    assert.deepEqual(liveTables(retort), ["notes", "tags"]);
    assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
    assert.match(ok(retort("downgrade", "base"))[0]!, new RegExp(`^Running downgrade ${id} -> <base>, init`));
    assert.deepEqual(liveTables(retort), []);
    assert.equal(migrationFiles(dir).length, 1);
  });

  test("a migration without down, or whose revision disagrees with its header, fails in one line", () => {
    const { dir, retort } = initialized();
    const id = generatedId(ok(retort("revision", "-m", "hand written")));
    const name = migrationFiles(dir)[0]!;
    const path = join(dir, "migrations", name);
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(/export async function down[\s\S]*$/, ""));
    fails(retort("upgrade", "head"), 1, new RegExp(`^migrations/${name.replace(/\./g, "\\.")}: no \`down\` function exported$`));
    // The header scanner reads the literal; evaluating the module reassigns it.
    writeFileSync(path, text.replace(`export const revision = "${id}";`, `export let revision = "${id}";\nrevision = "deadbeef0000";`));
    fails(retort("upgrade", "head"), 1, new RegExp(`^migrations/${name.replace(/\./g, "\\.")}: exports revision 'deadbeef0000' but its header says '${id}'$`));
    assert.deepEqual(ok(retort("current")), ["<base>"]);
  });
});
