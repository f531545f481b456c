import assert from "node:assert/strict";
import { test } from "node:test";
import type { ColumnType } from "../../../src/model/types";
import { parseTypeSpelling, spellColumnType } from "../../../src/model/type-spelling";

const cases: [string, ColumnType][] = [
  ["integer", { kind: "integer" }],
  ["varchar", { kind: "varchar" }],
  ["varchar(255)", { kind: "varchar", length: 255 }],
  ["char(2)", { kind: "char", length: 2 }],
  ["numeric", { kind: "numeric" }],
  ["numeric(10)", { kind: "numeric", precision: 10 }],
  ["numeric(10,2)", { kind: "numeric", precision: 10, scale: 2 }],
  ["timestamp", { kind: "timestamp", withTimeZone: false }],
  ["timestamptz(6)", { kind: "timestamp", precision: 6, withTimeZone: true }],
  ["timetz", { kind: "time", withTimeZone: true }],
  ["integer[]", { kind: "array", element: { kind: "integer" } }],
  ["varchar(50)[]", { kind: "array", element: { kind: "varchar", length: 50 } }],
  ["jsonb", { kind: "jsonb" }],
];

test("every neutral spelling round-trips", () => {
  for (const [text, type] of cases) {
    assert.deepEqual(parseTypeSpelling(text), type, text);
    assert.equal(spellColumnType(type), text, text);
  }
});

test("types without a neutral spelling and unknown texts are refused", () => {
  assert.equal(spellColumnType({ kind: "enum", name: "mood" }), undefined);
  assert.equal(spellColumnType({ kind: "native", sql: "point" }), undefined);
  assert.equal(spellColumnType({ kind: "inline-enum", values: ["a"] }), undefined);
  for (const text of ["point", "varchar(1,2)", "integer(3)", "text[][]", "", "timestamp(3,1)"]) {
    assert.equal(parseTypeSpelling(text), undefined, text);
  }
});
