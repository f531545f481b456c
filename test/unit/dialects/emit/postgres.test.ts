import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emitPostgres, postgresAddsEnumValues } from "../../../../src/dialects/postgres/emit";
import { emptyModel, type TableModel } from "../../../../src/model/types";
import { applyAll } from "../../../../src/ops";
import type { Operation } from "../../../../src/ops/types";
import { RetortError } from "../../../../src/util/errors";
import { col, fk, index, opt, t, table } from "./build";

const sql = (op: Operation, before = emptyModel): string[] => emitPostgres(op, before).map((s) => s.sql);

const users: TableModel = table(
  "users",
  [
    col("id", t.int, { identity: "increment" }),
    col("seq", t.bigint, { identity: "always" }),
    col("email", t.varchar(255), { collation: "C" }),
    opt("bio", t.text, { comment: "About" }),
    col("role", t.enumRef("role"), { default: "'a'" }),
    opt("bio_upper", t.text, { computed: { expression: "upper(bio)", stored: true } }),
    opt("boss_id", t.int),
  ],
  {
    primaryKey: { name: "PK_users", columns: ["id"] },
    uniques: [{ name: "UQ_email", columns: ["email"] }],
    checks: [{ name: "CHK_id", expression: "id > 0" }],
    exclusions: [{ name: "XCL_x", expression: "USING gist(bio WITH =)" }],
    foreignKeys: [
      fk("FK_boss", ["boss_id"], "users", ["id"], { onDelete: "SET NULL", deferrable: "INITIALLY DEFERRED" }),
    ],
    indexes: [
      index("IDX_bio", ["bio"], { where: "bio IS NOT NULL" }),
      index("IDX_lower", ["email", "lower(bio)"], { unique: true }),
      index("IDX_geo", ["bio"], { spatial: true }),
    ],
    comment: "People",
  },
);

