import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rememberByText } from "../../../src/util/remember-by-text";

describe("rememberByText", () => {
  it("computes each text once and answers from memory afterwards", () => {
    const calls: string[] = [];
    const upper = rememberByText((text) => {
      calls.push(text);
      return text.toUpperCase();
    });
    assert.deepEqual(["a", "b", "a", "a", "b"].map(upper), ["A", "B", "A", "A", "B"]);
    assert.deepEqual(calls, ["a", "b"]);
  });

  it("remembers an undefined result too", () => {
    let calls = 0;
    const nothing = rememberByText((): undefined => {
      calls++;
      return undefined;
    });
    nothing("x");
    nothing("x");
    assert.equal(calls, 1);
  });

  it("forgets everything once it holds `limit` texts, and still answers right", () => {
    const calls: string[] = [];
    const length = rememberByText((text) => {
      calls.push(text);
      return text.length;
    }, 2);
    assert.deepEqual(["a", "bb", "a", "ccc", "a", "bb"].map(length), [1, 2, 1, 3, 1, 2]);
    // "ccc" arrives with two held: memory is cleared, so "a" and "bb" are computed again.
    assert.deepEqual(calls, ["a", "bb", "ccc", "a", "bb"]);
  });
});
