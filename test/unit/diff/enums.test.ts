import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import type { SchemaModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import { assertSameModel, col, enumType, idTable, model, textCol, types } from "./builders";

function roundTrip(live: SchemaModel, target: SchemaModel) {
  const ops = diffModels(live, target);
  assertSameModel(applyAll(live, ops), target);
  assertSameModel(applyAll(target, reverseAll(ops)), live);
  return ops;
}

const lamps = idTable("lamps", [col("status", types.enumOf("status"))]);
const withValues = (values: string[]) =>
  model({ tables: [lamps], enums: [enumType("status", values)] });
const usedBy = [{ table: "lamps", column: lamps.columns[1]! }];

describe("diff: enums", () => {
  for (const [what, from, to] of [
    ["added", ["on", "off"], ["on", "off", "broken"]],
    ["removed", ["on", "off", "broken"], ["on", "off"]],
    ["renamed", ["on", "off"], ["on", "dark"]],
    ["reordered", ["on", "off"], ["off", "on"]],
  ] as const) {
    it(`alters an enum whose values are ${what}, listing the columns using it`, () => {
      assert.deepEqual(roundTrip(withValues([...from]), withValues([...to])), [
        { kind: "alterEnum", name: "status", from, to, usedBy },
      ]);
    });
  }

  it("creates an enum before the column that starts using it and drops the old one after", () => {
    const live = model({
      tables: [idTable("lamps", [col("status", types.enumOf("old_status"))])],
      enums: [enumType("old_status", ["a"])],
    });
    const target = model({ tables: [lamps], enums: [enumType("status", ["on"])] });
    assert.deepEqual(
      roundTrip(live, target).map((o) => o.kind),
      ["createEnum", "alterColumn", "dropEnum"],
    );
  });

  it("drops an enum only after the column using it is dropped", () => {
    const live = withValues(["on"]);
    const target = model({ tables: [idTable("lamps")] });
    assert.deepEqual(roundTrip(live, target), [
      { kind: "dropColumn", table: "lamps", column: lamps.columns[1] },
      { kind: "dropEnum", enumType: enumType("status", ["on"]) },
    ]);
  });

  it("creates an enum for an array column", () => {
    const tagged = idTable("posts", [
      textCol("x"),
      col("tags", { kind: "array", element: types.enumOf("tag") }),
    ]);
    const target = model({ tables: [tagged], enums: [enumType("tag", ["a", "b"])] });
    assert.deepEqual(
      roundTrip(model({ tables: [idTable("posts", [textCol("x")])] }), target).map((o) => o.kind),
      ["createEnum", "addColumn"],
    );
  });
});
