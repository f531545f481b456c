import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emitSqlite, sqliteNeedsForeignKeysOff } from "../../../../src/dialects/sqlite/emit";
import { viewsReading } from "../../../../src/dialects/sqlite/rebuild";
import { emptyModel, type SchemaModel, type TableModel } from "../../../../src/model/types";
import { applyAll } from "../../../../src/ops";
import type { Operation } from "../../../../src/ops/types";
import { RetortError } from "../../../../src/util/errors";
import { col, fk, index, opt, t, table } from "./build";

const users: TableModel = table(
  "users",
  [
    col("id", t.int, { identity: "increment" }),
    col("email", t.varchar(255), { collation: "NOCASE" }),
    opt("bio", t.text, { comment: "dropped on SQLite" }),
    col("role", t.inlineEnum("a", "b"), { default: "'a'" }),
    opt("bio_len", t.int, { computed: { expression: "length(bio)", stored: false } }),
  ],
  {
    primaryKey: { columns: ["id"] },
    uniques: [{ name: "UQ_email", columns: ["email"] }],
    checks: [{ name: "CHK_id", expression: "id > 0" }],
    indexes: [index("IDX_bio", ["bio"], { where: "bio IS NOT NULL" })],
    comment: "dropped on SQLite",
  },
);
const posts: TableModel = table("posts", [col("id", t.int), opt("user_id", t.int), opt("n", t.int)], {
  primaryKey: { columns: ["id"] },
  foreignKeys: [fk("FK_user", ["user_id"], "users", ["id"], { onDelete: "CASCADE", deferrable: "INITIALLY DEFERRED" })],
});
const model: SchemaModel = applyAll(emptyModel, [
  { kind: "createTable", table: users },
  { kind: "createTable", table: posts },
  { kind: "createView", view: { name: "v1", definition: 'SELECT "id" FROM "users"', materialized: false } },
  { kind: "createView", view: { name: "v2", definition: "SELECT id FROM v1", materialized: false } },
  { kind: "createView", view: { name: "other", definition: "SELECT 1", materialized: false } },
]);
const sql = (op: Operation, before = model): string[] => emitSqlite(op, before).map((s) => s.sql);

