import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { normalizeDefault } from "../../../../src/dialects/postgres/defaults";

/**
 * [TypeORM's spelling (PostgresDriver.normalizeDefault output), the catalog's spelling
 * (pg_get_expr(adbin) on PostgreSQL 15 after TypeORM's DDL), canonical form].
 */
const pairs: readonly (readonly [string, string, string])[] = [
  ["'42'", "42", "'42'"],
  ["'-1'", "'-1'::integer", "'-1'"],
  ["'9999999999'", "'9999999999'::bigint", "'9999999999'"],
  ["'3.1'", "3.1", "'3.1'"],
  ["'3.5'", "'3.5'::double precision", "'3.5'"],
  ["'abc'", "'abc'::character varying", "'abc'"],
  ["'abc'", "'abc'::text", "'abc'"],
  ["'it''s'", "'it''s'::text", "'it''s'"],
  ["'user'", "'user'::user_role_enum", "'user'"],
  ["'user'", `'user'::"public"."user_role_enum"`, "'user'"],
  ["'admin'", `'admin'::"Schema"."Role Enum"`, "'admin'"],
  ["true", "true", "true"],
  ["false", "false", "false"],
  ["now()", "now()", "now()"],
  ["CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "now()"],
  ["now()", "CURRENT_TIMESTAMP", "now()"],
  ["NOW()", "now()", "now()"],
  ["('now'::text)::date", "CURRENT_DATE", "CURRENT_DATE"],
  ["('now'::text)::date", "('now'::text)::date", "CURRENT_DATE"],
  ["('now'::text)::timestamp(3) with time zone", "CURRENT_TIMESTAMP(3)", "CURRENT_TIMESTAMP(3)"],
  ["('now'::text)::time(3) with time zone", "('now'::text)::time(3) with time zone", "CURRENT_TIME(3)"],
  ["('now'::text)::time with time zone", "CURRENT_TIME", "CURRENT_TIME"],
  ["('now'::text)::timestamp without time zone", "LOCALTIMESTAMP", "LOCALTIMESTAMP"],
  ["('now'::text)::time(2) without time zone", "LOCALTIME(2)", "LOCALTIME(2)"],
  ["'{1,2}'", "'{1,2}'::integer[]", "'{1,2}'"],
  ["'{}'", "'{}'::text[]", "'{}'"],
  ["'{admin}'", "'{admin}'::user_role_enum[]", "'{admin}'"],
  [`'{"b":1,"a":[1,2]}'`, `'{"a": [1, 2], "b": 1}'::jsonb`, `'{"a":[1,2],"b":1}'`],
  [`'{"b":1,"a":2}'`, `'{"b":1,"a":2}'::json`, `'{"a":2,"b":1}'`],
  [`'[1, "x''y"]'`, `'[1, "x''y"]'::jsonb`, `'[1,"x''y"]'`],
  ["uuid_generate_v4()", "uuid_generate_v4()", "uuid_generate_v4()"],
  ["gen_random_uuid()", "gen_random_uuid()", "gen_random_uuid()"],
  ["'1 day'", "'1 day'::interval", "'1 day'"],
  ["ARRAY[]::integer[]", "ARRAY[]::integer[]", "ARRAY[]::integer[]"],
  ["1 + 2", "(1 + 2)", "1 + 2"],
  ["-5", "'-5'::integer", "'-5'"],
  ["NULL", "NULL::character varying", "NULL"],
  ["'\\x00'", "'\\x00'::bytea", "'\\x00'"],
  ["lower('ABC')", "lower('ABC'::text)", "lower('ABC')"],
];

describe("postgres normalizeDefault", () => {
  for (const [typeorm, catalog, canonical] of pairs) {
    test(`${typeorm} ~ ${catalog}`, () => {
      assert.equal(normalizeDefault(typeorm), canonical);
      assert.equal(normalizeDefault(catalog), canonical);
    });
    test(`is idempotent on ${canonical}`, () => assert.equal(normalizeDefault(canonical), canonical));
  }

  test("keeps literals that are not JSON as they are", () => {
    assert.equal(normalizeDefault("'[1,2)'::int4range"), "'[1,2)'");
    assert.equal(normalizeDefault("'{a,b}'"), "'{a,b}'");
  });

  test("keeps escape and bit-string literals as written, without their casts", () => {
    assert.equal(normalizeDefault("E'a\\\\b'::text"), "E'a\\\\b'");
    assert.equal(normalizeDefault(`B'101'::"bit"`), "B'101'");
  });

  test("keeps the casts that make 'now' evaluate per row", () => {
    assert.equal(normalizeDefault("(('now'::text)::date + '1 day'::interval)"), "'now'::text::date + '1 day'::interval");
    assert.equal(normalizeDefault("'today'::date"), "'today'::date");
  });

  test("ignores surrounding whitespace and outer parentheses", () => {
    assert.equal(normalizeDefault("  ('abc'::character varying)  "), "'abc'");
    assert.equal(normalizeDefault("((0))"), "'0'");
  });
});

describe("postgres normalizeDefault agrees with TypeORM's own normalizeDefault", () => {
  const driver = Object.create(PostgresDriver.prototype) as PostgresDriver;
  // [column metadata TypeORM reads, the catalog's spelling after synchronize() on PostgreSQL 15]
  const columns: readonly (readonly [Record<string, unknown>, string])[] = [
    [{ type: "int", default: 0 }, "0"],
    [{ type: "int", default: -3 }, "'-3'::integer"],
    [{ type: "varchar", default: "x" }, "'x'::character varying"],
    [{ type: "boolean", default: true }, "true"],
    [{ type: "enum", default: "a" }, "'a'::thing_kind_enum"],
    [{ type: "timestamp", default: () => "CURRENT_TIMESTAMP" }, "CURRENT_TIMESTAMP"],
    [{ type: "timestamp", default: () => "CURRENT_TIMESTAMP(6)" }, "('now'::text)::timestamp(6) with time zone"],
    [{ type: "date", default: () => "CURRENT_DATE" }, "('now'::text)::date"],
    [{ type: "jsonb", default: { b: [1], a: "x" } }, `'{"a": "x", "b": [1]}'::jsonb`],
    [{ type: "int", isArray: true, default: [1, 2] }, "'{1,2}'::integer[]"],
  ];
  for (const [metadata, catalog] of columns) {
    const typeorm = driver.normalizeDefault(metadata as never) ?? "";
    test(`${typeorm} ~ ${catalog}`, () => assert.equal(normalizeDefault(typeorm), normalizeDefault(catalog)));
  }
});
