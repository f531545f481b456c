import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels, renamesFromList } from "../../../src/diff";
import type { SchemaModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import type { Operation } from "../../../src/ops/types";
import {
  assertSameModel,
  changeTable,
  col,
  idTable,
  index,
  model,
  textCol,
  types,
  view,
} from "./builders";

function roundTrip(live: SchemaModel, target: SchemaModel, renames: string[] = []) {
  const ops = diffModels(live, target, { renames: renamesFromList(renames) });
  assertSameModel(applyAll(live, ops), target);
  assertSameModel(applyAll(target, reverseAll(ops)), live);
  return ops;
}

const names = (ops: readonly Operation[]) =>
  ops.map((o) =>
    o.kind === "createView" || o.kind === "dropView" ? `${o.kind} ${o.view.name}` : o.kind,
  );

const users = idTable("users", [textCol("name"), col("age")]);
const active = view("active_users", 'SELECT id, name FROM "users" WHERE age > 18');
const base = model({ tables: [users], views: [active] });

describe("diff: views", () => {
  it("creates an added view, last", () => {
    const target = { ...base, tables: [...base.tables, idTable("extra")] };
    const live = model({ tables: [users] });
    assert.deepEqual(names(roundTrip(live, target)), ["createTable", "createView active_users"]);
  });

  it("drops a removed view, first", () => {
    assert.deepEqual(roundTrip(base, model({ tables: [users] })), [
      { kind: "dropView", view: active },
    ]);
  });

  it("re-creates a view whose definition changes", () => {
    const changed = view("active_users", "SELECT id FROM users");
    assert.deepEqual(roundTrip(base, { ...base, views: [changed] }), [
      { kind: "dropView", view: active },
      { kind: "createView", view: changed },
    ]);
  });

  it("re-creates a view that becomes materialized", () => {
    const materialized = { ...active, materialized: true };
    assert.deepEqual(names(roundTrip(base, { ...base, views: [materialized] })), [
      "dropView active_users",
      "createView active_users",
    ]);
  });

  it("re-creates a view around a column change of a table it mentions", () => {
    const target = changeTable(base, "users", (t) => ({
      ...t,
      columns: t.columns.map((c) => (c.name === "age" ? { ...c, type: types.bigint } : c)),
    }));
    assert.deepEqual(names(roundTrip(base, target)), [
      "dropView active_users",
      "alterColumn",
      "createView active_users",
    ]);
  });

  it("leaves a view alone when its table only gains a column or an index", () => {
    const target = changeTable(base, "users", (t) => ({
      ...t,
      columns: [...t.columns, textCol("email")],
      indexes: [index("IDX_name", ["name"])],
    }));
    assert.deepEqual(names(roundTrip(base, target)), ["addColumn", "createIndex"]);
  });

  it("re-creates a view mentioning a renamed column's table", () => {
    const target = changeTable(base, "users", (t) => ({
      ...t,
      columns: t.columns.map((c) => (c.name === "name" ? { ...c, name: "full_name" } : c)),
    }));
    const renamed = {
      ...target,
      views: [view("active_users", "SELECT id, full_name FROM users WHERE age > 18")],
    };
    assert.deepEqual(names(roundTrip(base, renamed, ["users.name->users.full_name"])), [
      "renameColumn",
      "dropView active_users",
      "createView active_users",
    ]);
  });

  it("drops dependent views first and creates them last", () => {
    const adults = view("adults", "SELECT * FROM active_users");
    const live = { ...base, views: [active, adults] };
    const changed = view("active_users", "SELECT id FROM users");
    const ops = roundTrip(live, { ...base, views: [changed, adults] });
    assert.deepEqual(names(ops), [
      "dropView adults",
      "dropView active_users",
      "createView active_users",
      "createView adults",
    ]);
  });
});
