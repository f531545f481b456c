import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Row } from "../../../../src/dialects/dialect";
import { buildSqliteModel } from "../../../../src/dialects/sqlite/parse-catalog";

const childSql =
  `CREATE TABLE "child" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "parentId" integer REFERENCES "parent", ` +
  `"code" text UNIQUE, "n" int CHECK (n > 0), "flag" varchar CHECK( "flag" IN ('on','off') ) DEFAULT ('on'), ` +
  `"dup" text DEFAULT NULL, CHECK ("code" <> ''), UNIQUE ("n", "flag"))`;
const parentSql = `CREATE TABLE "parent" ("a" integer NOT NULL, "b" integer NOT NULL, PRIMARY KEY ("b", "a"))`;

function column(table: string, sql: string, cid: number, name: string, type: string, extra: Partial<Row> = {}): Row {
  return {
    table_name: table,
    table_sql: sql,
    cid,
    column_name: name,
    column_type: type,
    not_null: 0,
    default_value: null,
    pk: 0,
    hidden: 0,
    ...extra,
  };
}

/** Rows shaped as the four introspection queries return them (captured from SQLite 3.53). */
const rows = {
  columns: [
    column("child", childSql, 0, "id", "INTEGER", { not_null: 1, pk: 1 }),
    column("child", childSql, 1, "parentId", "INTEGER"),
    column("child", childSql, 2, "code", "TEXT"),
    column("child", childSql, 3, "n", "INT"),
    column("child", childSql, 4, "flag", "varchar", { default_value: "'on'" }),
    column("child", childSql, 5, "dup", "TEXT", { default_value: "NULL" }),
    column("parent", parentSql, 0, "a", "INTEGER", { not_null: 1, pk: 2 }),
    column("parent", parentSql, 1, "b", "INTEGER", { not_null: 1, pk: 1 }),
  ],
  indexes: [
    {
      table_name: "child",
      index_name: "sqlite_autoindex_child_2",
      is_unique: 1,
      origin: "u",
      seqno: 1,
      cid: 4,
      column_name: "flag",
      index_sql: null,
    },
    {
      table_name: "child",
      index_name: "sqlite_autoindex_child_2",
      is_unique: 1,
      origin: "u",
      seqno: 0,
      cid: 3,
      column_name: "n",
      index_sql: null,
    },
    {
      table_name: "child",
      index_name: "sqlite_autoindex_child_1",
      is_unique: 1,
      origin: "u",
      seqno: 0,
      cid: 2,
      column_name: "code",
      index_sql: null,
    },
    {
      table_name: "child",
      index_name: "ix_expr",
      is_unique: 0,
      origin: "c",
      seqno: 0,
      cid: -2,
      column_name: null,
      index_sql: `CREATE INDEX ix_expr ON child (lower( "code" ), n) WHERE (n  >  1)`,
    },
    {
      table_name: "child",
      index_name: "ix_expr",
      is_unique: 0,
      origin: "c",
      seqno: 1,
      cid: 3,
      column_name: "n",
      index_sql: `CREATE INDEX ix_expr ON child (lower( "code" ), n) WHERE (n  >  1)`,
    },
    {
      table_name: "parent",
      index_name: "sqlite_autoindex_parent_1",
      is_unique: 1,
      origin: "pk",
      seqno: 0,
      cid: 1,
      column_name: "b",
      index_sql: null,
    },
  ],
  foreignKeys: [
    {
      table_name: "child",
      id: 0,
      seq: 0,
      referenced_table: "parent",
      from_column: "parentId",
      to_column: null,
      on_update: "NO ACTION",
      on_delete: "NO ACTION",
    },
  ],
  views: [{ view_name: "v", view_sql: `CREATE VIEW "v" AS SELECT  "id"\nFROM "child";` }],
};

describe("buildSqliteModel", () => {
  const model = buildSqliteModel(rows);
  const child = model.tables.find((table) => table.name === "child");
  const parent = model.tables.find((table) => table.name === "parent");

  it("orders tables and keeps columns in declared order", () => {
    assert.deepEqual(
      model.tables.map((table) => table.name),
      ["child", "parent"],
    );
    assert.deepEqual(
      child?.columns.map((c) => c.name),
      ["id", "parentId", "code", "n", "flag", "dup"],
    );
  });

  it("reads identity, inline enums, defaults and drops a NULL default", () => {
    assert.deepEqual(child?.columns[0], {
      name: "id",
      type: { kind: "integer" },
      nullable: false,
      identity: "increment",
    });
    assert.deepEqual(child?.columns[4], {
      name: "flag",
      type: { kind: "inline-enum", values: ["on", "off"] },
      nullable: true,
      default: "'on'",
    });
    assert.deepEqual(child?.columns[5], { name: "dup", type: { kind: "text" }, nullable: true });
  });

  it("puts the primary key in key order without a name", () => {
    assert.deepEqual(parent?.primaryKey, { columns: ["b", "a"] });
    assert.deepEqual(parent?.indexes, []);
  });

  it("names unnamed uniques and checks, and leaves the enum check out", () => {
    assert.deepEqual(child?.uniques, [
      { name: "child_code_key", columns: ["code"] },
      { name: "child_n_flag_key", columns: ["n", "flag"] },
    ]);
    assert.deepEqual(child?.checks, [
      { name: "child_check_1", expression: "n > 0" },
      { name: "child_check_2", expression: `"code" <> ''` },
    ]);
  });

  it("reads expression index items and partial predicates from the text", () => {
    assert.deepEqual(child?.indexes, [
      { name: "ix_expr", columns: [`lower("code")`, "n"], unique: false, where: "n > 1" },
    ]);
  });

  it("resolves a reference without columns to the parent's primary key", () => {
    assert.deepEqual(child?.foreignKeys, [
      {
        name: "child_parentId_fkey",
        columns: ["parentId"],
        referencedTable: "parent",
        referencedColumns: ["b", "a"],
        onDelete: "NO ACTION",
        onUpdate: "NO ACTION",
      },
    ]);
  });

  it("normalises view definitions", () => {
    assert.deepEqual(model.views, [{ name: "v", definition: `SELECT "id" FROM "child"`, materialized: false }]);
  });

  it("fails loudly on a malformed row", () => {
    assert.throws(() => buildSqliteModel({ ...rows, columns: [{ ...rows.columns[0], not_null: "yes" }] }), /integer/);
  });
});
