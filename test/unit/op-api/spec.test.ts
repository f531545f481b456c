import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Column, ColumnType, ForeignKey, Index, TableModel } from "../../../src/model/types";
import { InvalidOperationError } from "../../../src/util/errors";
import {
  alterEnumFromSpec,
  columnDefinitionFromSpec,
  columnDefinitionToSpec,
  columnFromSpec,
  columnToSpec,
  columnTypeFromSpec,
  columnTypeToSpec,
  enumFromSpec,
  foreignKeyFromSpec,
  foreignKeyToSpec,
  indexFromSpec,
  indexToSpec,
  primaryKeyFromSpec,
  primaryKeyToSpec,
  tableFromSpec,
  tableToSpec,
  viewFromSpec,
  viewToSpec,
  type ColumnSpec,
  type ForeignKeySpec,
  type TableSpec,
} from "../../../src/ops/spec";

const TYPES: readonly ColumnType[] = [
  { kind: "smallint" },
  { kind: "integer" },
  { kind: "bigint" },
  { kind: "real" },
  { kind: "double" },
  { kind: "numeric" },
  { kind: "numeric", precision: 10 },
  { kind: "numeric", precision: 10, scale: 2 },
  { kind: "numeric", scale: 2 },
  { kind: "boolean" },
  { kind: "varchar" },
  { kind: "varchar", length: 255 },
  { kind: "char", length: 1 },
  { kind: "text" },
  { kind: "uuid" },
  { kind: "json" },
  { kind: "jsonb" },
  { kind: "blob" },
  { kind: "date" },
  { kind: "time", withTimeZone: false },
  { kind: "time", precision: 3, withTimeZone: true },
  { kind: "timestamp", withTimeZone: false },
  { kind: "timestamp", precision: 6, withTimeZone: true },
  { kind: "interval" },
  { kind: "enum", name: "mood" },
  { kind: "enum", name: "mood", schema: "app" },
  { kind: "inline-enum", values: ["a", "b", ""] },
  { kind: "array", element: { kind: "integer" } },
  { kind: "array", element: { kind: "varchar", length: 20 } },
  { kind: "array", element: { kind: "array", element: { kind: "text" } } },
  { kind: "array", element: { kind: "enum", name: "mood" } },
  { kind: "native", sql: "citext" },
  { kind: "native", sql: "geometry(point,4326)" },
];

