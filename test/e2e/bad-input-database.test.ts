/**
 * The bad-input catalogue, database side: a database stamped with a revision no file has, a
 * version table edited by hand, an unreachable database, credentials the server rejects (the
 * password never printed, `--verbose` included), a malformed DATABASE_URL, an entity that throws
 * on import, an ormconfig.ts without a DataSource. One exact line each, the right exit code,
 * and an unchanged database.
 *
 * "Wrong credentials": the test server trusts every password, so a wrong password would be
 * accepted. The failure used instead is a role that does not exist, which the server rejects
 * during authentication like a bad password; pg_hba.conf is left alone.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { linesOf } from "./project";
import { editMigration, expectFailure, migrationFileOf, openBadProject, replaceFile } from "./bad-input-support";
import type { BadProject } from "./bad-input-support";
import { pgAdminUrl } from "../helpers/databases";
import { placeholder } from "./scenario-database";

const A = "aaaa00000001";
const B = "bbbb00000001";
const PASSWORD = "Pa55-w0rd!x";

/** Replaces every version row with `rows`, as someone with a SQL console would. */
async function setVersionRows(project: BadProject, rows: readonly string[]): Promise<void> {
  await project.database.query('DELETE FROM "retort_version"');
  for (const row of rows) {
    await project.database.query(`INSERT INTO "retort_version" ("version_num") VALUES (${placeholder(project.dialect, 1)})`, [row]);
  }
}

/** Asserts a one-line failure whose output never shows the password, then again with --verbose. */
function assertNoPassword(project: BadProject, args: readonly string[], env: Record<string, string>, message: string): void {
  const plain = project.cli(args, env);
  assert.equal(plain.code, 1, plain.stderr);
  assert.deepEqual(linesOf(plain.stderr), [message]);
  assert.equal(plain.stdout, "");
  const verbose = project.cli([...args, "--verbose"], env);
  assert.equal(verbose.code, 1, verbose.stderr);
  const lines = linesOf(verbose.stderr);
  assert.equal(lines[0], message);
  assert.ok(lines.some((line) => /^\s+at /.test(line)), "--verbose prints the stack");
  for (const output of [plain.stdout, plain.stderr, verbose.stdout, verbose.stderr]) {
    assert.equal(output.includes(PASSWORD), false, `the password leaked:\n${output}`);
    assert.equal(output.includes(encodeURIComponent(PASSWORD)), false, `the encoded password leaked:\n${output}`);
  }
}

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`${dialect}: a version table naming a revision no file has, or edited by hand`, async () => {
    const project = await openBadProject(dialect);
    project.ok("revision", "--autogenerate", "-m", "init", "--rev-id", A);
    project.ok("revision", "-m", "second", "--rev-id", B);
    project.ok("upgrade", "head");

    await setVersionRows(project, ["dead00000000"]);
    const unknown =
      "The database is at revision dead00000000, which no migration file defines; restore the file or run `retort stamp --purge <revision>`";
    for (const args of [["upgrade", "head"], ["downgrade", "base"], ["check"], ["revision", "--autogenerate", "-m", "x"]]) {
      await expectFailure(project, args, { code: 1, message: unknown });
    }
    await expectFailure(project, ["stamp", "head"], {
      code: 1,
      message: "The version table lists dead00000000, which no migration file defines; pass --purge to replace every row",
    });
    assert.deepEqual(project.ok("current"), ["dead00000000 (unknown revision: no migration file defines it)"]);

    await setVersionRows(project, [A, B]);
    await expectFailure(project, ["upgrade", "head"], {
      code: 1,
      message: `The version table is inconsistent: it lists ${A} and its descendant ${B}; repair it with \`retort stamp --purge <revision>\``,
    });
    await setVersionRows(project, [""]);
    await expectFailure(project, ["downgrade", "-1"], {
      code: 1,
      message: "The database is at an empty revision id '', which no migration file defines; restore the file or run `retort stamp --purge <revision>`",
    });

    // The remedy the messages name works.
    assert.deepEqual(project.ok("stamp", "--purge", "head"), [`Stamped '' -> ${B}`]);
    assert.deepEqual(project.ok("check"), ["No new upgrade operations detected."]);
  });

  test(`${dialect}: a version table whose column was renamed by hand`, async () => {
    const project = await openBadProject(dialect);
    project.ok("revision", "--autogenerate", "-m", "init", "--rev-id", A);
    project.ok("upgrade", "head");
    await project.database.query('ALTER TABLE "retort_version" RENAME COLUMN "version_num" TO "vnum"');
    const result = await expectFailure(project, ["upgrade", "head"], {
      code: 1,
      message: 'The version table retort_version has no column version_num; restore it or drop the table and `retort stamp` the current revision',
    });
    assert.doesNotMatch(result.stderr, /internal error/);
  });
}

