import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { commentLine, stringLiteral, toSource, type SourceValue } from "../../../src/render/source";

const evaluate = (source: string): unknown => new Function(`return (${source});`)();

const STRINGS = [
  "",
  "plain",
  'double " quote',
  "single ' quote",
  "back \\ slash",
  "new\nline",
  "carriage\r\nreturn",
  "tab\tand\u0000nul",
  "*/ closes a comment /* opens one",
  "`template` ${not} interpolated",
  "</script>",
  "ünïcødé 日本語 😀",
  "line\u2028separator\u2029paragraph",
  "lone \ud800 surrogate \udfff",
  "\u200b zero width",
];

describe("stringLiteral / toSource", () => {
  it("writes strings that evaluate to themselves and stay on one line", () => {
    for (const text of STRINGS) {
      const literal = stringLiteral(text);
      assert.equal(evaluate(literal), text, JSON.stringify(text));
      assert.ok(!/[\r\n\u2028\u2029]/.test(literal), `literal of ${JSON.stringify(text)} spans lines`);
    }
    assert.equal(stringLiteral("ünï 日本"), '"ünï 日本"', "non-ASCII text stays readable");
  });

  it("writes nested data that evaluates to an equal value", () => {
    const value: SourceValue = {
      name: "a",
      "odd key": [1, -2.5, -0, true, null, "x"],
      nested: { list: [], empty: {}, deep: [{ a: STRINGS }] },
      $ok: "dollar",
    };
    for (const expand of [false, true]) assert.deepStrictEqual(evaluate(toSource(value, expand)), value);
    assert.ok(Object.is(evaluate(toSource(-0)), -0));
    assert.equal(toSource({ a: 1, b: undefined }), "{ a: 1 }");
    assert.equal(toSource({ a: 1, b: [2] }, true), "{\n  a: 1,\n  b: [2],\n}");
    assert.throws(() => toSource(Number.NaN));
  });

  it("keeps line breaks of commented text inside the comment", () => {
    const line = commentLine("drops column users.a\nprocess.exit(1)\r\u2028\u2029");
    assert.equal(line, "// drops column users.a\\nprocess.exit(1)\\r\\u2028\\u2029");
    assert.ok(!/[\r\n\u2028\u2029]/.test(line));
  });
});
