import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { applyAll } from "../../../src/ops/apply";
import { IrreversibleOperationError } from "../../../src/util/errors";
import { isReversible, reverse, reverseAll } from "../../../src/ops/reverse";
import type { Operation, OperationKind, OperationOf } from "../../../src/ops/types";
import {
  assertSameModel,
  check,
  col,
  enumType,
  fk,
  idTable,
  index,
  model,
  table,
  textCol,
  types,
  view,
} from "../diff/builders";

const users = idTable("users", [textCol("name"), col("age")], {
  indexes: [index("IDX_name", ["name"])],
  uniques: [{ name: "UQ_name", columns: ["name"] }],
  checks: [check("CHK_age", "age >= 0")],
  exclusions: [{ name: "EXC_name", expression: "USING gist (name WITH =)" }],
});
const posts = idTable("posts", [col("author_id")], {
  foreignKeys: [fk("FK_author", ["author_id"], "users")],
});
const loose = table("loose", [col("a"), col("b")], {
  primaryKey: { name: "PK_loose", columns: ["a"] },
});
const base = model({
  tables: [users, posts, loose],
  enums: [enumType("status", ["on", "off"]), enumType("unused", ["x"])],
  views: [view("v", "SELECT 1")],
});

/** One sample of every operation kind that applies to `base`; a new kind fails to compile here. */
const samples: { [K in OperationKind]: OperationOf<K> } = {
  createTable: {
    kind: "createTable",
    table: idTable("extra", [col("user_id")], { foreignKeys: [fk("FK_x", ["user_id"], "users")] }),
  },
  dropTable: { kind: "dropTable", table: loose },
  renameTable: { kind: "renameTable", from: "users", to: "people" },
  addColumn: { kind: "addColumn", table: "users", column: textCol("email") },
  dropColumn: { kind: "dropColumn", table: "users", column: col("age") },
  alterColumn: {
    kind: "alterColumn",
    table: "users",
    from: col("age"),
    to: col("age", types.bigint, { default: "0" }),
    using: "age::bigint",
  },
  renameColumn: { kind: "renameColumn", table: "users", from: "id", to: "user_id" },
  createIndex: {
    kind: "createIndex",
    table: "users",
    index: index("IDX_age", ["age"], { where: "age > 0" }),
  },
  dropIndex: { kind: "dropIndex", table: "users", index: index("IDX_name", ["name"]) },
  createUnique: {
    kind: "createUnique",
    table: "users",
    unique: { name: "UQ_age", columns: ["age"] },
  },
  dropUnique: {
    kind: "dropUnique",
    table: "users",
    unique: { name: "UQ_name", columns: ["name"] },
  },
  createForeignKey: {
    kind: "createForeignKey",
    table: "loose",
    foreignKey: fk("FK_loose", ["b"], "users"),
  },
  dropForeignKey: {
    kind: "dropForeignKey",
    table: "posts",
    foreignKey: fk("FK_author", ["author_id"], "users"),
  },
  createCheck: { kind: "createCheck", table: "users", check: check("CHK_name", "name <> ''") },
  dropCheck: { kind: "dropCheck", table: "users", check: check("CHK_age", "age >= 0") },
  createExclusion: {
    kind: "createExclusion",
    table: "users",
    exclusion: { name: "EXC_age", expression: "USING gist (age WITH =)" },
  },
  dropExclusion: {
    kind: "dropExclusion",
    table: "users",
    exclusion: { name: "EXC_name", expression: "USING gist (name WITH =)" },
  },
  createPrimaryKey: { kind: "createPrimaryKey", table: "extra_pk", primaryKey: { columns: ["a"] } },
  dropPrimaryKey: {
    kind: "dropPrimaryKey",
    table: "loose",
    primaryKey: { name: "PK_loose", columns: ["a"] },
  },
  setTableComment: { kind: "setTableComment", table: "users", to: "people" },
  createEnum: { kind: "createEnum", enumType: enumType("mood", ["ok", "meh"]) },
  dropEnum: { kind: "dropEnum", enumType: enumType("unused", ["x"]) },
  alterEnum: {
    kind: "alterEnum",
    name: "status",
    from: ["on", "off"],
    to: ["off", "broken"],
    usedBy: [],
  },
  createView: { kind: "createView", view: view("w", "SELECT 2", true) },
  dropView: { kind: "dropView", view: view("v", "SELECT 1") },
  execute: {
    kind: "execute",
    sql: "UPDATE users SET age = $1",
    params: [1],
    reverseSql: "UPDATE users SET age = 0",
  },
};

