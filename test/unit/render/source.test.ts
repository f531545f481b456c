import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { exportConstStatement, printStatement } from "../../../src/render/js-layout";
import { commentLine, stringLiteral, type SourceValue } from "../../../src/render/source";

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

/** `value` written the way a migration file writes it, as the expression of a declaration. */
function write(value: SourceValue): string {
  return printStatement(exportConstStatement("x", value), 0).replace(/^export const x =/, "").replace(/;$/, "");
}

describe("stringLiteral / written values", () => {
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
    assert.deepStrictEqual(evaluate(write(value)), value);
    for (const text of STRINGS) assert.deepStrictEqual(evaluate(write({ [text]: [text] })), { [text]: [text] }, JSON.stringify(text));
    for (const n of [0, -0, 1e21, -1.5e-7, 123.25, Number.MAX_SAFE_INTEGER]) assert.ok(Object.is(evaluate(write(n)), n), String(n));
    assert.equal(write({ a: 1, b: undefined }), " { a: 1 }");
    assert.throws(() => write(Number.NaN));
    assert.throws(() => write(Number.POSITIVE_INFINITY));
  });

  it("keeps line breaks of commented text inside the comment", () => {
    const line = commentLine("drops column users.a\nprocess.exit(1)\r\u2028\u2029");
    assert.equal(line, "// drops column users.a\\nprocess.exit(1)\\r\\u2028\\u2029");
    assert.ok(!/[\r\n\u2028\u2029]/.test(line));
    assert.equal(commentLine("ends with a name \t "), "// ends with a name", "prettier drops trailing blanks");
  });
});
