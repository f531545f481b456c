/** Times the diff on 2000 tables; prints the durations, asserts only the results. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import type { SchemaModel, TableModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { col, fk, idTable, index, model, textCol, types, view } from "./builders";

function bigModel(size: number): SchemaModel {
  const tables: TableModel[] = [];
  for (let i = 0; i < size; i += 1) {
    const name = `table_${String(i).padStart(4, "0")}`;
    const foreignKeys =
      i === 0 ? [] : [fk(`FK_${i}`, ["parent_id"], `table_${String(i - 1).padStart(4, "0")}`)];
    tables.push(
      idTable(
        name,
        [
          col("parent_id", types.int, { nullable: true }),
          textCol("label"),
          col("n", types.bigint, { default: "0" }),
        ],
        {
          foreignKeys,
          indexes: [index(`IDX_${i}`, ["label"])],
          uniques: [{ name: `UQ_${i}`, columns: ["n"] }],
        },
      ),
    );
  }
  return model({ tables, views: [view("v", "SELECT * FROM table_0001")] });
}

function time<T>(label: string, run: () => T): T {
  const start = process.hrtime.bigint();
  const result = run();
  console.log(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms`);
  return result;
}

describe("diff: 2000 tables", () => {
  const live = bigModel(2000);

  it("finds nothing between equal models", () => {
    const copy = JSON.parse(JSON.stringify(live)) as SchemaModel;
    assert.deepEqual(
      time("2000-table no-op diff", () => diffModels(live, copy)),
      [],
    );
  });

  it("finds the one change", () => {
    const target = {
      ...live,
      tables: live.tables.map((t) =>
        t.name === "table_1000" ? { ...t, columns: [...t.columns, textCol("extra")] } : t,
      ),
    };
    const ops = time("2000-table one-change diff", () => diffModels(live, target));
    assert.deepEqual(
      ops.map((o) => o.kind),
      ["addColumn"],
    );
  });

  it("creates 2000 chained tables in dependency order", () => {
    const ops = time("2000-table create-all diff", () => diffModels(model(), live));
    assert.equal(ops.filter((o) => o.kind === "createTable").length, 2000);
    assert.deepEqual(
      ops.filter((o) => o.kind === "createForeignKey"),
      [],
    );
    time("apply 2000 createTable", () => applyAll(model(), ops));
  });
});
