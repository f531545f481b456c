import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCreateIndex } from "../../../../src/dialects/sqlite/parse-create-index";
import { parseCreateView } from "../../../../src/dialects/sqlite/parse-create-view";

describe("parseCreateIndex", () => {
  it("reads TypeORM's CREATE INDEX, with and without WHERE", () => {
    assert.deepEqual(parseCreateIndex(`CREATE INDEX "IDX_1" ON "post" ("title", "status") `), {
      name: "IDX_1",
      unique: false,
      table: "post",
      items: [{ column: "title" }, { column: "status" }],
    });
    assert.deepEqual(
      parseCreateIndex(`CREATE UNIQUE INDEX "IDX_2" ON "post" ("slug") WHERE "deletedAt" IS NULL AND "x" = 'a;b'`),
      {
        name: "IDX_2",
        unique: true,
        table: "post",
        items: [{ column: "slug" }],
        where: `"deletedAt" IS NULL AND "x" = 'a;b'`,
      },
    );
  });

  it("tells expressions from columns and drops ordering and collation", () => {
    const parsed = parseCreateIndex(
      `CREATE INDEX IF NOT EXISTS main.ix ON t (lower("a, b") DESC, "c" COLLATE NOCASE ASC, [d e], (x + 1))`,
    );
    assert.equal(parsed.schema, "main");
    assert.deepEqual(parsed.items, [
      { expression: `lower("a, b")` },
      { column: "c" },
      { column: "d e" },
      { expression: "(x + 1)" },
    ]);
  });
});

describe("parseCreateView", () => {
  it("returns the query after AS", () => {
    assert.deepEqual(
      parseCreateView(`CREATE VIEW "active users" AS SELECT "id" AS "as" FROM "user" WHERE "name" = ' AS '`),
      {
        name: "active users",
        definition: `SELECT "id" AS "as" FROM "user" WHERE "name" = ' AS '`,
      },
    );
  });

  it("skips a column list and IF NOT EXISTS", () => {
    const parsed = parseCreateView(`CREATE TEMP VIEW IF NOT EXISTS v (a, "b c") AS\n  SELECT 1, 2`);
    assert.equal(parsed.name, "v");
    assert.equal(parsed.definition, "SELECT 1, 2");
  });
});
