import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels } from "../../../src/diff";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import type { Operation } from "../../../src/ops/types";
import {
  assertSameModel,
  col,
  enumType,
  fk,
  idTable,
  index,
  model,
  table,
  textCol,
  types,
} from "./builders";

const kinds = (ops: readonly Operation[]): string[] =>
  ops.map((op) =>
    `${op.kind} ${"table" in op && typeof op.table === "object" ? op.table.name : "table" in op ? op.table : ""}`.trim(),
  );

describe("diff: tables", () => {
  it("finds nothing between equal models", () => {
    const m = model({ tables: [idTable("users", [textCol("name")])] });
    assert.deepEqual(diffModels(m, m), []);
  });

  it("creates an added table, whole, with its indexes", () => {
    const users = idTable("users", [textCol("email")], {
      indexes: [index("IDX_email", ["email"])],
    });
    assert.deepEqual(diffModels(model(), model({ tables: [users] })), [
      { kind: "createTable", table: users },
    ]);
  });

  it("drops a removed table, carrying it whole", () => {
    const users = idTable("users", [textCol("email")]);
    assert.deepEqual(diffModels(model({ tables: [users] }), model()), [
      { kind: "dropTable", table: users },
    ]);
  });

  it("creates a referenced new table first and declares the FK inline", () => {
    const posts = idTable("posts", [col("author_id")], {
      foreignKeys: [fk("FK_author", ["author_id"], "users")],
    });
    const users = idTable("users");
    // "posts" sorts before "users", so only the dependency order puts users first.
    const ops = diffModels(model(), model({ tables: [posts, users] }));
    assert.deepEqual(ops, [
      { kind: "createTable", table: users },
      { kind: "createTable", table: posts },
    ]);
  });

  it("keeps a self-reference inline", () => {
    const nodes = idTable("nodes", [col("parent_id", types.int, { nullable: true })], {
      foreignKeys: [fk("FK_parent", ["parent_id"], "nodes")],
    });
    assert.deepEqual(diffModels(model(), model({ tables: [nodes] })), [
      { kind: "createTable", table: nodes },
    ]);
  });

  it("breaks a cycle between new tables with a separate createForeignKey", () => {
    const a = idTable("a", [col("b_id")], { foreignKeys: [fk("FK_a_b", ["b_id"], "b")] });
    const b = idTable("b", [col("a_id")], { foreignKeys: [fk("FK_b_a", ["a_id"], "a")] });
    const target = model({ tables: [a, b] });
    const ops = diffModels(model(), target);
    assert.deepEqual(ops, [
      { kind: "createTable", table: { ...b, foreignKeys: [] } },
      { kind: "createTable", table: a },
      { kind: "createForeignKey", table: "b", foreignKey: b.foreignKeys[0] },
    ]);
    assertSameModel(applyAll(model(), ops), target);
  });

  it("drops the referencing table before the referenced one, and FKs into a dropped table first", () => {
    const users = idTable("users");
    const posts = idTable("posts", [col("author_id")], {
      foreignKeys: [fk("FK_author", ["author_id"], "users")],
    });
    const comments = idTable("comments", [col("user_id")], {
      foreignKeys: [fk("FK_user", ["user_id"], "users")],
    });
    const live = model({ tables: [users, posts, comments] });
    const target = model({ tables: [{ ...comments, foreignKeys: [] }] });
    const ops = diffModels(live, target);
    assert.deepEqual(ops, [
      { kind: "dropForeignKey", table: "comments", foreignKey: comments.foreignKeys[0] },
      { kind: "dropTable", table: posts },
      { kind: "dropTable", table: users },
    ]);
    assertSameModel(applyAll(live, ops), target);
  });

  it("drops a cycle of tables by dropping one key first", () => {
    const a = idTable("a", [col("b_id")], { foreignKeys: [fk("FK_a_b", ["b_id"], "b")] });
    const b = idTable("b", [col("a_id")], { foreignKeys: [fk("FK_b_a", ["a_id"], "a")] });
    const live = model({ tables: [a, b] });
    const ops = diffModels(live, model());
    assert.deepEqual(kinds(ops), ["dropForeignKey b", "dropTable a", "dropTable b"]);
    assertSameModel(applyAll(live, ops), model());
    assertSameModel(applyAll(model(), reverseAll(ops)), live);
  });

  it("creates an enum before the table that uses it, drops it after the table", () => {
    const status = enumType("status", ["on", "off"]);
    const t = idTable("lamps", [col("status", types.enumOf("status"))]);
    const withEnum = model({ tables: [t], enums: [status] });
    assert.deepEqual(diffModels(model(), withEnum), [
      { kind: "createEnum", enumType: status },
      { kind: "createTable", table: t },
    ]);
    assert.deepEqual(diffModels(withEnum, model()), [
      { kind: "dropTable", table: t },
      { kind: "dropEnum", enumType: status },
    ]);
  });

  it("defers the inline FK of a new table to an existing table whose key changes", () => {
    const users = table("users", [col("id"), col("code")], {
      primaryKey: { name: "PK_users", columns: ["id"] },
    });
    const usersKeyed = { ...users, uniques: [{ name: "UQ_code", columns: ["code"] }] };
    const badges = idTable("badges", [col("user_code")], {
      foreignKeys: [fk("FK_code", ["user_code"], "users", ["code"])],
    });
    const live = model({ tables: [users] });
    const target = model({ tables: [usersKeyed, badges] });
    const ops = diffModels(live, target);
    assert.deepEqual(ops, [
      { kind: "createTable", table: { ...badges, foreignKeys: [] } },
      { kind: "createUnique", table: "users", unique: usersKeyed.uniques[0] },
      { kind: "createForeignKey", table: "badges", foreignKey: badges.foreignKeys[0] },
    ]);
    assertSameModel(applyAll(live, ops), target);
  });

  it("keeps tables of other schemas apart", () => {
    const plain = table("events", [col("id")]);
    const audit = { ...table("events", [col("id"), textCol("who")]), schema: "audit" };
    const ops = diffModels(model({ tables: [plain] }), model({ tables: [plain, audit] }));
    assert.deepEqual(ops, [{ kind: "createTable", table: audit }]);
  });

  it("sets, changes and removes a table comment", () => {
    const t = idTable("users");
    const commented = { ...t, comment: "people" };
    assert.deepEqual(diffModels(model({ tables: [t] }), model({ tables: [commented] })), [
      { kind: "setTableComment", table: "users", to: "people" },
    ]);
    assert.deepEqual(diffModels(model({ tables: [commented] }), model({ tables: [t] })), [
      { kind: "setTableComment", table: "users", from: "people" },
    ]);
  });
});
