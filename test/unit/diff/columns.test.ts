import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import type { Column } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { assertSameModel, col, idTable, model, textCol, types } from "./builders";

function diffColumn(from: Column, to: Column) {
  const live = model({ tables: [idTable("users", [from])] });
  const target = model({ tables: [idTable("users", [to])] });
  const ops = diffModels(live, target);
  assertSameModel(applyAll(live, ops), target);
  return ops;
}

/** Each change of one column is exactly one alterColumn carrying both full columns. */
const alterations: [string, Column, Column][] = [
  ["type", col("age", types.int), col("age", types.bigint)],
  ["length", col("name", types.varchar(50)), col("name", types.varchar(100))],
  ["precision", col("price", types.numeric(10, 2)), col("price", types.numeric(12, 2))],
  ["scale", col("price", types.numeric(10, 2)), col("price", types.numeric(10, 4))],
  ["array", col("tags", types.text), col("tags", { kind: "array", element: types.text })],
  ["nullable", col("name", types.text), textCol("name")],
  ["default added", col("n"), col("n", types.int, { default: "0" })],
  ["default changed", col("n", types.int, { default: "0" }), col("n", types.int, { default: "1" })],
  ["default removed", col("n", types.int, { default: "0" }), col("n")],
  ["comment", textCol("bio"), textCol("bio", { comment: "about" })],
  ["collation", textCol("bio"), textCol("bio", { collation: "C" })],
  ["identity", col("seq", types.bigint), col("seq", types.bigint, { identity: "by-default" })],
  [
    "computed",
    col("total"),
    col("total", types.int, { computed: { expression: "a + b", stored: true } }),
  ],
  [
    "computed expression",
    col("total", types.int, { computed: { expression: "a + b", stored: true } }),
    col("total", types.int, { computed: { expression: "a * b", stored: true } }),
  ],
];

describe("diff: columns", () => {
  for (const [what, from, to] of alterations) {
    it(`alters a column whose ${what} changes, as one alterColumn`, () => {
      assert.deepEqual(diffColumn(from, to), [{ kind: "alterColumn", table: "users", from, to }]);
    });
  }

  it("adds a column", () => {
    const email = textCol("email");
    const live = model({ tables: [idTable("users")] });
    assert.deepEqual(diffModels(live, model({ tables: [idTable("users", [email])] })), [
      { kind: "addColumn", table: "users", column: email },
    ]);
  });

  it("drops a column, carrying it whole", () => {
    const email = textCol("email", { default: "'x'", comment: "mail" });
    const live = model({ tables: [idTable("users", [email])] });
    assert.deepEqual(diffModels(live, model({ tables: [idTable("users")] })), [
      { kind: "dropColumn", table: "users", column: email },
    ]);
  });

  it("ignores a column moving position", () => {
    const a = textCol("a");
    const b = textCol("b");
    assert.deepEqual(
      diffModels(
        model({ tables: [idTable("t", [a, b])] }),
        model({ tables: [idTable("t", [b, a])] }),
      ),
      [],
    );
  });

  it("drops, alters, then adds in one table", () => {
    const live = model({ tables: [idTable("t", [textCol("old"), col("n")])] });
    const target = model({ tables: [idTable("t", [col("n", types.bigint), textCol("new")])] });
    const ops = diffModels(live, target);
    assert.deepEqual(
      ops.map((o) => o.kind),
      ["dropColumn", "alterColumn", "addColumn"],
    );
    assertSameModel(applyAll(live, ops), target);
  });

  it("drops the index over a dropped column before the column", () => {
    const live = model({
      tables: [
        idTable("t", [textCol("gone")], {
          indexes: [{ name: "IDX_gone", columns: ["gone"], unique: false }],
        }),
      ],
    });
    const target = model({ tables: [idTable("t")] });
    const ops = diffModels(live, target);
    assert.deepEqual(
      ops.map((o) => o.kind),
      ["dropIndex", "dropColumn"],
    );
    assertSameModel(applyAll(live, ops), target);
  });
});
