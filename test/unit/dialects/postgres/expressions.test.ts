import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { normalizeExpression } from "../../../../src/dialects/postgres/expressions";

/**
 * [as written in TypeORM metadata (@Check, @Index where, @Exclusion, asExpression),
 * as PostgreSQL 15 reports it (pg_get_constraintdef / pg_get_expr), canonical].
 */
const pairs: readonly (readonly [string, string, string])[] = [
  [`"age" > 18`, "CHECK ((age > 18))", "age > 18"],
  [
    `"status" IN ('a','b')`,
    "CHECK (((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))",
    "status IN ('a', 'b')",
  ],
  [
    `"status" NOT IN ('a')`,
    "CHECK (((status)::text <> ALL ((ARRAY['a'::character varying])::text[])))",
    "status NOT IN ('a')",
  ],
  [
    `"a" > 1 AND "b" < 2 OR "e" IS NULL`,
    "CHECK ((((a > 1) AND (b < 2)) OR (e IS NULL)))",
    "a > 1 AND b < 2 OR e IS NULL",
  ],
  [
    `lower("e") <> 'x' and "n" = 'admin'`,
    "CHECK (((lower((e)::text) <> 'x'::text) AND (n = 'admin'::user_role_enum)))",
    "lower(e) <> 'x' AND n = 'admin'",
  ],
  [`"user" IS NOT NULL`, `CHECK (("user" IS NOT NULL))`, `"user" IS NOT NULL`],
  [`"firstName" <> ''`, `CHECK ((("firstName")::text <> ''::text))`, `"firstName" <> ''`],
  [`"price" >= 0`, "CHECK ((price >= (0)::numeric))", "price >= 0"],
  [`"balance" > -1`, "CHECK ((balance > '-1'::integer))", "balance > -1"],
  [`"name" IS NOT NULL AND "room" > 1`, "((name IS NOT NULL) AND (room > 1))", "name IS NOT NULL AND room > 1"],
  [`"deletedAt" IS NULL`, `("deletedAt" IS NULL)`, `"deletedAt" IS NULL`],
  [`"email" LIKE '%@%'`, "CHECK (((email)::text ~~ '%@%'::text))", "email LIKE '%@%'"],
  [`"a" != 1`, "CHECK ((a <> 1))", "a <> 1"],
  [
    `USING gist ("room" WITH =, "during" WITH &&)`,
    "EXCLUDE USING gist (room WITH =, during WITH &&)",
    "USING gist(room WITH =, during WITH &&)",
  ],
  [`"a" * 2`, "(a * 2)", "a * 2"],
  [
    `"firstName" || ' ' || "lastName"`,
    `((("firstName")::text || ' '::text) || ("lastName")::text)`,
    `"firstName" || ' ' || "lastName"`,
  ],
  [`"a" > 1 AND ("b" = 2 OR "c" = 3)`, "CHECK (((a > 1) AND ((b = 2) OR (c = 3))))", "a > 1 AND (b = 2 OR c = 3)"],
  [`NOT ("a" = 1)`, "CHECK ((NOT (a = 1)))", "NOT a = 1"],
  [`NOT ("a" AND "b")`, "CHECK ((NOT (a AND b)))", "NOT (a AND b)"],
  [`"a" > "b" - 1`, "CHECK ((a > (b - 1)))", "a > b - 1"],
  [`("a" + "b") * "c" > 0`, "CHECK ((((a + b) * c) > 0))", "(a + b) * c > 0"],
  [`"data" ->> 'k' IS NOT NULL`, "CHECK (((data ->> 'k'::text) IS NOT NULL))", "data ->> 'k' IS NOT NULL"],
  [
    `CASE WHEN "a" > 1 THEN true ELSE false END`,
    "CHECK ((CASE WHEN (a > 1) THEN true ELSE false END))",
    "CASE WHEN a > 1 THEN true ELSE false END",
  ],
  [`"a" IS DISTINCT FROM "b"`, "CHECK ((a IS DISTINCT FROM b))", "a IS DISTINCT FROM b"],
  [`"tags" @> ARRAY['a']`, "CHECK ((tags @> ARRAY['a'::text]))", "tags @> ARRAY['a']"],
  [`char_length("name") > 3`, "CHECK ((char_length((name)::text) > 3))", "char_length(name) > 3"],
  [`coalesce("a", 0) > 1`, "CHECK ((COALESCE(a, 0) > 1))", "COALESCE(a, 0) > 1"],
];

