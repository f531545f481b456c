import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emitPostgres } from "../../../../src/dialects/postgres/emit";
import { emitSqlite } from "../../../../src/dialects/sqlite/emit";
import { emptyModel, type TableModel } from "../../../../src/model/types";
import { applyAll } from "../../../../src/ops";
import type { Operation, OperationKind, OperationOf } from "../../../../src/ops/types";
import { RetortError } from "../../../../src/util/errors";
import { col, fk, index, opt, t, table } from "./build";

const parent: TableModel = table("p", [col("id", t.int), opt("n", t.int), opt("s", t.text)], {
  primaryKey: { name: "PK_p", columns: ["id"] },
  uniques: [{ name: "UQ_n", columns: ["n"] }],
  checks: [{ name: "CHK_n", expression: "n > 0" }],
  indexes: [index("IDX_s", ["s"])],
  foreignKeys: [fk("FK_self", ["n"], "p", ["id"])],
});
const base = applyAll(emptyModel, [{ kind: "createTable", table: parent }]);
const sCol = parent.columns[2]!;

/** One sample per operation kind; a new kind is a compile error here until it has one. */
const samples: { readonly [K in OperationKind]: OperationOf<K> } = {
  createTable: { kind: "createTable", table: table("q", [col("id", t.int)]) },
  dropTable: { kind: "dropTable", table: parent },
  renameTable: { kind: "renameTable", from: "p", to: "r" },
  addColumn: { kind: "addColumn", table: "p", column: opt("x", t.text) },
  dropColumn: { kind: "dropColumn", table: "p", column: opt("x", t.text) },
  alterColumn: { kind: "alterColumn", table: "p", from: sCol, to: col("s", t.text, { default: "'a'" }) },
  renameColumn: { kind: "renameColumn", table: "p", from: "s", to: "s2" },
  createIndex: { kind: "createIndex", table: "p", index: index("IDX_n", ["n"]) },
  dropIndex: { kind: "dropIndex", table: "p", index: parent.indexes[0]! },
  createUnique: { kind: "createUnique", table: "p", unique: { name: "UQ_s", columns: ["s"] } },
  dropUnique: { kind: "dropUnique", table: "p", unique: parent.uniques[0]! },
  createForeignKey: { kind: "createForeignKey", table: "p", foreignKey: fk("FK_2", ["n"], "p", ["id"]) },
  dropForeignKey: { kind: "dropForeignKey", table: "p", foreignKey: parent.foreignKeys[0]! },
  createCheck: { kind: "createCheck", table: "p", check: { name: "CHK_2", expression: "n < 9" } },
  dropCheck: { kind: "dropCheck", table: "p", check: parent.checks[0]! },
  createExclusion: {
    kind: "createExclusion",
    table: "p",
    exclusion: { name: "X", expression: "USING gist(n WITH =)" },
  },
  dropExclusion: { kind: "dropExclusion", table: "p", exclusion: { name: "X", expression: "USING gist(n WITH =)" } },
  createPrimaryKey: { kind: "createPrimaryKey", table: "p", primaryKey: { columns: ["id"] } },
  dropPrimaryKey: { kind: "dropPrimaryKey", table: "p", primaryKey: parent.primaryKey! },
  setTableComment: { kind: "setTableComment", table: "p", to: "c" },
  createEnum: { kind: "createEnum", enumType: { name: "e", values: ["a"] } },
  dropEnum: { kind: "dropEnum", enumType: { name: "e", values: ["a"] } },
  alterEnum: { kind: "alterEnum", name: "e", from: ["a"], to: ["a", "b"], usedBy: [] },
  createView: { kind: "createView", view: { name: "v", definition: "SELECT 1", materialized: false } },
  dropView: { kind: "dropView", view: { name: "v", definition: "SELECT 1", materialized: false } },
  execute: { kind: "execute", sql: "SELECT 1" },
};

/** What SQLite answers for each kind: statements, nothing (no place for it), or a refusal. */
const sqliteOutcome: { readonly [K in OperationKind]?: "none" | "throws" } = {
  setTableComment: "none",
  createExclusion: "throws",
  dropExclusion: "throws",
  createEnum: "throws",
  dropEnum: "throws",
  alterEnum: "throws",
};

/** Ops that need the model to hold something first (a table without a key, a column, ...). */
function beforeFor(op: Operation): typeof base {
  switch (op.kind) {
    case "dropColumn":
      return applyAll(base, [{ kind: "addColumn", table: "p", column: opt("x", t.text) }]);
    case "createPrimaryKey":
      return applyAll(base, [{ kind: "dropPrimaryKey", table: "p", primaryKey: parent.primaryKey! }]);
    default:
      return base;
  }
}

describe("every operation kind", () => {
  for (const op of Object.values(samples) as Operation[]) {
    test(op.kind, () => {
      const before = beforeFor(op);
      assert.ok(emitPostgres(op, before).length > 0, "PostgreSQL emits statements");
      const outcome = sqliteOutcome[op.kind];
      if (outcome === "throws") assert.throws(() => emitSqlite(op, before), RetortError);
      else if (outcome === "none") assert.deepEqual(emitSqlite(op, before), []);
      else assert.ok(emitSqlite(op, before).length > 0, "SQLite emits statements");
    });
  }
});
