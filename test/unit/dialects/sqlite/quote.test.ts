import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { quoteIdent, quoteLiteral } from "../../../../src/dialects/sqlite/quote";
import { RetortError } from "../../../../src/util/errors";

describe("sqlite quoteIdent", () => {
  it("wraps names in double quotes and doubles embedded ones", () => {
    assert.equal(quoteIdent("users"), '"users"');
    assert.equal(quoteIdent('we"ird'), '"we""ird"');
    assert.equal(quoteIdent("a b (c), 'd'"), `"a b (c), 'd'"`);
    assert.equal(quoteIdent("tëst"), '"tëst"');
  });
  it("rejects NUL with an identifier error", () => {
    assert.throws(
      () => quoteIdent("a\0b"),
      (error: unknown) => error instanceof RetortError && error.code === "identifier",
    );
  });
});

describe("sqlite quoteLiteral", () => {
  it("wraps values in single quotes and doubles embedded ones", () => {
    assert.equal(quoteLiteral("it's"), "'it''s'");
    assert.equal(quoteLiteral(""), "''");
    assert.equal(quoteLiteral('"x"'), `'"x"'`);
  });
  it("rejects NUL", () => {
    assert.throws(
      () => quoteLiteral("\0"),
      (error: unknown) => error instanceof RetortError && error.code === "identifier",
    );
  });
});
