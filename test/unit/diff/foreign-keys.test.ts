import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import type { SchemaModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import { assertSameModel, changeTable, col, fk, idTable, model, types } from "./builders";

function roundTrip(live: SchemaModel, target: SchemaModel) {
  const ops = diffModels(live, target);
  assertSameModel(applyAll(live, ops), target);
  assertSameModel(applyAll(target, reverseAll(ops)), live);
  return ops;
}

const users = idTable("users");
const posts = idTable("posts", [col("author_id")]);
const authorFk = fk("FK_author", ["author_id"], "users");
const base = model({ tables: [users, posts] });
const linked = changeTable(base, "posts", (t) => ({ ...t, foreignKeys: [authorFk] }));

describe("diff: foreign keys", () => {
  it("adds a foreign key to existing tables, last", () => {
    assert.deepEqual(roundTrip(base, linked), [
      { kind: "createForeignKey", table: "posts", foreignKey: authorFk },
    ]);
  });

  it("drops a foreign key, first", () => {
    assert.deepEqual(roundTrip(linked, base), [
      { kind: "dropForeignKey", table: "posts", foreignKey: authorFk },
    ]);
  });

  it("re-creates a foreign key whose action changes", () => {
    const cascade = { ...authorFk, onDelete: "CASCADE" as const };
    const target = changeTable(base, "posts", (t) => ({ ...t, foreignKeys: [cascade] }));
    assert.deepEqual(roundTrip(linked, target), [
      { kind: "dropForeignKey", table: "posts", foreignKey: authorFk },
      { kind: "createForeignKey", table: "posts", foreignKey: cascade },
    ]);
  });

  it("re-creates an unchanged foreign key around a type change of its columns", () => {
    const widen = (t: typeof users) => ({
      ...t,
      columns: t.columns.map((c) => ({ ...c, type: types.bigint })),
    });
    const target = changeTable(changeTable(linked, "users", widen), "posts", widen);
    const ops = roundTrip(linked, target);
    assert.deepEqual(
      ops.map((o) => `${o.kind} ${"table" in o ? String(o.table) : ""}`),
      [
        "dropForeignKey posts",
        "alterColumn posts",
        "alterColumn posts",
        "alterColumn users",
        "createForeignKey posts",
      ],
    );
  });

  it("re-creates a foreign key around a change of the referenced primary key", () => {
    const target = changeTable(linked, "users", (t) => ({
      ...t,
      primaryKey: { name: "PK_users_v2", columns: ["id"] },
    }));
    assert.deepEqual(
      roundTrip(linked, target).map((o) => o.kind),
      ["dropForeignKey", "dropPrimaryKey", "createPrimaryKey", "createForeignKey"],
    );
  });

  it("does not touch a foreign key when an unrelated column of either table changes", () => {
    const target = changeTable(
      changeTable(linked, "users", (t) => ({ ...t, columns: [...t.columns, col("age")] })),
      "posts",
      (t) => ({ ...t, columns: [...t.columns, col("n", types.bigint)] }),
    );
    assert.deepEqual(
      roundTrip(linked, target).map((o) => o.kind),
      ["addColumn", "addColumn"],
    );
  });

  it("adds a foreign key from an existing table to a new table after creating it", () => {
    const live = model({ tables: [posts] });
    const target = model({ tables: [{ ...posts, foreignKeys: [authorFk] }, users] });
    assert.deepEqual(roundTrip(live, target), [
      { kind: "createTable", table: users },
      { kind: "createForeignKey", table: "posts", foreignKey: authorFk },
    ]);
  });
});