describe("emitPostgres", () => {
  test("createTable: one CREATE TABLE with everything inline, then indexes and comments", () => {
    assert.deepEqual(sql({ kind: "createTable", table: users }), [
      'CREATE TABLE "users" ("id" serial NOT NULL, "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, ' +
        '"email" character varying(255) COLLATE "C" NOT NULL, "bio" text, "role" "role" NOT NULL DEFAULT \'a\', ' +
        '"bio_upper" text GENERATED ALWAYS AS (upper(bio)) STORED, "boss_id" integer, ' +
        'CONSTRAINT "PK_users" PRIMARY KEY ("id"), CONSTRAINT "UQ_email" UNIQUE ("email"), ' +
        'CONSTRAINT "CHK_id" CHECK (id > 0), CONSTRAINT "XCL_x" EXCLUDE USING gist(bio WITH =), ' +
        'CONSTRAINT "FK_boss" FOREIGN KEY ("boss_id") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED)',
      'CREATE INDEX "IDX_bio" ON "users" ("bio") WHERE bio IS NOT NULL',
      'CREATE UNIQUE INDEX "IDX_lower" ON "users" ("email", (lower(bio)))',
      'CREATE INDEX "IDX_geo" ON "users" USING gist ("bio")',
      `COMMENT ON TABLE "users" IS 'People'`,
      `COMMENT ON COLUMN "users"."bio" IS 'About'`,
    ]);
  });

  test("table operations in another schema are qualified", () => {
    assert.deepEqual(sql({ kind: "renameTable", schema: "app", from: "a", to: "b" }), [
      'ALTER TABLE "app"."a" RENAME TO "b"',
    ]);
    assert.deepEqual(sql({ kind: "dropIndex", schema: "app", table: "a", index: index("i", ["x"]) }), [
      'DROP INDEX "app"."i"',
    ]);
    assert.deepEqual(
      sql({
        kind: "createForeignKey",
        schema: "app",
        table: "a",
        foreignKey: fk("f", ["x"], "b", ["id"], { referencedSchema: "other" }),
      }),
      [
        'ALTER TABLE "app"."a" ADD CONSTRAINT "f" FOREIGN KEY ("x") REFERENCES "other"."b" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
      ],
    );
  });

  test("columns: add, drop, rename", () => {
    assert.deepEqual(
      sql({ kind: "addColumn", table: "u", column: col("n", t.int, { default: "'0'", comment: "N" }) }),
      [`ALTER TABLE "u" ADD COLUMN "n" integer NOT NULL DEFAULT '0'`, `COMMENT ON COLUMN "u"."n" IS 'N'`],
    );
    assert.deepEqual(sql({ kind: "dropColumn", table: "u", column: col("n", t.int) }), [
      'ALTER TABLE "u" DROP COLUMN "n"',
    ]);
    assert.deepEqual(sql({ kind: "renameColumn", table: "u", from: "a", to: "b" }), [
      'ALTER TABLE "u" RENAME COLUMN "a" TO "b"',
    ]);
  });

  test("alterColumn: old default dropped before the type change, new one set after", () => {
    assert.deepEqual(
      sql({
        kind: "alterColumn",
        table: "u",
        from: col("n", t.int, { default: "'1'" }),
        to: opt("n", t.bigint, { default: "'2'", comment: "x" }),
      }),
      [
        'ALTER TABLE "u" ALTER COLUMN "n" DROP DEFAULT',
        'ALTER TABLE "u" ALTER COLUMN "n" TYPE bigint USING "n"::bigint',
        'ALTER TABLE "u" ALTER COLUMN "n" DROP NOT NULL',
        `ALTER TABLE "u" ALTER COLUMN "n" SET DEFAULT '2'`,
        `COMMENT ON COLUMN "u"."n" IS 'x'`,
      ],
    );
  });

  test("alterColumn: a hand-written USING wins; a collation-only change has no USING", () => {
    assert.deepEqual(
      sql({ kind: "alterColumn", table: "u", from: opt("n", t.text), to: opt("n", t.int), using: "length(n)" }),
      ['ALTER TABLE "u" ALTER COLUMN "n" TYPE integer USING length(n)'],
    );
    assert.deepEqual(
      sql({ kind: "alterColumn", table: "u", from: opt("n", t.text, { collation: "C" }), to: opt("n", t.text) }),
      ['ALTER TABLE "u" ALTER COLUMN "n" TYPE text COLLATE "default"'],
    );
  });

  test("alterColumn: identity and serial changes", () => {
    const alter = (from: ReturnType<typeof col>, to: ReturnType<typeof col>): string[] =>
      sql({ kind: "alterColumn", table: "u", from, to });
    assert.deepEqual(alter(col("n", t.int, { identity: "increment" }), col("n", t.int)), [
      'ALTER TABLE "u" ALTER COLUMN "n" DROP DEFAULT',
      `DO 'BEGIN EXECUTE ''DROP SEQUENCE '' || pg_get_serial_sequence(''"u"'', ''n''); END'`,
    ]);
    assert.deepEqual(alter(col("n", t.int), col("n", t.int, { identity: "increment" })), [
      'CREATE SEQUENCE "u_n_seq" AS integer OWNED BY "u"."n"',
      `ALTER TABLE "u" ALTER COLUMN "n" SET DEFAULT nextval('"u_n_seq"'::regclass)`,
      `SELECT setval(pg_get_serial_sequence('"u"', 'n'), COALESCE(MAX("n"), 0) + 1, false) FROM "u"`,
    ]);
    assert.deepEqual(alter(opt("n", t.int), col("n", t.int, { identity: "always" })), [
      'ALTER TABLE "u" ALTER COLUMN "n" SET NOT NULL',
      'ALTER TABLE "u" ALTER COLUMN "n" ADD GENERATED ALWAYS AS IDENTITY',
      `SELECT setval(pg_get_serial_sequence('"u"', 'n'), COALESCE(MAX("n"), 0) + 1, false) FROM "u"`,
    ]);
    assert.deepEqual(alter(col("n", t.int, { identity: "always" }), col("n", t.int, { identity: "by-default" })), [
      'ALTER TABLE "u" ALTER COLUMN "n" SET GENERATED BY DEFAULT',
    ]);
    assert.deepEqual(alter(col("n", t.int, { identity: "always" }), col("n", t.int)), [
      'ALTER TABLE "u" ALTER COLUMN "n" DROP IDENTITY',
    ]);
  });

  test("alterColumn: computed columns", () => {
    const computed = (expression: string): ReturnType<typeof opt> =>
      opt("c", t.text, { computed: { expression, stored: true } });
    assert.deepEqual(sql({ kind: "alterColumn", table: "u", from: computed("upper(a)"), to: computed("lower(a)") }), [
      'ALTER TABLE "u" DROP COLUMN "c"',
      'ALTER TABLE "u" ADD COLUMN "c" text GENERATED ALWAYS AS (lower(a)) STORED',
    ]);
    assert.deepEqual(sql({ kind: "alterColumn", table: "u", from: computed("upper(a)"), to: opt("c", t.text) }), [
      'ALTER TABLE "u" ALTER COLUMN "c" DROP EXPRESSION',
    ]);
    assert.throws(
      () =>
        sql({
          kind: "addColumn",
          table: "u",
          column: opt("c", t.text, { computed: { expression: "a", stored: false } }),
        }),
      RetortError,
    );
  });

  test("constraints, primary keys, comments", () => {
    assert.deepEqual(sql({ kind: "createUnique", table: "u", unique: { name: "UQ", columns: ["a", "b"] } }), [
      'ALTER TABLE "u" ADD CONSTRAINT "UQ" UNIQUE ("a", "b")',
    ]);
    assert.deepEqual(sql({ kind: "dropUnique", table: "u", unique: { name: "UQ", columns: ["a"] } }), [
      'ALTER TABLE "u" DROP CONSTRAINT "UQ"',
    ]);
    assert.deepEqual(sql({ kind: "createCheck", table: "u", check: { name: "C", expression: "a > 1" } }), [
      'ALTER TABLE "u" ADD CONSTRAINT "C" CHECK (a > 1)',
    ]);
    assert.deepEqual(
      sql({ kind: "createExclusion", table: "u", exclusion: { name: "X", expression: "USING gist(r WITH &&)" } }),
      ['ALTER TABLE "u" ADD CONSTRAINT "X" EXCLUDE USING gist(r WITH &&)'],
    );
    assert.deepEqual(sql({ kind: "dropPrimaryKey", table: "u", primaryKey: { columns: ["id"] } }), [
      'ALTER TABLE "u" DROP CONSTRAINT "u_pkey"',
    ]);
    assert.deepEqual(sql({ kind: "setTableComment", table: "u", from: "old" }), ['COMMENT ON TABLE "u" IS NULL']);
  });

  test("alterEnum: insertions use ADD VALUE with BEFORE/AFTER", () => {
    const op: Operation = {
      kind: "alterEnum",
      name: "mood",
      from: ["b", "d"],
      to: ["a", "b", "c", "d", "e"],
      usedBy: [],
    };
    assert.equal(postgresAddsEnumValues(op), true);
    assert.deepEqual(sql(op), [
      `ALTER TYPE "mood" ADD VALUE 'a' BEFORE 'b'`,
      `ALTER TYPE "mood" ADD VALUE 'c' AFTER 'b'`,
      `ALTER TYPE "mood" ADD VALUE 'e'`,
    ]);
  });

  test("alterEnum: a pure relabel uses RENAME VALUE", () => {
    const op: Operation = { kind: "alterEnum", name: "mood", from: ["a", "b"], to: ["a", "c"], usedBy: [] };
    assert.equal(postgresAddsEnumValues(op), false);
    assert.deepEqual(sql(op), [`ALTER TYPE "mood" RENAME VALUE 'b' TO 'c'`]);
  });

  test("alterEnum: anything else re-creates the type and re-types its columns through text", () => {
    const usedBy = [
      { table: "p", column: col("m", t.enumRef("mood"), { default: "'b'" }) },
      { schema: "app", table: "q", column: opt("ms", { kind: "array", element: t.enumRef("mood") }) },
    ];
    assert.deepEqual(sql({ kind: "alterEnum", name: "mood", from: ["b", "d"], to: ["d", "b"], usedBy }), [
      'ALTER TYPE "mood" RENAME TO "mood__retort_old"',
      `CREATE TYPE "mood" AS ENUM ('d', 'b')`,
      'ALTER TABLE "p" ALTER COLUMN "m" DROP DEFAULT',
      'ALTER TABLE "p" ALTER COLUMN "m" TYPE "mood" USING "m"::text::"mood"',
      `ALTER TABLE "p" ALTER COLUMN "m" SET DEFAULT 'b'`,
      'ALTER TABLE "app"."q" ALTER COLUMN "ms" TYPE "mood"[] USING "ms"::text[]::"mood"[]',
      'DROP TYPE "mood__retort_old"',
    ]);
  });

  test("views, materialized views and execute", () => {
    const view = { name: "v", definition: "SELECT 1", materialized: true };
    assert.deepEqual(sql({ kind: "createView", view }), ['CREATE MATERIALIZED VIEW "v" AS SELECT 1']);
    assert.deepEqual(sql({ kind: "dropView", view: { ...view, materialized: false } }), ['DROP VIEW "v"']);
    assert.deepEqual(emitPostgres({ kind: "execute", sql: "SELECT $1", params: [1] }, emptyModel), [
      { sql: "SELECT $1", params: [1] },
    ]);
    assert.deepEqual(emitPostgres({ kind: "execute", sql: "SELECT 1" }, emptyModel), [{ sql: "SELECT 1" }]);
  });

  test("index items: columns of the table are quoted, other items are expressions", () => {
    const before = applyAll(emptyModel, [{ kind: "createTable", table: table("u", [col("a b", t.text)]) }]);
    assert.deepEqual(sql({ kind: "createIndex", table: "u", index: index("i", ["a b", 'lower("a b")']) }, before), [
      'CREATE INDEX "i" ON "u" ("a b", (lower("a b")))',
    ]);
  });
});