describe("emitSqlite", () => {
  test("createTable: keys, uniques, checks, inline enum and foreign keys inside CREATE TABLE, then indexes", () => {
    assert.deepEqual(sql({ kind: "createTable", table: users }, emptyModel), [
      'CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL COLLATE "NOCASE", ' +
        `"bio" text, "role" varchar CHECK( "role" IN ('a','b') ) NOT NULL DEFAULT ('a'), ` +
        '"bio_len" integer GENERATED ALWAYS AS (length(bio)) VIRTUAL, ' +
        'CONSTRAINT "UQ_email" UNIQUE ("email"), CONSTRAINT "CHK_id" CHECK (id > 0))',
      'CREATE INDEX "IDX_bio" ON "users" ("bio") WHERE bio IS NOT NULL',
    ]);
    assert.deepEqual(sql({ kind: "createTable", table: posts }, emptyModel), [
      'CREATE TABLE "posts" ("id" integer NOT NULL, "user_id" integer, "n" integer, PRIMARY KEY ("id"), ' +
        'CONSTRAINT "FK_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED)',
    ]);
  });

  test("a rebuild: temporary table, copy, counter, drop, rename, indexes; views reading the table around it", () => {
    const op: Operation = { kind: "dropColumn", table: "users", column: users.columns[3]! };
    assert.equal(sqliteNeedsForeignKeysOff(op, model), true);
    assert.deepEqual(sql(op), [
      'DROP VIEW "v1"',
      'DROP VIEW "v2"',
      'CREATE TABLE "__retort_tmp_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL COLLATE "NOCASE", ' +
        '"bio" text, "bio_len" integer GENERATED ALWAYS AS (length(bio)) VIRTUAL, CONSTRAINT "UQ_email" UNIQUE ("email"), CONSTRAINT "CHK_id" CHECK (id > 0))',
      'INSERT INTO "__retort_tmp_users" ("id", "email", "bio") SELECT "id", "email", "bio" FROM "users"',
      `DELETE FROM "sqlite_sequence" WHERE "name" = '__retort_tmp_users'`,
      `INSERT INTO "sqlite_sequence" ("name", "seq") SELECT '__retort_tmp_users', "seq" FROM "sqlite_sequence" WHERE "name" = 'users'`,
      'DROP TABLE "users"',
      'ALTER TABLE "__retort_tmp_users" RENAME TO "users"',
      'CREATE INDEX "IDX_bio" ON "users" ("bio") WHERE bio IS NOT NULL',
      'CREATE VIEW "v1" AS SELECT "id" FROM "users"',
      'CREATE VIEW "v2" AS SELECT id FROM v1',
    ]);
  });

  test("alterColumn: NULL → NOT NULL with a default copies through COALESCE; `using` converts", () => {
    const to = col("n", t.int, { default: "0" });
    const statements = sql({ kind: "alterColumn", table: "posts", from: posts.columns[2]!, to, using: '"n" * 10' });
    assert.ok(
      statements.includes(
        'INSERT INTO "__retort_tmp_posts" ("id", "user_id", "n") SELECT "id", "user_id", COALESCE("n" * 10, 0) FROM "posts"',
      ),
      statements.join("\n"),
    );
  });

  test("alterColumn that only changes a comment is a no-op; renames and indexes are in place", () => {
    const op: Operation = { kind: "alterColumn", table: "users", from: users.columns[2]!, to: opt("bio", t.text) };
    assert.deepEqual(sql(op), []);
    assert.equal(sqliteNeedsForeignKeysOff(op, model), false);
    assert.deepEqual(sql({ kind: "renameColumn", table: "users", from: "bio", to: "about" }), [
      'ALTER TABLE "users" RENAME COLUMN "bio" TO "about"',
    ]);
    assert.deepEqual(sql({ kind: "renameTable", from: "users", to: "people" }), [
      'ALTER TABLE "users" RENAME TO "people"',
    ]);
    assert.deepEqual(sql({ kind: "dropIndex", table: "users", index: users.indexes[0]! }), ['DROP INDEX "IDX_bio"']);
    assert.deepEqual(sql({ kind: "setTableComment", table: "users", to: "x" }), []);
  });

  test("addColumn: ALTER TABLE ADD COLUMN when SQLite allows it, otherwise a rebuild", () => {
    const add = (column: ReturnType<typeof col>): Operation => ({ kind: "addColumn", table: "posts", column });
    assert.deepEqual(sql(add(opt("x", t.text))), ['ALTER TABLE "posts" ADD COLUMN "x" text']);
    assert.deepEqual(sql(add(col("x", t.int, { default: "-1.5" }))), [
      'ALTER TABLE "posts" ADD COLUMN "x" integer NOT NULL DEFAULT (-1.5)',
    ]);
    assert.deepEqual(sql(add(col("x", t.text, { default: "'it''s'" }))), [
      `ALTER TABLE "posts" ADD COLUMN "x" text NOT NULL DEFAULT ('it''s')`,
    ]);
    for (const column of [
      col("x", t.int),
      col("x", t.timestamptz, { default: "CURRENT_TIMESTAMP" }),
      opt("x", t.int, { computed: { expression: "n + 1", stored: true } }),
    ]) {
      assert.equal(sqliteNeedsForeignKeysOff(add(column), model), true, JSON.stringify(column));
      assert.match(sql(add(column))[0]!, /^CREATE TABLE "__retort_tmp_posts"/);
    }
  });

  test("every constraint change rebuilds", () => {
    const ops: Operation[] = [
      { kind: "createUnique", table: "posts", unique: { name: "U", columns: ["n"] } },
      { kind: "dropForeignKey", table: "posts", foreignKey: posts.foreignKeys[0]! },
      { kind: "createCheck", table: "posts", check: { name: "C", expression: "n > 0" } },
      { kind: "dropPrimaryKey", table: "posts", primaryKey: posts.primaryKey! },
    ];
    for (const op of ops) {
      assert.equal(sqliteNeedsForeignKeysOff(op, model), true, op.kind);
      assert.equal(
        sql(op).filter((s) => s.startsWith('ALTER TABLE "__retort_tmp_posts" RENAME TO "posts"')).length,
        1,
        op.kind,
      );
    }
  });

  test("what SQLite cannot honour throws a RetortError", () => {
    const cannot: Operation[] = [
      { kind: "createEnum", enumType: { name: "e", values: ["a"] } },
      { kind: "alterEnum", name: "e", from: ["a"], to: ["b"], usedBy: [] },
      { kind: "createExclusion", table: "posts", exclusion: { name: "x", expression: "USING gist(n WITH =)" } },
      { kind: "createView", view: { name: "m", definition: "SELECT 1", materialized: true } },
      { kind: "createTable", table: table("s", [col("id", t.int, { identity: "always" })]) },
      { kind: "createTable", table: table("s", [col("id", t.int, { identity: "increment" })]) },
      { kind: "createTable", table: { ...table("s", [col("id", t.int)]), schema: "other" } },
      { kind: "createIndex", table: "posts", index: index("g", ["n"], { spatial: true }) },
    ];
    for (const op of cannot) assert.throws(() => sql(op), RetortError, op.kind);
  });

  test("viewsReading follows views that read views, matching quoted and bare names case-insensitively", () => {
    assert.deepEqual(
      viewsReading(model.views, "USERS").map((v) => v.name),
      ["v1", "v2"],
    );
    assert.deepEqual(viewsReading(model.views, "posts"), []);
  });
});
