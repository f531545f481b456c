import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileExcludes, diffModels } from "../../../src/diff";
import { idTable, model, textCol, view } from "./builders";

describe("diff: excluded tables", () => {
  it("matches exact names, qualified names and * patterns", () => {
    const excluded = compileExcludes(["migrations", "tmp_*", "audit.*"]);
    assert.equal(excluded({ name: "migrations" }), true);
    assert.equal(excluded({ name: "tmp_2024" }), true);
    assert.equal(excluded({ schema: "audit", name: "events" }), true);
    assert.equal(excluded({ name: "events" }), false);
    assert.equal(excluded({ name: "my_migrations" }), false);
    assert.equal(excluded({ name: "tmp.x" }), false);
  });

  it("never touches an excluded table, in either direction", () => {
    const live = model({ tables: [idTable("legacy"), idTable("tmp_a"), idTable("users")] });
    const target = model({
      tables: [idTable("users", [textCol("x")]), idTable("tmp_b", [textCol("y")])],
    });
    const ops = diffModels(live, target, { excludeTables: ["legacy", "tmp_*"] });
    assert.deepEqual(
      ops.map((o) => o.kind),
      ["addColumn"],
    );
    assert.deepEqual(
      diffModels(target, live, { excludeTables: ["legacy", "tmp_*"] }).map((o) => o.kind),
      ["dropColumn"],
    );
  });

  it("never touches an excluded view", () => {
    const live = model({ views: [view("report_v", "SELECT 1")] });
    assert.deepEqual(diffModels(live, model(), { excludeTables: ["report_*"] }), []);
  });
});