test("postgres: unreachable server, unknown role, unknown database; the password is never printed", async () => {
  const project = await openBadProject("postgres");
  project.ok("revision", "--autogenerate", "-m", "init", "--rev-id", A);
  project.ok("upgrade", "head");
  const url = new URL(project.env.DATABASE_URL!);
  const withUser = (user: string, port: string, database: string): Record<string, string> => {
    const changed = new URL(url);
    changed.username = user;
    changed.password = PASSWORD;
    changed.port = port;
    changed.pathname = `/${database}`;
    return { DATABASE_URL: changed.toString() };
  };
  const host = url.hostname;
  const port = url.port || "5432";
  const database = project.database.url.replace(/^.*\//, "");

  assertNoPassword(
    project,
    ["upgrade", "head"],
    withUser("retort", "1", database),
    `could not connect to PostgreSQL at ${host}:1/${database}: connection refused (ECONNREFUSED)`,
  );
  assertNoPassword(
    project,
    ["current"],
    withUser("retort_no_such_role", port, database),
    `could not connect to PostgreSQL at ${host}:${port}/${database}: role "retort_no_such_role" does not exist`,
  );
  const adminUser = new URL(pgAdminUrl).username || "postgres";
  assertNoPassword(
    project,
    ["check"],
    withUser(adminUser, port, "retort_no_such_database"),
    `could not connect to PostgreSQL at ${host}:${port}/retort_no_such_database: database "retort_no_such_database" does not exist`,
  );
  await expectFailure(project, ["upgrade", "head"], {
    code: 1,
    env: withUser("retort_no_such_role", port, database),
    message: `could not connect to PostgreSQL at ${host}:${port}/${database}: role "retort_no_such_role" does not exist`,
  });

  // The password in ormconfig.ts instead of DATABASE_URL: scrubbed just the same.
  replaceFile(
    project,
    "ormconfig.ts",
    [
      'import "reflect-metadata";',
      'import { DataSource } from "typeorm";',
      'import { Author } from "./entities/author";',
      'import { Book } from "./entities/book";',
      "",
      "export default new DataSource({",
      '  type: "postgres",',
      `  host: ${JSON.stringify(host)},`,
      `  port: ${port},`,
      '  username: "retort_no_such_role",',
      `  password: ${JSON.stringify(PASSWORD)},`,
      `  database: ${JSON.stringify(database)},`,
      "  entities: [Author, Book],",
      "});",
      "",
    ].join("\n"),
  );
  assertNoPassword(project, ["upgrade", "head"], {}, `could not connect to PostgreSQL at ${host}:${port}/${database}: role "retort_no_such_role" does not exist`);
});

test("sqlite: a database path that cannot be opened, a malformed DATABASE_URL, broken project files", async () => {
  const project = await openBadProject("sqlite");
  project.ok("revision", "--autogenerate", "-m", "init", "--rev-id", A);
  project.ok("upgrade", "head");
  const fileA = `migrations/${migrationFileOf(project, A)}`;

  await expectFailure(project, ["upgrade", "head"], {
    code: 1,
    env: { DATABASE_URL: "sqlite:package.json/app.sqlite" },
    message: "could not connect to SQLite database package.json/app.sqlite: EEXIST: file already exists, mkdir 'package.json'",
  });

  const forms =
    "expected postgres://host:port/database (with user:password@ before the host), sqlite:relative/path.sqlite, sqlite:///absolute/path.sqlite or file:path";
  const malformed: readonly [string, string][] = [
    [`postgres://app:${PASSWORD}@db:notaport/app`, `DATABASE_URL is not valid (not a URL): postgres://app:***@db:notaport/app; ${forms}`],
    [`postgres://app:${PASSWORD}@/app`, `DATABASE_URL is not valid (not a URL): postgres://app:***@/app; ${forms}`],
    ["postgres:///app", `DATABASE_URL is not valid (no host): postgres:///app; ${forms}`],
    [`mysql://app:${PASSWORD}@db/app`, `DATABASE_URL is not valid (unsupported scheme "mysql:"): mysql://app:***@db/app; ${forms}`],
    ["localhost:5432/app", `DATABASE_URL is not valid (unsupported scheme "localhost:"): localhost:5432/app; ${forms}`],
    ["just words", `DATABASE_URL is not valid (no scheme): just words; ${forms}`],
    ["sqlite://data.db", `DATABASE_URL is not valid (use sqlite:relative/path or sqlite:///absolute/path): sqlite://data.db; ${forms}`],
  ];
  for (const [value, message] of malformed) {
    const result = await expectFailure(project, ["upgrade", "head"], { code: 1, env: { DATABASE_URL: value }, message });
    assert.equal(result.stderr.includes(PASSWORD), false);
    const verbose = project.cli(["current", "--verbose"], { DATABASE_URL: value });
    assert.equal(`${verbose.stdout}${verbose.stderr}`.includes(PASSWORD), false, verbose.stderr);
  }

  let restore = replaceFile(project, "entities/book.ts", 'export class Book {}\nthrow new Error("boom: the entity is broken");\n');
  for (const args of [["upgrade", "head"], ["check"], ["revision", "--autogenerate", "-m", "x"]]) {
    await expectFailure(project, args, { code: 1, message: "entities/book.ts threw while loading: Error: boom: the entity is broken" });
  }
  restore();

  const noDataSource = "ormconfig.ts does not export a DataSource (found: %s); export default new DataSource({...})";
  const configs: readonly [string, string][] = [
    ["export const answer = 42;\n", "no default export; exports: answer"],
    ['export default { type: "better-sqlite3", database: "x.sqlite" };\n', "an object with keys type, database; exports: default"],
    ["export default async () => undefined;\n", "undefined; exports: default"],
  ];
  for (const [text, found] of configs) {
    restore = replaceFile(project, "ormconfig.ts", text);
    await expectFailure(project, ["upgrade", "head"], { code: 1, message: noDataSource.replace("%s", found) });
    restore();
  }
  restore = replaceFile(project, "ormconfig.ts", 'import { DataSource } from "typeorm";\nexport default new DataSource({ type: "better-sqlite3", database: "x.sqlite"; });\n');
  await expectFailure(project, ["current"], { code: 1, message: "ormconfig.ts: SyntaxError: Expected ',', got ';' (line 2, column 77)" });
  restore();

  // A migration that fails half-way: its first statement is rolled back with it.
  project.ok("revision", "-m", "second", "--rev-id", B);
  const fileB = `migrations/${migrationFileOf(project, B)}`;
  editMigration(project, B, (text) =>
    text.replace("  // no changes\n}", '  await op.execute("CREATE TABLE half_done (a integer)");\n  throw new Error("not today");\n}'),
  );
  const failed = await expectFailure(project, ["upgrade", "head"], { code: 1, message: `upgrade ${B} (${fileB}) failed: not today; rolled back, the database stays at ${A}` });
  assert.equal(failed.stdout, "");
  assert.deepEqual(project.ok("current"), [A], `${fileA} is still the current revision`);
});
