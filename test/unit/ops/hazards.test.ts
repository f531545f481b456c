import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DialectCapabilities } from "../../../src/dialects/dialect";
import { hazards, hazardsOf, type HazardLevel } from "../../../src/ops/hazards";
import type { Operation } from "../../../src/ops/types";
import { col, idTable, index, textCol, types } from "../diff/builders";

const postgres: DialectCapabilities = {
  transactionalDdl: true,
  canAlterColumnType: true,
  enumTypes: true,
  schemas: true,
  comments: true,
  arrays: true,
  rebuildsTables: false,
};
const sqlite: DialectCapabilities = {
  transactionalDdl: true,
  canAlterColumnType: false,
  enumTypes: false,
  schemas: false,
  comments: false,
  arrays: false,
  rebuildsTables: true,
};

const levels = (op: Operation, capabilities?: DialectCapabilities): HazardLevel[] =>
  hazards(op, capabilities).map((h) => h.level);
const alter = (from = col("c"), to = col("c")): Operation => ({
  kind: "alterColumn",
  table: "t",
  from,
  to,
});

describe("ops: hazards", () => {
  it("drops of tables and columns lose data", () => {
    assert.deepEqual(levels({ kind: "dropTable", table: idTable("t") }), ["data-loss"]);
    assert.deepEqual(levels({ kind: "dropColumn", table: "t", column: col("c") }), ["data-loss"]);
    assert.match(hazards({ kind: "dropColumn", table: "t", column: col("c") })[0]!.reason, /t\.c/);
  });

  it("narrowing a type or a length loses data; widening does not", () => {
    assert.deepEqual(levels(alter(col("c", types.varchar(100)), col("c", types.varchar(10)))), [
      "data-loss",
    ]);
    assert.deepEqual(levels(alter(col("c", types.numeric(10, 2)), col("c", types.numeric(8, 2)))), [
      "data-loss",
    ]);
    assert.deepEqual(levels(alter(col("c", types.varchar(10)), col("c", types.varchar(100)))), []);
    assert.deepEqual(
      levels(alter(col("c", types.varchar(10)), col("c", types.text)), postgres),
      [],
    );
  });

  it("a failing cast and SET NOT NULL may fail", () => {
    assert.deepEqual(levels(alter(col("c", types.text), col("c", types.int))), ["may-fail"]);
    assert.deepEqual(levels(alter(textCol("c"), col("c", types.text))), ["may-fail"]);
  });

  it("SET NOT NULL with a default is safe: existing NULLs are filled first", () => {
    assert.deepEqual(levels(alter(textCol("c"), col("c", types.text, { default: "'x'" }))), []);
  });

  it("removing an enum value loses data", () => {
    const op: Operation = { kind: "alterEnum", name: "e", from: ["a", "b"], to: ["a"], usedBy: [] };
    assert.deepEqual(levels(op), ["data-loss"]);
    assert.match(hazards(op)[0]!.reason, /'b'/);
    assert.deepEqual(levels({ ...op, from: ["a"], to: ["a", "b"] }), []);
  });

  it("new unique keys, foreign keys and checks may fail on existing rows", () => {
    assert.deepEqual(
      levels({ kind: "createUnique", table: "t", unique: { name: "u", columns: ["c"] } }),
      ["may-fail"],
    );
    assert.deepEqual(
      levels({ kind: "createIndex", table: "t", index: index("i", ["c"], { unique: true }) }),
      ["may-fail"],
    );
    assert.deepEqual(levels({ kind: "createIndex", table: "t", index: index("i", ["c"]) }), []);
    assert.deepEqual(
      levels({ kind: "createCheck", table: "t", check: { name: "k", expression: "c > 0" } }),
      ["may-fail"],
    );
    assert.deepEqual(
      levels({
        kind: "createForeignKey",
        table: "t",
        foreignKey: {
          name: "f",
          columns: ["c"],
          referencedTable: "u",
          referencedColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
      }),
      ["may-fail"],
    );
    assert.deepEqual(levels({ kind: "addColumn", table: "t", column: col("c") }), ["may-fail"]);
    assert.deepEqual(
      levels({ kind: "addColumn", table: "t", column: col("c", types.int, { default: "0" }) }),
      [],
    );
  });

  it("PostgreSQL: rewrites, plain index builds and immediate validation are heavy", () => {
    assert.deepEqual(levels(alter(col("c", types.int), col("c", types.bigint)), postgres), [
      "heavy",
    ]);
    assert.deepEqual(
      levels(alter(col("c", types.varchar(10)), col("c", types.varchar(20))), postgres),
      [],
    );
    assert.deepEqual(
      levels({ kind: "createIndex", table: "t", index: index("i", ["c"]) }, postgres),
      ["heavy"],
    );
    assert.match(
      hazards({ kind: "createIndex", table: "t", index: index("i", ["c"]) }, postgres)[0]!.reason,
      /CONCURRENTLY/,
    );
    assert.deepEqual(
      levels(
        {
          kind: "createForeignKey",
          table: "t",
          foreignKey: {
            name: "f",
            columns: ["c"],
            referencedTable: "u",
            referencedColumns: ["id"],
            onDelete: "NO ACTION",
            onUpdate: "NO ACTION",
          },
        },
        postgres,
      ),
      ["may-fail", "heavy"],
    );
    assert.deepEqual(
      levels(
        {
          kind: "addColumn",
          table: "t",
          column: col("c", types.uuid, { default: "gen_random_uuid()" }),
        },
        postgres,
      ),
      ["heavy"],
    );
    assert.deepEqual(
      levels(
        {
          kind: "alterEnum",
          name: "e",
          from: ["a", "b"],
          to: ["b", "a"],
          usedBy: [{ table: "t", column: col("c", types.enumOf("e")) }],
        },
        postgres,
      ),
      ["heavy"],
    );
  });

  it("SQLite: changes that rebuild the table are heavy; no CONCURRENTLY warning", () => {
    assert.deepEqual(levels(alter(col("c"), col("c", types.int, { default: "1" })), sqlite), [
      "heavy",
    ]);
    assert.deepEqual(
      levels({ kind: "createIndex", table: "t", index: index("i", ["c"]) }, sqlite),
      [],
    );
    assert.deepEqual(
      levels({ kind: "dropCheck", table: "t", check: { name: "k", expression: "c > 0" } }, sqlite),
      ["heavy"],
    );
  });

  it("nothing to fear for renames, new tables and anything on a table created in the same list", () => {
    assert.deepEqual(
      levels({ kind: "renameColumn", table: "t", from: "a", to: "b" }, postgres),
      [],
    );
    assert.deepEqual(levels({ kind: "createTable", table: idTable("t") }, postgres), []);
    const ops: Operation[] = [
      { kind: "createTable", table: idTable("t", [textCol("c")]) },
      { kind: "createIndex", table: "t", index: index("i", ["c"], { unique: true }) },
      { kind: "createIndex", table: "old", index: index("j", ["c"]) },
      { kind: "dropColumn", table: "t", column: textCol("c") },
    ];
    assert.deepEqual(
      hazardsOf(ops, postgres).map((h) => h.hazards.map((x) => x.level)),
      [[], [], ["heavy"], ["data-loss"]],
    );
  });
});
