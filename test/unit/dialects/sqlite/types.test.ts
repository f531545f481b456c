import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatSqliteType, parseSqliteType } from "../../../../src/dialects/sqlite/types";
import type { ColumnType } from "../../../../src/model/types";

const cases: [string, ColumnType][] = [
  ["integer", { kind: "integer" }],
  ["INTEGER", { kind: "integer" }],
  ["int", { kind: "integer" }],
  ["INT", { kind: "integer" }],
  ["bigint", { kind: "bigint" }],
  ["int8", { kind: "bigint" }],
  ["smallint", { kind: "smallint" }],
  ["int2", { kind: "smallint" }],
  ["boolean", { kind: "boolean" }],
  ["varchar", { kind: "varchar" }],
  ["varchar(255)", { kind: "varchar", length: 255 }],
  ["VARCHAR ( 255 )", { kind: "varchar", length: 255 }],
  ["character varying(20)", { kind: "varchar", length: 20 }],
  ["varying character(20)", { kind: "varchar", length: 20 }],
  ["nvarchar(100)", { kind: "varchar", length: 100 }],
  ["character(2)", { kind: "char", length: 2 }],
  ["char(2)", { kind: "char", length: 2 }],
  ["nchar(3)", { kind: "char", length: 3 }],
  ["native character(4)", { kind: "char", length: 4 }],
  ["character", { kind: "char" }],
  ["text", { kind: "text" }],
  ["TEXT", { kind: "text" }],
  ["clob", { kind: "text" }],
  ["decimal(10,2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["decimal(10, 2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["numeric", { kind: "numeric" }],
  ["numeric(5)", { kind: "numeric", precision: 5 }],
  ["real", { kind: "real" }],
  ["REAL", { kind: "real" }],
  ["double", { kind: "double" }],
  ["double precision", { kind: "double" }],
  ["float", { kind: "double" }],
  ["datetime", { kind: "timestamp", withTimeZone: false }],
  ["datetime(3)", { kind: "timestamp", precision: 3, withTimeZone: false }],
  ["timestamp", { kind: "timestamp", withTimeZone: false }],
  ["timestamp with time zone", { kind: "timestamp", withTimeZone: true }],
  ["date", { kind: "date" }],
  ["time", { kind: "time", withTimeZone: false }],
  ["time(6)", { kind: "time", precision: 6, withTimeZone: false }],
  ["blob", { kind: "blob" }],
  ["BLOB", { kind: "blob" }],
  ["json", { kind: "json" }],
  ["jsonb", { kind: "jsonb" }],
  ["uuid", { kind: "uuid" }],
  ["text(100)", { kind: "native", sql: "text(100)" }],
  ["float(5)", { kind: "native", sql: "float(5)" }],
  ["Unsigned  Big   INT", { kind: "native", sql: "unsigned big int" }],
  ["tinyint", { kind: "native", sql: "tinyint" }],
  ["", { kind: "native", sql: "" }],
  ["varchar array", { kind: "native", sql: "varchar array" }],
];

describe("parseSqliteType", () => {
  for (const [sql, expected] of cases) {
    it(`maps ${JSON.stringify(sql)}`, () => assert.deepEqual(parseSqliteType(sql), expected));
  }
});

describe("formatSqliteType", () => {
  it("writes TypeORM's spellings", () => {
    assert.equal(formatSqliteType({ kind: "timestamp", withTimeZone: false }), "datetime");
    assert.equal(formatSqliteType({ kind: "varchar", length: 255 }), "varchar(255)");
    assert.equal(formatSqliteType({ kind: "numeric", precision: 10, scale: 2 }), "numeric(10,2)");
    assert.equal(formatSqliteType({ kind: "char", length: 2 }), "character(2)");
    assert.equal(formatSqliteType({ kind: "inline-enum", values: ["a"] }), "varchar");
  });

  it("round-trips every canonical type parseSqliteType produces", () => {
    for (const [, type] of cases) assert.deepEqual(parseSqliteType(formatSqliteType(type)), type, JSON.stringify(type));
    const extra: ColumnType[] = [
      { kind: "time", withTimeZone: true },
      { kind: "timestamp", precision: 6, withTimeZone: true },
      { kind: "interval" },
    ];
    for (const type of extra) assert.deepEqual(parseSqliteType(formatSqliteType(type)), type);
  });

  it("formats TypeORM spellings to text SQLite reads the same way", () => {
    for (const sql of ["integer", "varchar(255)", "datetime", "boolean", "text", "blob", "double", "date", "real"]) {
      assert.equal(formatSqliteType(parseSqliteType(sql)), sql);
    }
  });

  it("hands out a new object on every call, even for a spelling it has seen (results are remembered)", () => {
    const first = parseSqliteType("varchar(40)") as { kind: string; length?: number };
    first.length = 99;
    assert.deepEqual(parseSqliteType("varchar(40)"), { kind: "varchar", length: 40 });
    assert.notEqual(parseSqliteType("numeric(10,2)"), parseSqliteType("numeric(10,2)"));
  });

  it("refuses types SQLite does not have", () => {
    assert.throws(() => formatSqliteType({ kind: "enum", name: "mood" }));
    assert.throws(() => formatSqliteType({ kind: "array", element: { kind: "integer" } }));
  });
});