describe("postgres normalizeExpression", () => {
  for (const [typeorm, catalog, canonical] of pairs) {
    test(`${typeorm} ~ ${catalog}`, () => {
      assert.equal(normalizeExpression(typeorm), canonical);
      assert.equal(normalizeExpression(catalog), canonical);
    });
    test(`is idempotent on ${canonical}`, () => assert.equal(normalizeExpression(canonical), canonical));
  }

  test("collapses whitespace and drops the trailing semicolon of a view query", () => {
    const catalog = " SELECT r.id,\n    r.name\n   FROM r r\n  WHERE r.room > 1;";
    assert.equal(normalizeExpression(catalog), "SELECT r.id, r.name FROM r r WHERE r.room > 1");
    assert.equal(
      normalizeExpression(`SELECT "r"."id", "r"."name" FROM "r" "r" WHERE "r"."room" > 1`),
      "SELECT r.id, r.name FROM r r WHERE r.room > 1",
    );
  });

  test("keeps the casts and parentheses of a view query, which shape its columns", () => {
    assert.equal(
      normalizeExpression("SELECT (a)::text AS x,\n (b + 1) * 2 FROM t;"),
      "SELECT (a)::text AS x, (b + 1) * 2 FROM t",
    );
  });

  test("keeps parentheses that matter", () => {
    assert.equal(normalizeExpression("(a OR b) AND c"), "(a OR b) AND c");
    assert.equal(normalizeExpression("a * (b + c)"), "a * (b + c)");
    assert.equal(normalizeExpression("a - (b + c)"), "a - (b + c)");
    assert.equal(normalizeExpression("(a - b) + c"), "a - b + c");
    assert.equal(normalizeExpression("a = (b = c)"), "a = (b = c)");
    assert.equal(normalizeExpression("-(a + b)"), "-(a + b)");
    assert.equal(normalizeExpression("(x::int[])[1]"), "(x::int[])[1]");
    assert.equal(normalizeExpression("(ARRAY[1, 2])[1]"), "(ARRAY[1, 2])[1]");
    assert.equal(normalizeExpression("x IN ((1, 2))"), "x IN ((1, 2))");
    assert.equal(normalizeExpression("EXISTS (SELECT 1)"), "EXISTS (SELECT 1)");
    assert.equal(normalizeExpression("a AND (SELECT b FROM t)"), "a AND (SELECT b FROM t)");
  });

  test("keeps casts that pick an operator and literals as written", () => {
    assert.equal(normalizeExpression("'1 day'::interval + now()"), "'1 day'::interval + now()");
    assert.equal(normalizeExpression(`'It''s' = "Name"`), `'It''s' = "Name"`);
    assert.equal(normalizeExpression("a   =   'x  y'"), "a = 'x  y'");
  });

  test("folds unquoted names and upper-cases keywords", () => {
    assert.equal(normalizeExpression("Age > 1 and Name is not null"), "age > 1 AND name IS NOT NULL");
    assert.equal(normalizeExpression("x = TRUE"), "x = true");
  });

  test("is lenient with broken input", () => {
    for (const broken of ["(a > 'x", "a)", "f(", '"unterminated', "'", "::", "-"]) {
      const once = normalizeExpression(broken);
      assert.equal(normalizeExpression(once), once, broken);
    }
  });
});
