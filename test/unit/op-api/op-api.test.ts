import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidOperationError } from "../../../src/util/errors";
import type { Operation, OperationKind } from "../../../src/ops/types";
import { validateMigrationModule } from "../../../src/runtime/migration-module";
import { collectOperations, createOpApi, type OpApi } from "../../../src/runtime/op-api";
import { LoadError, MigrationError } from "../../../src/util/errors";
import { allOperationKinds } from "../../helpers/operation-kinds";


async function rejectsInvalid(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof InvalidOperationError, `expected an InvalidOperationError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

describe("createOpApi", () => {
  it("has one method per operation kind, plus queryRunner, and cannot be changed", () => {
    const api = createOpApi(async () => undefined, { queryRunner: undefined });
    assert.deepEqual(Object.keys(api).sort(), [...Object.keys(allOperationKinds), "queryRunner"].sort());
    for (const kind of Object.keys(allOperationKinds)) assert.equal(typeof (api as unknown as Record<string, unknown>)[kind], "function");
    assert.ok(Object.isFrozen(api));
  });

  it("builds operations from specs and awaits the sink for each, in order", async () => {
    const log: string[] = [];
    const api = createOpApi(
      async (op) => {
        log.push(`start ${op.kind}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`end ${op.kind}`);
      },
      { queryRunner: undefined },
    );
    await api.addColumn({ schema: "app", table: "users" }, { name: "age", type: "integer", nullable: true });
    await api.renameColumn("users", "age", "years");
    assert.deepEqual(log, ["start addColumn", "end addColumn", "start renameColumn", "end renameColumn"]);
  });

  it("turns each call into the operation it names", async () => {
    const ops = await collectOperations(async (op) => {
      await op.addColumn({ schema: "app", table: "users" }, { name: "age", type: "integer", nullable: true });
      await op.alterColumn("users", "age", { from: { type: "integer" }, to: { type: "bigint", default: 0 }, using: "age::bigint" });
      await op.renameTable({ schema: "app", table: "people" }, "users");
      await op.setTableComment("users", { from: null, to: "People" });
      await op.createPrimaryKey("pairs", ["a", "b"]);
      await op.createView({ schema: "r", name: "v" }, { definition: "SELECT 1", materialized: true });
    });
    const expected: Operation[] = [
      { kind: "addColumn", schema: "app", table: "users", column: { name: "age", type: { kind: "integer" }, nullable: true } },
      {
        kind: "alterColumn",
        table: "users",
        from: { name: "age", type: { kind: "integer" }, nullable: false },
        to: { name: "age", type: { kind: "bigint" }, nullable: false, default: "0" },
        using: "age::bigint",
      },
      { kind: "renameTable", schema: "app", from: "people", to: "users" },
      { kind: "setTableComment", table: "users", to: "People" },
      { kind: "createPrimaryKey", table: "pairs", primaryKey: { columns: ["a", "b"] } },
      { kind: "createView", view: { schema: "r", name: "v", definition: "SELECT 1", materialized: true } },
    ];
    assert.deepStrictEqual(ops, expected);
  });

  it("accepts every form of execute", async () => {
    const ops = await collectOperations(async (op) => {
      await op.execute("SELECT 1");
      await op.execute("SELECT 2", { reverse: "SELECT 3" });
      await op.execute("SELECT $1", [1]);
      await op.execute("SELECT $1", ["a", null, false], { reverse: { sql: "SELECT $1", params: ["b"] } });
    });
    assert.deepStrictEqual(ops, [
      { kind: "execute", sql: "SELECT 1" },
      { kind: "execute", sql: "SELECT 2", reverseSql: "SELECT 3" },
      { kind: "execute", sql: "SELECT $1", params: [1] },
      { kind: "execute", sql: "SELECT $1", params: ["a", null, false], reverseSql: "SELECT $1", reverseParams: ["b"] },
    ]);
  });

  it("rejects bad arguments with the method and table in the message, before the sink sees anything", async () => {
    const seen: Operation[] = [];
    const api = createOpApi(async (op) => void seen.push(op), { queryRunner: undefined });
    await rejectsInvalid(api.addColumn("users", { name: "email", type: "strng" }), /^op\.addColumn\("users"\) column "email" type: unknown type "strng"/);
    await rejectsInvalid(api.dropTable("users", undefined as never), /^op\.dropTable\("users"\): expected an object/);
    await rejectsInvalid(api.execute("SELECT $1", [Number.NaN]), /op\.execute params\[0\]: expected a string, finite number/);
    await rejectsInvalid(api.execute("SELECT 1", { revers: "x" } as never), /unknown option "revers"/);
    await rejectsInvalid(api.execute("" as string), /op\.execute sql: expected a non-empty string/);
    await rejectsInvalid(api.setTableComment("users", { to: 5 } as never), /to: expected a string or null/);
    await rejectsInvalid(api.renameColumn("users", "a", ""), /new name: expected a non-empty string/);
    assert.deepEqual(seen, []);
  });

  it("gives the query runner when there is one, and a clear error offline", async () => {
    const runner = { query: async () => [] };
    const online = createOpApi(async () => undefined, { queryRunner: runner });
    assert.equal(online.queryRunner as unknown, runner);
    const offline = createOpApi(async () => undefined, { queryRunner: undefined });
    assert.throws(() => offline.queryRunner, (error: unknown) => error instanceof MigrationError && /not available.*offline/.test(error.message));
  });

  it("collectOperations passes errors of the migration through", async () => {
    await assert.rejects(
      collectOperations(async (op: OpApi) => {
        await op.execute("SELECT 1");
        throw new Error("boom");
      }),
      /boom/,
    );
  });
});

describe("validateMigrationModule", () => {
  const FILE = "migrations/x.ts";
  const up = async (): Promise<void> => undefined;

  function rejects(exports: unknown, message: string): void {
    assert.throws(
      () => validateMigrationModule(exports, FILE),
      (error: unknown) => {
        assert.ok(error instanceof LoadError);
        assert.equal(error.file, FILE);
        assert.equal(error.message, message);
        return true;
      },
    );
  }

  it("accepts a module with revision, up and down", () => {
    const module = { revision: "abc", downRevision: null, up, down: up };
    assert.equal(validateMigrationModule(module, FILE), module);
  });

  it("names what is missing or wrong", () => {
    rejects({ revision: "abc", up }, "migrations/x.ts: no `down` function exported");
    rejects({ up, down: up }, "migrations/x.ts: no `revision` string exported");
    rejects({ revision: "", up: "x", down: up }, "migrations/x.ts: `revision` must be a non-empty string; `up` must be a function, not string");
    rejects(null, "migrations/x.ts: does not export anything (expected `revision`, `up` and `down`)");
  });
});
