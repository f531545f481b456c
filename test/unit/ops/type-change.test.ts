import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ColumnType } from "../../../src/model/types";
import { classifyTypeChange, type TypeChangeClass } from "../../../src/ops/type-change";

const t = {
  smallint: { kind: "smallint" },
  int: { kind: "integer" },
  bigint: { kind: "bigint" },
  real: { kind: "real" },
  double: { kind: "double" },
  text: { kind: "text" },
  uuid: { kind: "uuid" },
  json: { kind: "json" },
  jsonb: { kind: "jsonb" },
  date: { kind: "date" },
  varchar: (length?: number): ColumnType =>
    length === undefined ? { kind: "varchar" } : { kind: "varchar", length },
  char: (length: number): ColumnType => ({ kind: "char", length }),
  numeric: (precision?: number, scale?: number): ColumnType =>
    precision === undefined
      ? { kind: "numeric" }
      : { kind: "numeric", precision, ...(scale === undefined ? {} : { scale }) },
  ts: (precision?: number, withTimeZone = false): ColumnType =>
    precision === undefined
      ? { kind: "timestamp", withTimeZone }
      : { kind: "timestamp", precision, withTimeZone },
  inline: (...values: string[]): ColumnType => ({ kind: "inline-enum", values }),
} satisfies Record<string, ColumnType | ((...args: never[]) => ColumnType)>;

const cases: [string, ColumnType, ColumnType, TypeChangeClass, boolean][] = [
  ["same", t.varchar(5), t.varchar(5), "same", false],
  ["varchar longer", t.varchar(50), t.varchar(100), "widening", false],
  ["varchar unbounded", t.varchar(50), t.varchar(), "widening", false],
  ["varchar to text", t.varchar(50), t.text, "widening", false],
  ["text to varchar unbounded", t.text, t.varchar(), "widening", false],
  ["varchar shorter", t.varchar(100), t.varchar(50), "narrowing", false],
  ["text to varchar(n)", t.text, t.varchar(10), "narrowing", false],
  ["char longer", t.char(2), t.char(4), "widening", true],
  ["char to text", t.char(2), t.text, "widening", true],
  ["varchar to char", t.varchar(10), t.char(5), "narrowing", true],
  ["int to bigint", t.int, t.bigint, "widening", true],
  ["smallint to int", t.smallint, t.int, "widening", true],
  ["bigint to int", t.bigint, t.int, "narrowing", true],
  ["int to numeric(12,2)", t.int, t.numeric(12, 2), "widening", true],
  ["int to numeric(8,2)", t.int, t.numeric(8, 2), "narrowing", true],
  ["int to double", t.int, t.double, "widening", true],
  ["bigint to double", t.bigint, t.double, "narrowing", true],
  ["real to double", t.real, t.double, "widening", true],
  ["double to real", t.double, t.real, "narrowing", true],
  ["double to int", t.double, t.int, "narrowing", true],
  ["numeric precision up, same scale", t.numeric(10, 2), t.numeric(12, 2), "widening", false],
  ["numeric precision down", t.numeric(10, 2), t.numeric(8, 2), "narrowing", true],
  ["numeric scale up with room", t.numeric(10, 2), t.numeric(12, 4), "widening", true],
  ["numeric scale up without room", t.numeric(10, 2), t.numeric(10, 4), "narrowing", true],
  ["numeric scale down", t.numeric(10, 4), t.numeric(10, 2), "narrowing", true],
  ["numeric unconstrained", t.numeric(10, 2), t.numeric(), "widening", false],
  ["numeric to numeric(p,s)", t.numeric(), t.numeric(10, 2), "narrowing", true],
  ["timestamp precision up", t.ts(3), t.ts(6), "widening", false],
  ["timestamp precision down", t.ts(6), t.ts(0), "narrowing", true],
  ["timestamp to timestamptz", t.ts(), t.ts(undefined, true), "cast", true],
  ["date to timestamp", t.date, t.ts(), "widening", true],
  ["timestamp to date", t.ts(), t.date, "narrowing", true],
  ["inline enum gains a value", t.inline("a"), t.inline("a", "b"), "widening", false],
  ["inline enum loses a value", t.inline("a", "b"), t.inline("a"), "narrowing", false],
  ["uuid to text", t.uuid, t.text, "widening", true],
  ["int to text", t.int, t.text, "widening", true],
  ["text to int", t.text, t.int, "cast", true],
  ["text to uuid", t.text, t.uuid, "cast", true],
  ["json to jsonb", t.json, t.jsonb, "cast", true],
];

describe("ops: type change classes", () => {
  for (const [name, from, to, change, rewrite] of cases) {
    it(`${name}: ${change}${rewrite ? ", rewrites" : ""}`, () => {
      assert.deepEqual(classifyTypeChange(from, to), { change, rewrite });
    });
  }
});
