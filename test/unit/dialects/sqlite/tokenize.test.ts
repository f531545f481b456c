import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isWord, splitTopLevel, tokenize } from "../../../../src/dialects/sqlite/tokenize";

describe("sqlite tokenize", () => {
  it("classifies tokens and unquotes names and strings", () => {
    const tokens = tokenize(`"a ""b""" [c d] \`e\` 'it''s' x'0aff' 1.5e3 ?1 :p <> ->> , ( ) ; . ünï`);
    assert.deepEqual(
      tokens.map((token) => [token.kind, token.value]),
      [
        ["quoted", 'a "b"'],
        ["quoted", "c d"],
        ["quoted", "e"],
        ["string", "it's"],
        ["blob", "x'0aff'"],
        ["number", "1.5e3"],
        ["variable", "?1"],
        ["variable", ":p"],
        ["operator", "<>"],
        ["operator", "->>"],
        ["punct", ","],
        ["punct", "("],
        ["punct", ")"],
        ["punct", ";"],
        ["punct", "."],
        ["word", "ünï"],
      ],
    );
  });

  it("skips comments and keeps source offsets", () => {
    const source = "a -- one\n/* two, ( */ b";
    const tokens = tokenize(source);
    assert.deepEqual(
      tokens.map((token) => token.text),
      ["a", "b"],
    );
    for (const token of tokens) assert.equal(source.slice(token.start, token.end), token.text);
  });

  it("matches keywords whatever their case, and only bare words", () => {
    const [upper, lower, mixed, quoted, longer] = tokenize(`CHECK check ChEcK "CHECK" CHECKS`);
    for (const token of [upper, lower, mixed]) assert.equal(isWord(token, "CHECK"), true);
    assert.equal(isWord(quoted, "CHECK"), false);
    assert.equal(isWord(longer, "CHECK"), false);
    assert.equal(isWord(undefined, "CHECK"), false);
  });

  it("fails loudly on an unterminated quote", () => {
    assert.throws(() => tokenize(`"abc`), /unterminated/);
    assert.throws(() => tokenize(`'abc''`), /unterminated/);
  });

  it("splits on top-level commas only", () => {
    const groups = splitTopLevel(tokenize(`a, f(b, c), 'd,e'`));
    assert.deepEqual(
      groups.map((group) => group.map((token) => token.text).join(" ")),
      ["a", "f ( b , c )", "'d,e'"],
    );
  });
});
