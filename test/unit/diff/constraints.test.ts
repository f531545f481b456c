import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import type { TableModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import { assertSameModel, check, col, idTable, index, model, table, textCol } from "./builders";

function diffTables(live: TableModel, target: TableModel) {
  const from = model({ tables: [live] });
  const to = model({ tables: [target] });
  const ops = diffModels(from, to);
  assertSameModel(applyAll(from, ops), to);
  assertSameModel(applyAll(to, reverseAll(ops)), from);
  return ops;
}

const base = idTable("t", [textCol("a"), textCol("b")]);

describe("diff: keys, indexes and checks", () => {
  it("adds a primary key", () => {
    const live = table("t", [col("id")]);
    const primaryKey = { name: "PK_t", columns: ["id"] };
    assert.deepEqual(diffTables(live, { ...live, primaryKey }), [
      { kind: "createPrimaryKey", table: "t", primaryKey },
    ]);
  });

  it("changes a primary key's columns as a drop and a create", () => {
    const live = table("t", [col("a"), col("b")], { primaryKey: { name: "PK_t", columns: ["a"] } });
    const primaryKey = { name: "PK_t", columns: ["a", "b"] };
    assert.deepEqual(diffTables(live, { ...live, primaryKey }), [
      { kind: "dropPrimaryKey", table: "t", primaryKey: live.primaryKey },
      { kind: "createPrimaryKey", table: "t", primaryKey },
    ]);
  });

  it("adds, drops and changes unique constraints", () => {
    const live = {
      ...base,
      uniques: [
        { name: "UQ_a", columns: ["a"] },
        { name: "UQ_b", columns: ["b"] },
      ],
    };
    const target = {
      ...base,
      uniques: [
        { name: "UQ_a", columns: ["a", "b"] },
        { name: "UQ_id", columns: ["id"] },
      ],
    };
    assert.deepEqual(diffTables(live, target), [
      { kind: "dropUnique", table: "t", unique: { name: "UQ_b", columns: ["b"] } },
      { kind: "dropUnique", table: "t", unique: { name: "UQ_a", columns: ["a"] } },
      { kind: "createUnique", table: "t", unique: { name: "UQ_a", columns: ["a", "b"] } },
      { kind: "createUnique", table: "t", unique: { name: "UQ_id", columns: ["id"] } },
    ]);
  });

  it("adds and drops indexes", () => {
    const live = { ...base, indexes: [index("IDX_a", ["a"])] };
    const target = { ...base, indexes: [index("IDX_b", ["b"], { unique: true })] };
    assert.deepEqual(diffTables(live, target), [
      { kind: "dropIndex", table: "t", index: index("IDX_a", ["a"]) },
      { kind: "createIndex", table: "t", index: index("IDX_b", ["b"], { unique: true }) },
    ]);
  });

  it("re-creates an index whose partial WHERE changes", () => {
    const before = index("IDX_a", ["a"], { where: "b IS NULL" });
    const after = index("IDX_a", ["a"], { where: "b IS NOT NULL" });
    assert.deepEqual(diffTables({ ...base, indexes: [before] }, { ...base, indexes: [after] }), [
      { kind: "dropIndex", table: "t", index: before },
      { kind: "createIndex", table: "t", index: after },
    ]);
  });

  it("re-creates an index that becomes unique", () => {
    const before = index("IDX_a", ["a"]);
    const after = index("IDX_a", ["a"], { unique: true });
    assert.deepEqual(
      diffTables({ ...base, indexes: [before] }, { ...base, indexes: [after] }).map((o) => o.kind),
      ["dropIndex", "createIndex"],
    );
  });

  it("adds, drops and changes checks", () => {
    const live = { ...base, checks: [check("CHK_a", "a <> ''"), check("CHK_old", "b <> ''")] };
    const target = {
      ...base,
      checks: [check("CHK_a", "length(a) > 1"), check("CHK_new", "id > 0")],
    };
    assert.deepEqual(diffTables(live, target), [
      { kind: "dropCheck", table: "t", check: check("CHK_old", "b <> ''") },
      { kind: "dropCheck", table: "t", check: check("CHK_a", "a <> ''") },
      { kind: "createCheck", table: "t", check: check("CHK_a", "length(a) > 1") },
      { kind: "createCheck", table: "t", check: check("CHK_new", "id > 0") },
    ]);
  });

  it("adds and drops exclusion constraints", () => {
    const exclusion = { name: "EXC_a", expression: "USING gist (a WITH =)" };
    assert.deepEqual(diffTables(base, { ...base, exclusions: [exclusion] }), [
      { kind: "createExclusion", table: "t", exclusion },
    ]);
    assert.deepEqual(diffTables({ ...base, exclusions: [exclusion] }, base), [
      { kind: "dropExclusion", table: "t", exclusion },
    ]);
  });

  it("drops constraints before column changes and creates them after", () => {
    const live = { ...base, indexes: [index("IDX_a", ["a"])] };
    const target = idTable("t", [textCol("a"), textCol("c")], { indexes: [index("IDX_c", ["c"])] });
    assert.deepEqual(
      diffTables(live, target).map((o) => o.kind),
      ["dropIndex", "dropColumn", "addColumn", "createIndex"],
    );
  });
});
