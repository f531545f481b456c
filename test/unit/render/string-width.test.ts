/**
 * The layout measures text the way prettier does (`prettier.util.getStringWidth`): checked for
 * every code point on its own and for random sequences of the characters that are hard to
 * measure (emoji sequences and modifiers, flags, keycaps, variation selectors, combining and
 * zero-width characters, wide CJK and fullwidth forms, controls, unpaired surrogates). Where
 * the two differ, `hasAmbiguousWidth` must say so (the formatter then lets prettier decide).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as prettier from "prettier";
import { hasAmbiguousWidth, stringWidth } from "../../../src/render/string-width";
import { Random } from "./corpus";

const HARD = [
  "a", " ", '"', "\\", "日", "ｆ", "한", "\u1100", "\u1161", "😀", "👍", "🏽", "\u200d", "👨", "👩", "👧", "🧑", "🦰", "💻", "⚕", "♀",
  "🇫", "🇷", "\u{1f1e6}", "©", "☺", "❤", "⌚", "\ufe0f", "\ufe0e", "\u20e3", "1", "#", "*", "e", "\u0301", "\u200b", "\ufeff", "🏴",
  "\u{e0067}", "\u{e0062}", "\u{e007f}", "\u2028", "\u0000", "\u007f", "\u0085", "\ud800", "\udc00", "🫠", "\u{1faf8}", "\u3000",
];

describe("stringWidth", () => {
  it("measures every code point as prettier does", () => {
    const wrong: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const character = String.fromCodePoint(codePoint);
      if (stringWidth(character) !== prettier.util.getStringWidth(character)) wrong.push(codePoint.toString(16));
    }
    assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} code points differ`);
  });

  it("measures sequences of hard characters as prettier does, unless it says the width is ambiguous", () => {
    const r = new Random(20261121);
    let exact = 0;
    for (let i = 0; i < 100_000; i++) {
      const text = r.list(1, 8, () => r.pick(HARD)).join("");
      const expected = prettier.util.getStringWidth(text);
      if (!hasAmbiguousWidth(text)) exact++;
      if (stringWidth(text) !== expected && !hasAmbiguousWidth(text)) {
        assert.fail(`${JSON.stringify(text)}: ${stringWidth(text)} columns, prettier counts ${expected}`);
      }
    }
    assert.ok(exact > 10_000, "the sample has enough text that is not ambiguous");
  });

  it("says which text may be ambiguous", () => {
    for (const text of ["plain", "日本語 ｆｕｌｌ", "😀 ©", "e\u0301", ""]) assert.equal(hasAmbiguousWidth(text), false, text);
    for (const text of ["👨‍⚕", "👍🏽", "🇫🇷", "©️", "1\u20e3", "🏴\u{e0067}\u{e0062}\u{e007f}", "a\ud800"]) assert.equal(hasAmbiguousWidth(text), true, text);
  });
});
