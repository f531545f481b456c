import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  diffModels,
  diffModelsAsync,
  renamesFromList,
  type RenameResolver,
} from "../../../src/diff";
import type { SchemaModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import { UsageError } from "../../../src/util/errors";
import { assertSameModel, changeTable, col, fk, idTable, model, textCol } from "./builders";

const users = idTable("users", [textCol("name")]);
const posts = idTable("posts", [col("author_id")], {
  foreignKeys: [fk("FK_author", ["author_id"], "users")],
});
const live = model({ tables: [users, posts] });
const renameName = (m: SchemaModel) =>
  changeTable(m, "users", (t) => ({
    ...t,
    columns: t.columns.map((c) => (c.name === "name" ? { ...c, name: "full_name" } : c)),
  }));

function roundTrip(from: SchemaModel, to: SchemaModel, renames: string[]) {
  const ops = diffModels(from, to, { renames: renamesFromList(renames) });
  assertSameModel(applyAll(from, ops), to);
  assertSameModel(applyAll(to, reverseAll(ops)), from);
  return ops;
}

describe("diff: renames", () => {
  it("guesses no rename without a resolver", () => {
    assert.deepEqual(
      diffModels(live, renameName(live)).map((o) => o.kind),
      ["dropColumn", "addColumn"],
    );
  });

  it("renames a column named in the list", () => {
    assert.deepEqual(roundTrip(live, renameName(live), ["users.name->users.full_name"]), [
      { kind: "renameColumn", table: "users", from: "name", to: "full_name" },
    ]);
    assert.deepEqual(roundTrip(live, renameName(live), ["users.name->full_name"]).length, 1);
  });

  it("renames a table, and foreign keys pointing at it follow", () => {
    const people = { ...users, name: "people", primaryKey: users.primaryKey };
    const target = model({
      tables: [
        people,
        { ...posts, foreignKeys: [{ ...posts.foreignKeys[0]!, referencedTable: "people" }] },
      ],
    });
    assert.deepEqual(roundTrip(live, target, ["users->people"]), [
      { kind: "renameTable", from: "users", to: "people" },
    ]);
  });

  it("renames a table and one of its columns, then diffs the rest", () => {
    const target = model({
      tables: [
        {
          ...users,
          name: "people",
          columns: [users.columns[0]!, textCol("full_name", { comment: "c" })],
        },
        { ...posts, foreignKeys: [{ ...posts.foreignKeys[0]!, referencedTable: "people" }] },
      ],
    });
    assert.deepEqual(roundTrip(live, target, ["users->people", "people.name->people.full_name"]), [
      { kind: "renameTable", from: "users", to: "people" },
      { kind: "renameColumn", table: "people", from: "name", to: "full_name" },
      {
        kind: "alterColumn",
        table: "people",
        from: textCol("full_name"),
        to: textCol("full_name", { comment: "c" }),
      },
    ]);
  });

  it("asks the resolver only about dropped and added things", () => {
    const asked: string[] = [];
    const resolver: RenameResolver = {
      resolveTableRenames(dropped, added) {
        asked.push(`tables ${dropped.map((t) => t.name)} -> ${added.map((t) => t.name)}`);
        return [];
      },
      resolveColumnRenames(table, dropped, added) {
        asked.push(`${table.name}: ${dropped.map((c) => c.name)} -> ${added.map((c) => c.name)}`);
        return [{ from: "name", to: "full_name" }];
      },
    };
    const target = { ...renameName(live), tables: [...renameName(live).tables, idTable("tags")] };
    const ops = diffModels(live, target, { renames: resolver });
    assert.deepEqual(asked, ["users: name -> full_name"]);
    assert.deepEqual(
      ops.map((o) => o.kind),
      ["renameColumn", "createTable"],
    );
  });

  it("rejects an answer that pairs names not offered", () => {
    const resolver: RenameResolver = {
      resolveTableRenames: () => [],
      resolveColumnRenames: () => [{ from: "nope", to: "full_name" }],
    };
    assert.throws(() => diffModels(live, renameName(live), { renames: resolver }), UsageError);
  });

  it("resolves asynchronously with diffModelsAsync", async () => {
    const ops = await diffModelsAsync(live, renameName(live), {
      renames: {
        resolveTableRenames: async () => [],
        resolveColumnRenames: async () => [{ from: "name", to: "full_name" }],
      },
    });
    assert.deepEqual(ops, [
      { kind: "renameColumn", table: "users", from: "name", to: "full_name" },
    ]);
  });

  it("reports unused list entries and rejects malformed ones", () => {
    const resolver = renamesFromList(["users.name->users.full_name", "ghost->spirit"]);
    diffModels(live, renameName(live), { renames: resolver });
    assert.deepEqual(resolver.unused(), ["ghost->spirit"]);
    assert.throws(() => renamesFromList(["users.name"]), UsageError);
    assert.throws(() => renamesFromList(["a->"]), UsageError);
  });
});
