import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeSqliteDefault, normalizeSqliteExpression } from "../../../../src/dialects/sqlite/normalize";

/** [TypeORM or hand-written spelling, catalog spelling or equivalent, expected normal form] */
const defaults: [string, string, string][] = [
  ["(datetime('now'))", "datetime('now')", "datetime('now')"],
  ["datetime('now')", "datetime( 'now' )", "datetime('now')"],
  ["('abc')", "'abc'", "'abc'"],
  ["('it''s')", "'it''s'", "'it''s'"],
  ["((1))", "1", "1"],
  ["(  1  )", "1", "1"],
  ["(-1)", "-1", "-1"],
  ["(0)", "FALSE", "0"],
  ["(1)", "true", "1"],
  ["(CURRENT_TIMESTAMP)", "current_timestamp", "CURRENT_TIMESTAMP"],
  ["null", "NULL", "NULL"],
  ["('{\"a\":1}')", `'{"a":1}'`, `'{"a":1}'`],
  ["('a  (b), c')", "'a  (b), c'", "'a  (b), c'"],
  ["(1) + (2)", "(1) + (2)", "(1) + (2)"],
  ["(strftime('%s','now') * 1000)", "strftime('%s', 'now') * 1000", "strftime('%s', 'now') * 1000"],
];

describe("normalizeSqliteDefault", () => {
  for (const [typeorm, catalog, expected] of defaults) {
    it(`${typeorm} ~ ${catalog}`, () => {
      assert.equal(normalizeSqliteDefault(typeorm), expected);
      assert.equal(normalizeSqliteDefault(catalog), expected);
      assert.equal(normalizeSqliteDefault(expected), expected, "idempotent");
    });
  }
  it("keeps string contents exactly", () => {
    assert.equal(normalizeSqliteDefault("'  TRUE  '"), "'  TRUE  '");
    assert.equal(normalizeSqliteDefault("'null'"), "'null'");
  });
});

const expressions: [string, string, string][] = [
  ['"age" > 18', '("age" > 18)', '"age" > 18'],
  ['CHECK ("age" > 18)', '"age"  >  18', '"age" > 18'],
  ["( \"a\" IN ('x','y') )", "\"a\" IN ('x' , 'y')", "\"a\" IN ('x', 'y')"],
  ["(a > 1) AND (b < 2)", "(a > 1) AND (b < 2)", "(a > 1) AND (b < 2)"],
  ['SELECT "id" FROM "user" ;', 'SELECT "id"\n  FROM "user"', 'SELECT "id" FROM "user"'],
  ["x is null -- comment\n", "x is NULL", "x is NULL"],
  ['lower( "name" )', 'lower("name")', 'lower("name")'],
  ['"we ""ird" > 0', '"we ""ird"   > 0', '"we ""ird" > 0'],
  ["\"ünï\" = 'a'", "\"ünï\"='a'", "\"ünï\" = 'a'"],
];

describe("normalizeSqliteExpression", () => {
  for (const [a, b, expected] of expressions) {
    it(`${JSON.stringify(a)} ~ ${JSON.stringify(b)}`, () => {
      assert.equal(normalizeSqliteExpression(a), expected);
      if (!b.includes("='")) assert.equal(normalizeSqliteExpression(b), expected);
      else assert.notEqual(normalizeSqliteExpression(b), expected, "spaces around = are kept as written");
      assert.equal(normalizeSqliteExpression(expected), expected, "idempotent");
    });
  }
  it("does not strip parentheses that do not enclose everything", () => {
    assert.equal(normalizeSqliteExpression("(a) OR (b)"), "(a) OR (b)");
  });
  it("keeps whitespace inside literals and quoted names", () => {
    assert.equal(normalizeSqliteExpression("\"a  b\" = 'c  d'"), "\"a  b\" = 'c  d'");
  });
});
