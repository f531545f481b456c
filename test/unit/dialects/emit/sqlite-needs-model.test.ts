import assert from "node:assert/strict";
import { test } from "node:test";
import { emitSqlite, sqliteEmitNeedsModel } from "../../../../src/dialects/sqlite/emit";
import { emptyModel, type SchemaModel } from "../../../../src/model/types";
import { applyAll } from "../../../../src/ops/apply";
import type { Operation } from "../../../../src/ops/types";
import { col, index, opt, t, table } from "./build";

const books = table("books", [col("id", t.int), opt("title", t.text), col("pages", t.int, { default: "0" })], {
  primaryKey: { columns: ["id"] },
  indexes: [index("IDX_title", ["title"])],
});
const live: SchemaModel = applyAll(emptyModel, [{ kind: "createTable", table: books }]);

const withoutModel: Operation[] = [
  { kind: "createTable", table: table("authors", [col("id", t.int)], { primaryKey: { columns: ["id"] } }) },
  { kind: "addColumn", table: "books", column: opt("isbn", t.varchar(13)) },
  { kind: "renameColumn", table: "books", from: "title", to: "name" },
  { kind: "dropIndex", table: "books", index: index("IDX_title", ["title"]) },
  { kind: "renameTable", from: "books", to: "volumes" },
  { kind: "dropTable", table: books },
  { kind: "execute", sql: "UPDATE books SET pages = 1" },
  // Bare identifiers are columns whatever the table holds (also in another case).
  { kind: "createIndex", table: "books", index: index("IDX_pages", ["pages", "TITLE"]) },
];
const withModel: Operation[] = [
  { kind: "dropColumn", table: "books", column: col("pages", t.int, { default: "0" }) },
  { kind: "addColumn", table: "books", column: col("isbn", t.varchar(13)) },
  // Anything else may be an expression: only the table tells.
  { kind: "createIndex", table: "books", index: index("IDX_lower", ["lower(title)"]) },
];

test("operations said to need no model emit the same SQL without one", () => {
  for (const op of withoutModel) {
    assert.equal(sqliteEmitNeedsModel(op), false, op.kind);
    assert.deepEqual(emitSqlite(op, emptyModel), emitSqlite(op, live), op.kind);
  }
});

test("rebuilds need the model: without it they cannot be emitted", () => {
  for (const op of withModel) assert.equal(sqliteEmitNeedsModel(op), true, op.kind);
  assert.throws(() => emitSqlite(withModel[0] as Operation, emptyModel));
  assert.ok(emitSqlite(withModel[0] as Operation, live).length > 1, "a rebuild is several statements");
});

test("an index item that is not a bare identifier is told apart by the table", () => {
  const expression = withModel[2] as Operation;
  assert.match(emitSqlite(expression, live)[0]!.sql, /\(\(lower\(title\)\)\)$/);
  const spaced: Operation = { kind: "createIndex", table: "books", index: index("IDX_sp", ["my col"]) };
  assert.equal(sqliteEmitNeedsModel(spaced), true);
});