const expectedReverseKind: Record<OperationKind, OperationKind> = {
  createTable: "dropTable",
  dropTable: "createTable",
  renameTable: "renameTable",
  addColumn: "dropColumn",
  dropColumn: "addColumn",
  alterColumn: "alterColumn",
  renameColumn: "renameColumn",
  createIndex: "dropIndex",
  dropIndex: "createIndex",
  createUnique: "dropUnique",
  dropUnique: "createUnique",
  createForeignKey: "dropForeignKey",
  dropForeignKey: "createForeignKey",
  createCheck: "dropCheck",
  dropCheck: "createCheck",
  createExclusion: "dropExclusion",
  dropExclusion: "createExclusion",
  createPrimaryKey: "dropPrimaryKey",
  dropPrimaryKey: "createPrimaryKey",
  setTableComment: "setTableComment",
  createEnum: "dropEnum",
  dropEnum: "createEnum",
  alterEnum: "alterEnum",
  createView: "dropView",
  dropView: "createView",
  execute: "execute",
};

// The primary-key sample needs a table without one.
const withKeyless = { ...base, tables: [...base.tables, table("extra_pk", [col("a")])] };

describe("ops: reverse", () => {
  for (const op of Object.values(samples) as Operation[]) {
    it(`reverses ${op.kind}, and applying both restores the model`, () => {
      const back = reverse(op);
      assert.equal(back.kind, expectedReverseKind[op.kind]);
      const twice = reverse(back);
      if (op.kind === "alterColumn") {
        // `using` converts towards `to` only; it is dropped from the reverse.
        const { using: _using, ...rest } = op;
        assert.deepEqual(twice, rest);
      } else {
        assert.deepEqual(twice, op);
      }
      const changed = applyAll(withKeyless, [op]);
      if (op.kind !== "execute") assert.notDeepEqual(changed, applyAll(withKeyless, []));
      assertSameModel(applyAll(changed, [back]), withKeyless);
    });
  }

  it("swaps from and to of an alterEnum and a setTableComment", () => {
    assert.deepEqual(reverse(samples.alterEnum), {
      kind: "alterEnum",
      name: "status",
      from: ["off", "broken"],
      to: ["on", "off"],
      usedBy: [],
    });
    assert.deepEqual(reverse(samples.setTableComment), {
      kind: "setTableComment",
      table: "users",
      from: "people",
    });
  });

  it("refuses to reverse raw SQL without reverse SQL, naming it", () => {
    const op: Operation = { kind: "execute", sql: "DELETE FROM users WHERE age < 0" };
    assert.throws(
      () => reverse(op),
      (error: unknown) => {
        assert.ok(error instanceof IrreversibleOperationError);
        assert.match(error.message, /DELETE FROM users WHERE age < 0/);
        return true;
      },
    );
    assert.equal(isReversible([samples.execute, op]), false);
    assert.equal(isReversible([samples.execute]), true);
  });

  it("reverseAll reverses each operation and their order", () => {
    const ops: Operation[] = [samples.addColumn, samples.createIndex, samples.renameTable];
    assert.deepEqual(reverseAll(ops), [
      reverse(samples.renameTable),
      reverse(samples.createIndex),
      reverse(samples.addColumn),
    ]);
    const upgraded = applyAll(base, ops);
    assertSameModel(applyAll(upgraded, reverseAll(ops)), base);
  });
});
