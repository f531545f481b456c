import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { postgresDialect } from "../../../../src/dialects/postgres";
import { quoteIdent, quoteLiteral } from "../../../../src/dialects/postgres/quote";

describe("postgres quoting", () => {
  test("always double-quotes identifiers and doubles embedded quotes", () => {
    assert.equal(quoteIdent("user"), '"user"');
    assert.equal(quoteIdent("createdAt"), '"createdAt"');
    assert.equal(quoteIdent('we"ird'), '"we""ird"');
    assert.equal(quoteIdent(""), '""');
  });

  test("quotes literals with single quotes doubled and backslashes kept", () => {
    assert.equal(quoteLiteral("it's"), "'it''s'");
    assert.equal(quoteLiteral("a\\b"), "'a\\b'");
    assert.equal(quoteLiteral(""), "''");
  });

  test("rejects NUL with an identifier error", () => {
    assert.throws(() => quoteIdent("a\u0000b"), { code: "identifier" });
    assert.throws(() => quoteLiteral("a\u0000b"), { code: "identifier" });
  });

  test("the dialect object carries PostgreSQL's capabilities", () => {
    assert.equal(postgresDialect.name, "postgres");
    assert.equal(postgresDialect.defaultSchema, "public");
    const { transactionalDdl, canAlterColumnType, enumTypes, schemas, comments, arrays } = postgresDialect.capabilities;
    assert.deepEqual(
      { transactionalDdl, canAlterColumnType, enumTypes, schemas, comments, arrays },
      { transactionalDdl: true, canAlterColumnType: true, enumTypes: true, schemas: true, comments: true, arrays: true },
    );
  });
});