const COLUMNS: readonly Column[] = [
  { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" },
  { name: "n", type: { kind: "bigint" }, nullable: false, identity: "always" },
  { name: "m", type: { kind: "bigint" }, nullable: false, identity: "by-default" },
  { name: "title", type: { kind: "varchar", length: 255 }, nullable: true, default: "'untitled'" },
  { name: "at", type: { kind: "timestamp", withTimeZone: true }, nullable: false, default: "now()", comment: "" },
  { name: "lower", type: { kind: "text" }, nullable: true, computed: { expression: "lower(title)", stored: false } },
  { name: "code", type: { kind: "text" }, nullable: false, collation: "C", comment: "Supplier's code" },
];

const FOREIGN_KEYS: readonly ForeignKey[] = [
  { name: "FK_a", columns: ["a"], referencedTable: "t", referencedColumns: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION" },
  {
    name: "FK_b",
    columns: ["x", "y"],
    referencedSchema: "other",
    referencedTable: "t",
    referencedColumns: ["x", "y"],
    onDelete: "SET NULL",
    onUpdate: "CASCADE",
    deferrable: "INITIALLY DEFERRED",
  },
];

const INDEXES: readonly Index[] = [
  { name: "IDX_a", columns: ["a"], unique: false },
  { name: "IDX_b", columns: ["a", "b"], unique: true, where: "b IS NOT NULL" },
  { name: "IDX_c", columns: ["geom"], unique: false, spatial: true },
];

const TABLES: readonly TableModel[] = [
  { name: "bare", columns: [COLUMNS[0]!], indexes: [], uniques: [], foreignKeys: [], checks: [], exclusions: [] },
  {
    schema: "app",
    name: "full",
    columns: COLUMNS,
    primaryKey: { name: "PK_full", columns: ["id", "n"] },
    indexes: INDEXES,
    uniques: [{ name: "UQ_full", columns: ["code"] }],
    foreignKeys: FOREIGN_KEYS,
    checks: [{ name: "CHK_full", expression: "n > 0" }],
    exclusions: [{ name: "XCL_full", expression: "USING gist (at WITH =)" }],
    comment: "everything",
  },
  { name: "sqlite", columns: COLUMNS.slice(0, 2), primaryKey: { columns: ["id"] }, indexes: [], uniques: [], foreignKeys: [], checks: [], exclusions: [] },
];

/** Checks `error` is an InvalidOperationError whose message matches. */
function invalid(pattern: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof InvalidOperationError, `expected an InvalidOperationError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  };
}

describe("spec ⇄ model round trips", () => {
  it("column types: model → spec → model is identity, with a spelling wherever one exists", () => {
    for (const type of TYPES) {
      const spec = columnTypeToSpec(type);
      assert.deepStrictEqual(columnTypeFromSpec(spec), type, JSON.stringify(type));
      if (["enum", "native", "inline-enum"].includes(type.kind)) assert.equal(typeof spec, "object");
    }
    assert.equal(columnTypeToSpec({ kind: "numeric", precision: 10, scale: 2 }), "numeric(10,2)");
    assert.equal(columnTypeToSpec({ kind: "timestamp", precision: 6, withTimeZone: true }), "timestamptz(6)");
    assert.equal(columnTypeToSpec({ kind: "array", element: { kind: "integer" } }), "integer[]");
  });

  it("columns of every type and option", () => {
    const all = [...COLUMNS, ...TYPES.map((type, i): Column => ({ name: `c${i}`, type, nullable: i % 2 === 0 }))];
    for (const column of all) {
      const spec = columnToSpec(column);
      assert.deepStrictEqual(columnFromSpec(spec), column);
      // Specs are plain data: they survive JSON (a rendered file holds them as literals).
      assert.deepStrictEqual(columnFromSpec(JSON.parse(JSON.stringify(spec)) as ColumnSpec), column);
      assert.deepStrictEqual(columnDefinitionFromSpec(column.name, columnDefinitionToSpec(column)), column);
    }
  });

  it("indexes, foreign keys, primary keys, views", () => {
    for (const index of INDEXES) assert.deepStrictEqual(indexFromSpec(indexToSpec(index)), index);
    for (const fk of FOREIGN_KEYS) assert.deepStrictEqual(foreignKeyFromSpec(foreignKeyToSpec(fk)), fk);
    for (const pk of [{ columns: ["a", "b"] }, { name: "PK_x", columns: ["a"] }]) {
      assert.deepStrictEqual(primaryKeyFromSpec(primaryKeyToSpec(pk)), pk);
    }
    for (const view of [
      { name: "v", definition: "SELECT 1", materialized: false },
      { schema: "r", name: "m", definition: "SELECT 2", materialized: true },
    ]) {
      const ref = view.schema === undefined ? view.name : { schema: view.schema, name: view.name };
      assert.deepStrictEqual(viewFromSpec(ref, viewToSpec(view)), view);
    }
  });

  it("tables, from a bare one to one using every member", () => {
    for (const table of TABLES) {
      const ref = table.schema === undefined ? table.name : { schema: table.schema, table: table.name };
      assert.deepStrictEqual(tableFromSpec(ref, tableToSpec(table)), table);
    }
  });

  it("leaves defaults out of specs", () => {
    assert.deepStrictEqual(columnToSpec({ name: "a", type: { kind: "integer" }, nullable: false }), { name: "a", type: "integer" });
    assert.deepStrictEqual(indexToSpec(INDEXES[0]!), { name: "IDX_a", columns: ["a"] });
    assert.deepStrictEqual(foreignKeyToSpec(FOREIGN_KEYS[0]!), { name: "FK_a", columns: ["a"], references: { table: "t", columns: ["id"] } });
    assert.deepStrictEqual(tableToSpec(TABLES[0]!), { columns: [{ name: "id", type: "integer", identity: "increment" }] });
    assert.deepStrictEqual(primaryKeyToSpec({ columns: ["id"] }), ["id"]);
    assert.deepStrictEqual(viewToSpec({ name: "v", definition: "SELECT 1", materialized: false }), { definition: "SELECT 1" });
  });

  it("fills in defaults and never writes undefined members", () => {
    const column = columnFromSpec({ name: "a", type: "varchar(10)", nullable: undefined });
    assert.deepStrictEqual(column, { name: "a", type: { kind: "varchar", length: 10 }, nullable: false });
    assert.deepStrictEqual(Object.keys(column), ["name", "type", "nullable"]);
    const fk = foreignKeyFromSpec({ name: "FK", columns: ["a"], references: { table: "t", columns: ["id"] } });
    assert.equal(fk.onDelete, "NO ACTION");
    assert.equal(fk.onUpdate, "NO ACTION");
    assert.ok(!("deferrable" in fk) && !("referencedSchema" in fk));
    assert.deepStrictEqual(indexFromSpec({ name: "i", columns: ["a"], spatial: false }), { name: "i", columns: ["a"], unique: false });
  });

  it("writes number and boolean defaults as SQL text", () => {
    assert.equal(columnFromSpec({ name: "a", type: "integer", default: 0 }).default, "0");
    assert.equal(columnFromSpec({ name: "b", type: "boolean", default: false }).default, "false");
  });

  it("copies lists, so changing the spec later does not change the model", () => {
    const columns = ["a"];
    const index = indexFromSpec({ name: "i", columns });
    columns.push("b");
    assert.deepStrictEqual(index.columns, ["a"]);
  });
});

describe("spec validation", () => {
  const cases: readonly [string, () => unknown, RegExp][] = [
    ["unknown spelling", () => columnFromSpec({ name: "t", type: "varchr(255)" }), /column "t" type: unknown type "varchr\(255\)"; use a neutral spelling such as "varchar\(255\)"/],
    ["unknown kind", () => columnTypeFromSpec({ kind: "strng" } as unknown as ColumnType), /is not a column type.*known kind/],
    ["misspelt type member", () => columnTypeFromSpec({ kind: "varchar", lenght: 5 } as unknown as ColumnType), /unknown option "lenght"/],
    ["bad length", () => columnTypeFromSpec({ kind: "varchar", length: -1 }), /"length" must be an integer of at least 1/],
    ["timestamp without withTimeZone", () => columnTypeFromSpec({ kind: "timestamp" } as unknown as ColumnType), /withTimeZone: expected true or false/],
    ["misspelt column option", () => columnFromSpec({ name: "a", type: "text", nulable: true } as unknown as ColumnSpec), /unknown option "nulable"/],
    ["nullable not boolean", () => columnFromSpec({ name: "a", type: "text", nullable: "yes" } as unknown as ColumnSpec), /column "a" nullable: expected true or false, got "yes"/],
    ["bad identity", () => columnFromSpec({ name: "a", type: "integer", identity: "auto" } as unknown as ColumnSpec), /identity: expected one of "increment", "always", "by-default"/],
    ["object default", () => columnFromSpec({ name: "a", type: "json", default: {} } as unknown as ColumnSpec), /default: expected SQL text/],
    ["no name", () => columnFromSpec({ type: "text" } as unknown as ColumnSpec), /column name: expected a non-empty string/],
    ["computed without stored", () => columnFromSpec({ name: "a", type: "text", computed: { expression: "1" } } as unknown as ColumnSpec), /computed stored/],
    ["fk arity", () => foreignKeyFromSpec({ name: "FK", columns: ["a", "b"], references: { table: "t", columns: ["id"] } }), /FK": 2 column\(s\) reference 1 column\(s\)/],
    ["fk action", () => foreignKeyFromSpec({ name: "FK", columns: ["a"], references: { table: "t", columns: ["id"] }, onDelete: "CASCADES" } as unknown as ForeignKeySpec), /onDelete: expected one of "NO ACTION".*got "CASCADES"/],
    ["empty index", () => indexFromSpec({ name: "i", columns: [] }), /columns: expected at least one name/],
    ["table without columns", () => tableFromSpec("t", {} as TableSpec), /no `columns` given/],
    ["duplicate column", () => tableFromSpec("t", { columns: [{ name: "a", type: "text" }, { name: "a", type: "text" }] }), /column "a" is declared twice/],
    ["duplicate constraint", () => tableFromSpec("t", { columns: [{ name: "a", type: "text" }], uniques: [{ name: "X", columns: ["a"] }], checks: [{ name: "X", expression: "a <> ''" }] }), /constraint "X" is declared twice/],
    ["empty table name", () => tableFromSpec("", { columns: [] }), /table: expected a non-empty string/],
    ["schema ref without schema", () => tableFromSpec({ table: "t" } as unknown as string, { columns: [] }), /table schema: expected a non-empty string/],
    ["duplicate enum value", () => enumFromSpec("mood", ["a", "a"]), /value "a" is declared twice/],
    ["alterEnum without usedBy", () => alterEnumFromSpec("mood", { from: [], to: ["a"] } as never), /no `usedBy` given/],
  ];
  for (const [name, run, pattern] of cases) {
    it(`rejects: ${name}`, () => assert.throws(run, invalid(pattern)));
  }

  it("names where the problem is, inside a table", () => {
    assert.throws(
      () => tableFromSpec("users", { columns: [{ name: "id", type: "integer" }, { name: "email", type: "strin" }] }, 'op.createTable("users")'),
      invalid(/^op\.createTable\("users"\) columns\[1\] "email" type: unknown type "strin"/),
    );
  });
});
