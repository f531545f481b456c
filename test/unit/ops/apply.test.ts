import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sortModel } from "../../../src/model/sort";
import { applyAll, applyOperation } from "../../../src/ops/apply";
import { InvalidOperationError } from "../../../src/util/errors";
import type { Operation } from "../../../src/ops/types";
import { col, enumType, fk, idTable, index, model, textCol, types } from "../diff/builders";

const users = idTable("users", [textCol("name"), col("status", types.enumOf("status"))], {
  indexes: [index("IDX_name", ["name"])],
});
const posts = idTable("posts", [col("author_id")], {
  foreignKeys: [fk("FK_author", ["author_id"], "users")],
});
const base = model({ tables: [users, posts], enums: [enumType("status", ["on"])] });

function rejects(op: Operation, pattern: RegExp): void {
  assert.throws(
    () => applyOperation(base, op),
    (error: unknown) => {
      assert.ok(error instanceof InvalidOperationError);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

describe("ops: apply", () => {
  it("returns a sorted model and leaves its input alone", () => {
    const before = JSON.stringify(base);
    const result = applyOperation(base, { kind: "createTable", table: idTable("aaa") });
    assert.equal(JSON.stringify(base), before);
    assert.deepEqual(result, sortModel({ ...base, tables: [...base.tables, idTable("aaa")] }));
  });

  it("makes foreign keys follow a renamed table and a renamed column", () => {
    const renamed = applyAll(base, [
      { kind: "renameTable", from: "users", to: "people" },
      { kind: "renameColumn", table: "people", from: "id", to: "person_id" },
      { kind: "renameColumn", table: "people", from: "name", to: "full_name" },
    ]);
    const people = renamed.tables.find((t) => t.name === "people")!;
    assert.deepEqual(people.primaryKey, { name: "PK_users", columns: ["person_id"] });
    assert.deepEqual(people.indexes, [index("IDX_name", ["full_name"])]);
    assert.deepEqual(renamed.tables.find((t) => t.name === "posts")!.foreignKeys, [
      fk("FK_author", ["author_id"], "people", ["person_id"]),
    ]);
  });

  it("refuses a table that exists or a foreign key to a missing table", () => {
    rejects({ kind: "createTable", table: idTable("users") }, /the table exists/);
    rejects(
      {
        kind: "createTable",
        table: idTable("x", [col("y")], { foreignKeys: [fk("FK_y", ["y"], "nope")] }),
      },
      /missing table nope/,
    );
    rejects(
      {
        kind: "createForeignKey",
        table: "posts",
        foreignKey: fk("FK_n", ["author_id"], "users", ["nope"]),
      },
      /users\.nope does not exist/,
    );
  });

  it("refuses to drop a table other tables still reference", () => {
    rejects({ kind: "dropTable", table: users }, /FK_author/);
  });

  it("refuses to drop a column an index or a foreign key uses", () => {
    rejects({ kind: "dropColumn", table: "users", column: textCol("name") }, /IDX_name/);
    rejects({ kind: "dropColumn", table: "users", column: users.columns[0]! }, /FK_author/);
  });

  it("refuses to drop an enum a column uses, or to use a missing enum", () => {
    rejects(
      { kind: "dropEnum", enumType: enumType("status", ["on"]) },
      /users\.status still uses it/,
    );
    rejects(
      { kind: "addColumn", table: "posts", column: col("mood", types.enumOf("mood")) },
      /enum type mood does not exist/,
    );
  });

  it("checks carried data in strict mode only", () => {
    const stale: Operation = {
      kind: "alterColumn",
      table: "users",
      from: textCol("name", { comment: "x" }),
      to: textCol("name", { default: "''" }),
    };
    rejects(stale, /not as `from` says/);
    rejects({ kind: "dropIndex", table: "users", index: index("IDX_name", ["other"]) }, /differs/);
    const loose = applyOperation(base, stale, { strict: false });
    assert.deepEqual(
      loose.tables.find((t) => t.name === "users")!.columns[1],
      textCol("name", { default: "''" }),
    );
  });

  it("refuses to rename through alterColumn and to touch missing things", () => {
    rejects(
      { kind: "alterColumn", table: "users", from: textCol("name"), to: textCol("title") },
      /use renameColumn/,
    );
    rejects(
      { kind: "addColumn", table: "ghosts", column: textCol("x") },
      /table ghosts does not exist/,
    );
    rejects(
      { kind: "renameColumn", table: "users", from: "name", to: "status" },
      /column status exists/,
    );
    rejects(
      { kind: "createPrimaryKey", table: "users", primaryKey: { columns: ["id"] } },
      /already has a primary key/,
    );
  });

  it("leaves the model alone for raw SQL", () => {
    assert.deepEqual(applyOperation(base, { kind: "execute", sql: "SELECT 1" }), sortModel(base));
  });
});
