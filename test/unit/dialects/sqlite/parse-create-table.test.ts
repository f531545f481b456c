import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCreateTable } from "../../../../src/dialects/sqlite/parse-create-table";

describe("parseCreateTable", () => {
  it("reads the CREATE TABLE TypeORM's synchronize writes", () => {
    const sql =
      `CREATE TABLE "post" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "title" varchar(255) COLLATE NOCASE NOT NULL, ` +
      `"status" varchar CHECK( "status" IN ('draft','live') ) NOT NULL DEFAULT ('draft'), ` +
      `"createdAt" datetime NOT NULL DEFAULT (datetime('now')), "price" decimal(10,2), ` +
      `"slug" varchar NOT NULL AS (lower("title")) STORED, "len" integer AS (length("title")) VIRTUAL, "authorId" integer, ` +
      `CONSTRAINT "UQ_a" UNIQUE ("title", "status"), CONSTRAINT "CHK_b" CHECK ("price" > 0), ` +
      `CONSTRAINT "FK_c" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED)`;
    const table = parseCreateTable(sql);
    assert.equal(table.name, "post");
    assert.deepEqual(table.columns[0], {
      name: "id",
      type: "integer",
      notNull: true,
      checks: [],
      primaryKey: { autoincrement: true },
    });
    assert.deepEqual(table.columns[1], {
      name: "title",
      type: "varchar(255)",
      notNull: true,
      checks: [],
      collation: "NOCASE",
    });
    assert.deepEqual(table.columns[2], {
      name: "status",
      type: "varchar",
      notNull: true,
      checks: [{ expression: `"status" IN ('draft','live')` }],
      default: "('draft')",
    });
    assert.equal(table.columns[3]?.default, "(datetime('now'))");
    assert.equal(table.columns[4]?.type, "decimal(10,2)");
    assert.deepEqual(table.columns[5]?.computed, { expression: `lower("title")`, stored: true });
    assert.deepEqual(table.columns[6]?.computed, { expression: `length("title")`, stored: false });
    assert.deepEqual(table.constraints, [
      { kind: "unique", name: "UQ_a", columns: ["title", "status"] },
      { kind: "check", name: "CHK_b", expression: `"price" > 0` },
      {
        kind: "foreign-key",
        name: "FK_c",
        columns: ["authorId"],
        references: {
          table: "user",
          columns: ["id"],
          onDelete: "CASCADE",
          onUpdate: "NO ACTION",
          deferrable: "INITIALLY DEFERRED",
        },
      },
    ]);
  });

  it("reads a composite primary key and table options", () => {
    const table = parseCreateTable(
      `CREATE TABLE IF NOT EXISTS main."pair" ("a" integer NOT NULL, "b" integer NOT NULL, PRIMARY KEY ("a", "b")) WITHOUT ROWID, STRICT`,
    );
    assert.equal(table.schema, "main");
    assert.deepEqual(table.constraints, [{ kind: "primary-key", columns: ["a", "b"] }]);
    assert.equal(table.withoutRowid, true);
    assert.equal(table.strict, true);
  });

  it("copes with nasty identifiers and literals", () => {
    const sql =
      `CREATE TABLE "we ""ird"" (t), ok" ("col, (1)" varchar DEFAULT ('a''b, (c)'), [sp ace] text, \`bt\` int, "ünïcødé" text ` +
      `CHECK ("ünïcødé" <> ')'), "x" TEXT CONSTRAINT "named chk" CHECK (length("x") > (1 + (2))), ` +
      `CONSTRAINT "UQ ""q""" UNIQUE ("col, (1)", [sp ace]))`;
    const table = parseCreateTable(sql);
    assert.equal(table.name, 'we "ird" (t), ok');
    assert.deepEqual(
      table.columns.map((column) => column.name),
      ["col, (1)", "sp ace", "bt", "ünïcødé", "x"],
    );
    assert.equal(table.columns[0]?.default, "('a''b, (c)')");
    assert.deepEqual(table.columns[3]?.checks, [{ expression: `"ünïcødé" <> ')'` }]);
    assert.deepEqual(table.columns[4]?.checks, [{ name: "named chk", expression: `length("x") > (1 + (2))` }]);
    assert.deepEqual(table.constraints, [{ kind: "unique", name: 'UQ "q"', columns: ["col, (1)", "sp ace"] }]);
  });

  it("reads column-level references, uniques, plain defaults and conflict clauses", () => {
    const table = parseCreateTable(
      `CREATE TABLE t (id INTEGER PRIMARY KEY DESC ON CONFLICT ROLLBACK, ` +
        `u TEXT CONSTRAINT u_key UNIQUE ON CONFLICT IGNORE NULL, ` +
        `p INT REFERENCES parent ON DELETE SET NULL MATCH FULL DEFERRABLE, ` +
        `q INT CONSTRAINT q_fk REFERENCES "parent" ("k") NOT DEFERRABLE INITIALLY DEFERRED, ` +
        `d1 INT DEFAULT -5, d2 TEXT DEFAULT CURRENT_TIMESTAMP, d3 TEXT DEFAULT 'x', d4 REAL DEFAULT +1.5, noType, ` +
        `g GENERATED ALWAYS AS (p + 1))`,
    );
    const [id, u, p, q, d1, d2, d3, d4, noType, g] = table.columns;
    assert.deepEqual(id?.primaryKey, { autoincrement: false });
    assert.equal(id?.type, "INTEGER");
    assert.deepEqual(u?.unique, { name: "u_key" });
    assert.equal(u?.notNull, false);
    assert.deepEqual(p?.references, {
      table: "parent",
      columns: [],
      onDelete: "SET NULL",
      deferrable: "INITIALLY IMMEDIATE",
    });
    assert.deepEqual(q?.references, { name: "q_fk", table: "parent", columns: ["k"] });
    assert.deepEqual(
      [d1, d2, d3, d4].map((column) => column?.default),
      ["-5", "CURRENT_TIMESTAMP", "'x'", "+1.5"],
    );
    assert.equal(noType?.type, "");
    assert.deepEqual(g?.computed, { expression: "p + 1", stored: false });
    assert.equal(g?.type, "");
  });

  it("keeps multi-word and parenthesised declared types", () => {
    const table = parseCreateTable(
      `CREATE TABLE t (a double precision NOT NULL, b character varying ( 20 ), c unsigned big int)`,
    );
    assert.deepEqual(
      table.columns.map((column) => column.type),
      ["double precision", "character varying ( 20 )", "unsigned big int"],
    );
  });

  it("fails loudly on text it cannot read", () => {
    assert.throws(() => parseCreateTable(`CREATE TABLE t (a int CHECK (a > 0)`), /unbalanced/);
    assert.throws(() => parseCreateTable(`CREATE TABLE t (a int NOT NULL FROBNICATE)`), /unknown column constraint/);
  });
});
