import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import type { ColumnType } from "../../../../src/model/types";
import { formatType, parseType } from "../../../../src/dialects/postgres/types";

const int: ColumnType = { kind: "integer" };

/** Spellings, TypeORM's and the catalog's, and the canonical type each must parse to. */
const cases: readonly (readonly [string, ColumnType])[] = [
  ["character varying(255)", { kind: "varchar", length: 255 }],
  ["varchar(255)", { kind: "varchar", length: 255 }],
  ["VARCHAR( 255 )", { kind: "varchar", length: 255 }],
  ["character varying", { kind: "varchar" }],
  ["varchar", { kind: "varchar" }],
  ["int4", int],
  ["int", int],
  ["integer", int],
  ["serial", int],
  ["INTEGER", int],
  ["int8", { kind: "bigint" }],
  ["bigint", { kind: "bigint" }],
  ["bigserial", { kind: "bigint" }],
  ["smallint", { kind: "smallint" }],
  ["int2", { kind: "smallint" }],
  ["smallserial", { kind: "smallint" }],
  ["numeric(10,2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["decimal(10,2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["numeric(10, 2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["numeric(10)", { kind: "numeric", precision: 10, scale: 0 }],
  ["numeric(10,0)", { kind: "numeric", precision: 10, scale: 0 }],
  ["numeric", { kind: "numeric" }],
  ["decimal", { kind: "numeric" }],
  ["boolean", { kind: "boolean" }],
  ["bool", { kind: "boolean" }],
  ["text", { kind: "text" }],
  ["uuid", { kind: "uuid" }],
  ["json", { kind: "json" }],
  ["jsonb", { kind: "jsonb" }],
  ["bytea", { kind: "blob" }],
  ["date", { kind: "date" }],
  ["time", { kind: "time", withTimeZone: false }],
  ["time without time zone", { kind: "time", withTimeZone: false }],
  ["TIME(3)", { kind: "time", precision: 3, withTimeZone: false }],
  ["time(3) without time zone", { kind: "time", precision: 3, withTimeZone: false }],
  ["time(3) with time zone", { kind: "time", precision: 3, withTimeZone: true }],
  ["TIME(3) WITH TIME ZONE", { kind: "time", precision: 3, withTimeZone: true }],
  ["timetz", { kind: "time", withTimeZone: true }],
  ["time with time zone", { kind: "time", withTimeZone: true }],
  ["timestamp", { kind: "timestamp", withTimeZone: false }],
  ["TIMESTAMP", { kind: "timestamp", withTimeZone: false }],
  ["timestamp without time zone", { kind: "timestamp", withTimeZone: false }],
  ["timestamp(6) with time zone", { kind: "timestamp", precision: 6, withTimeZone: true }],
  ["timestamp with time zone", { kind: "timestamp", withTimeZone: true }],
  ["timestamptz", { kind: "timestamp", withTimeZone: true }],
  ["timestamptz(3)", { kind: "timestamp", precision: 3, withTimeZone: true }],
  ["timestamp(0) without time zone", { kind: "timestamp", precision: 0, withTimeZone: false }],
  ["double precision", { kind: "double" }],
  ["float8", { kind: "double" }],
  ["float", { kind: "double" }],
  ["float(53)", { kind: "double" }],
  ["float(10)", { kind: "real" }],
  ["real", { kind: "real" }],
  ["float4", { kind: "real" }],
  ["interval", { kind: "interval" }],
  ["character(2)", { kind: "char", length: 2 }],
  ["char(2)", { kind: "char", length: 2 }],
  ["char", { kind: "char", length: 1 }],
  ["character", { kind: "char", length: 1 }],
  ["character(1)", { kind: "char", length: 1 }],
  ["bpchar", { kind: "char" }],
  ["integer[]", { kind: "array", element: int }],
  ["int4[]", { kind: "array", element: int }],
  ["integer array", { kind: "array", element: int }],
  ["integer[][]", { kind: "array", element: int }],
  ["integer[3]", { kind: "array", element: int }],
  ["character varying(50)[]", { kind: "array", element: { kind: "varchar", length: 50 } }],
  ["varchar(50) array", { kind: "array", element: { kind: "varchar", length: 50 } }],
  ["text array", { kind: "array", element: { kind: "text" } }],
  ["text ARRAY", { kind: "array", element: { kind: "text" } }],
  [
    "timestamp(3) with time zone[]",
    { kind: "array", element: { kind: "timestamp", precision: 3, withTimeZone: true } },
  ],
  ["point", { kind: "native", sql: "point" }],
  ["geometry", { kind: "native", sql: "geometry" }],
  ["geometry(Point,4326)", { kind: "native", sql: "geometry(point,4326)" }],
  ["geometry(Point, 4326)", { kind: "native", sql: "geometry(point,4326)" }],
  ["TSVECTOR", { kind: "native", sql: "tsvector" }],
  ["bit", { kind: "native", sql: "bit(1)" }],
  ["varbit", { kind: "native", sql: "bit varying" }],
  ["varbit(5)", { kind: "native", sql: "bit varying(5)" }],
  ["interval day to   second", { kind: "native", sql: "interval day to second" }],
  ["interval(3)", { kind: "native", sql: "interval(3)" }],
  ["int4range", { kind: "native", sql: "int4range" }],
  ["citext", { kind: "native", sql: "citext" }],
  ["simple-array", { kind: "text" }],
  ["simple-json", { kind: "text" }],
];

describe("postgres parseType", () => {
  for (const [spelling, expected] of cases) {
    test(`${spelling}`, () => assert.deepEqual(parseType(spelling), expected));
  }
  test("keeps the case of quoted parts of unknown types", () => {
    assert.deepEqual(parseType('"MySchema"."My Type"'), { kind: "native", sql: '"MySchema"."My Type"' });
  });
});

describe("postgres formatType", () => {
  for (const [spelling, expected] of cases) {
    test(`round-trips ${spelling}`, () => assert.deepEqual(parseType(formatType(expected)), expected));
  }
  test("writes PostgreSQL's own spellings", () => {
    assert.equal(formatType({ kind: "varchar", length: 20 }), "character varying(20)");
    assert.equal(formatType({ kind: "timestamp", withTimeZone: false }), "timestamp without time zone");
    assert.equal(formatType({ kind: "time", precision: 3, withTimeZone: true }), "time(3) with time zone");
    assert.equal(formatType({ kind: "numeric", precision: 10, scale: 2 }), "numeric(10,2)");
    assert.equal(formatType({ kind: "double" }), "double precision");
    assert.equal(formatType({ kind: "blob" }), "bytea");
    assert.equal(formatType({ kind: "enum", name: "user_role_enum" }), '"user_role_enum"');
    assert.equal(formatType({ kind: "enum", name: "Role", schema: "app" }), '"app"."Role"');
    assert.equal(formatType({ kind: "array", element: { kind: "varchar", length: 50 } }), "character varying(50)[]");
  });
  test("has no spelling for an inline enum", () => {
    assert.throws(() => formatType({ kind: "inline-enum", values: ["a"] }), { code: "internal" });
  });
});

/**
 * TypeORM's own functions (PostgresDriver.normalizeType then createFullType, as its
 * synchronize() does) applied to column options, paired with what PostgreSQL 15's format_type
 * reports for the column that SQL creates: both must parse to the same canonical type.
 */
describe("postgres parseType agrees on TypeORM's and the catalog's spellings", () => {
  // Only pure methods are called; spatialTypes is the one instance field createFullType reads.
  const driver = Object.assign(Object.create(PostgresDriver.prototype) as PostgresDriver, {
    spatialTypes: ["geometry", "geography"],
  });
  type Options = { type: string; length?: string; precision?: number; scale?: number; isArray?: boolean };
  const pairs: readonly (readonly [Options, string])[] = [
    [{ type: "varchar", length: "255" }, "character varying(255)"],
    [{ type: "varchar" }, "character varying"],
    [{ type: "int" }, "integer"],
    [{ type: "int4" }, "integer"],
    [{ type: "int8" }, "bigint"],
    [{ type: "int2" }, "smallint"],
    [{ type: "decimal", precision: 10, scale: 2 }, "numeric(10,2)"],
    [{ type: "numeric", precision: 10 }, "numeric(10,0)"],
    [{ type: "numeric" }, "numeric"],
    [{ type: "timestamp" }, "timestamp without time zone"],
    [{ type: "timestamp", precision: 3 }, "timestamp(3) without time zone"],
    [{ type: "timestamptz" }, "timestamp with time zone"],
    [{ type: "timestamptz", precision: 6 }, "timestamp(6) with time zone"],
    [{ type: "time" }, "time without time zone"],
    [{ type: "timetz", precision: 2 }, "time(2) with time zone"],
    [{ type: "float" }, "double precision"],
    [{ type: "float4" }, "real"],
    [{ type: "bool" }, "boolean"],
    [{ type: "char" }, "character(1)"],
    [{ type: "char", length: "2" }, "character(2)"],
    [{ type: "bytea" }, "bytea"],
    [{ type: "simple-array" }, "text"],
    [{ type: "varbit" }, "bit varying"],
    [{ type: "text", isArray: true }, "text[]"],
    [{ type: "varchar", length: "50", isArray: true }, "character varying(50)[]"],
    [{ type: "int", isArray: true }, "integer[]"],
  ];
  for (const [options, catalog] of pairs) {
    const typeorm = driver.createFullType({ ...options, type: driver.normalizeType(options as never) } as never);
    test(`${JSON.stringify(options)}: "${typeorm}" ~ "${catalog}"`, () => {
      assert.deepEqual(parseType(typeorm), parseType(catalog));
    });
  }
});
