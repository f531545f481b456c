import assert from "node:assert/strict";
import { test } from "node:test";
import { formatChangeSummary, summarizeOperations } from "../../../src/commands/change-summary";
import { splitOfflineRange } from "../../../src/commands/migrate";
import { entryJson, formatRevisionEntry, formatRevisionLine } from "../../../src/commands/revision-format";
import { entryOf } from "../../../src/revision";
import { dialects } from "../../../src/dialects";
import type { Column, TableModel } from "../../../src/model/types";
import type { Operation } from "../../../src/ops/types";
import { UsageError } from "../../../src/util/errors";
import { DIAMOND, graphOf } from "../revision/build";

const graph = graphOf([...DIAMOND.slice(0, 5), ["m", ["a2", "b2"], { branchLabels: ["release"] }], ["c1", ["m"]]]);

test("one-line forms follow Alembic: parents, labels, head/current/branch/merge markers, message", () => {
  const history = { parents: true, message: true, branchLabels: true, current: true };
  assert.equal(formatRevisionLine(entryOf(graph, "r0"), history), "<base> -> r0 (branchpoint), revision r0");
  assert.equal(formatRevisionLine(entryOf(graph, "m"), history), "a2, b2 -> m (release) (mergepoint), revision m");
  assert.equal(formatRevisionLine(entryOf(graph, "c1", ["c1"]), history), "m -> c1 (head) (current), revision c1");
  assert.equal(formatRevisionLine(entryOf(graph, "c1", ["c1"])), "c1 (head)", "current markers only when asked");
  assert.equal(formatRevisionLine(entryOf(graph, "m"), { treeMarkers: false }), "m");
});

test("the verbose entry: Rev, Merges/Parent, Children, Branch names, Path, message and header", () => {
  assert.deepEqual(formatRevisionEntry(entryOf(graph, "m", ["c1"]), true), [
    "Rev: m (mergepoint)",
    "Merges: a2, b2",
    "Children: c1",
    "Branch names: release",
    "Path: migrations/m.ts",
    "",
    "    revision m",
    "",
    "    Revision ID: m",
    "    Revises: a2, b2",
    `    Create Date: ${graph.nodes.get("m")!.createdAt}`,
  ]);
  assert.equal(formatRevisionEntry(entryOf(graph, "c1", ["c1"]), true)[0], "Rev: c1 (head) (current)");
  assert.equal(formatRevisionEntry(entryOf(graph, "r0"))[1], "Parent: <base>");
});

test("entries know what is applied; JSON leaves database fields out unless the database was read", () => {
  assert.equal(entryOf(graph, "a1", ["a2", "b2"]).isApplied, true);
  assert.equal(entryOf(graph, "m", ["a2", "b2"]).isApplied, false);
  assert.equal("isApplied" in entryJson(entryOf(graph, "a1"), false), false);
  assert.equal(entryJson(entryOf(graph, "a1", ["a2"]), true).isApplied, true);
});

const column = (name: string, nullable: boolean): Column => ({ name, type: { kind: "integer" }, nullable });
const table: TableModel = {
  name: "users",
  columns: [column("id", false)],
  primaryKey: { columns: ["id"] },
  indexes: [],
  uniques: [],
  foreignKeys: [],
  checks: [],
  exclusions: [],
};

test("the change summary: one line per operation, then hazards counted and listed, data loss first", () => {
  const ops: Operation[] = [
    { kind: "addColumn", table: "users", column: column("age", false) },
    { kind: "dropColumn", table: "users", column: column("legacy", true) },
  ];
  assert.deepEqual(formatChangeSummary(summarizeOperations(ops)), [
    "  - add column users.age",
    "  - drop column users.legacy",
    "2 hazards: 1 data loss, 1 may fail",
    "  data loss: drops column users.legacy and its values",
    "  may fail: NOT NULL column users.age without a default fails on a non-empty table",
  ]);
  const sqlite = formatChangeSummary(summarizeOperations(ops.slice(1), dialects.sqlite.capabilities));
  assert.equal(sqlite[1], "2 hazards: 1 data loss, 1 heavy");
  const created: Operation[] = [{ kind: "createTable", table }];
  assert.deepEqual(formatChangeSummary(summarizeOperations(created)), ["  - create table users"], "no hazard, no hazard block");
});

test("offline ranges: from:to, upgrade from base, downgrade needs a range", () => {
  assert.deepEqual(splitOfflineRange("up", "head"), { to: "head" });
  assert.deepEqual(splitOfflineRange("up", "ae10:head"), { from: "ae10", to: "head" });
  assert.deepEqual(splitOfflineRange("down", "head:-1"), { from: "head", to: "-1" });
  assert.throws(() => splitOfflineRange("down", "base"), (error: unknown) => error instanceof UsageError && /head:base --sql/.test(error.message));
  assert.throws(() => splitOfflineRange("up", ":head"), UsageError);
  assert.throws(() => splitOfflineRange("up", "a:b:c"), UsageError);
});
