import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emitPostgres } from "../../../../src/dialects/postgres/emit";
import { emitSqlite } from "../../../../src/dialects/sqlite/emit";
import { emptyModel } from "../../../../src/model/types";
import { applyAll } from "../../../../src/ops";
import type { Operation } from "../../../../src/ops/types";
import { RetortError } from "../../../../src/util/errors";
import { col, opt, t, table } from "./build";

const nastyNames = ['a"b', "with space", "select", "naïve ü", 'x"; DROP TABLE y; --'];
const nastyLiterals = ["it's", "back\\slash", "new\nline", "'; DROP TABLE x; --", "''"];

/** The identifier as both dialects must write it. */
const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

describe("emitters quote every identifier and literal", () => {
  for (const name of nastyNames) {
    test(`identifier ${JSON.stringify(name)}`, () => {
      const created = table(name, [col(name, t.int)], { primaryKey: { columns: [name] } });
      const before = applyAll(emptyModel, [{ kind: "createTable", table: created }]);
      const ops: Operation[] = [
        { kind: "renameColumn", table: name, from: name, to: `${name}2` },
        { kind: "createIndex", table: name, index: { name, columns: [name], unique: false } },
        { kind: "renameTable", from: name, to: `${name}2` },
      ];
      assert.deepEqual(
        emitPostgres(ops[0]!, before)[0]!.sql,
        `ALTER TABLE ${quoted(name)} RENAME COLUMN ${quoted(name)} TO ${quoted(`${name}2`)}`,
      );
      assert.deepEqual(
        emitSqlite(ops[0]!, before)[0]!.sql,
        `ALTER TABLE ${quoted(name)} RENAME COLUMN ${quoted(name)} TO ${quoted(`${name}2`)}`,
      );
      for (const emit of [emitPostgres, emitSqlite]) {
        assert.equal(
          emit(ops[1]!, before)[0]!.sql,
          `CREATE INDEX ${quoted(name)} ON ${quoted(name)} (${quoted(name)})`,
        );
        assert.equal(emit(ops[2]!, before)[0]!.sql, `ALTER TABLE ${quoted(name)} RENAME TO ${quoted(`${name}2`)}`);
        assert.equal(
          emit({ kind: "createTable", table: created }, emptyModel)[0]!.sql.startsWith(
            `CREATE TABLE ${quoted(name)} (${quoted(name)} integer`,
          ),
          true,
        );
      }
    });
  }

  for (const value of nastyLiterals) {
    test(`literal ${JSON.stringify(value)}`, () => {
      assert.deepEqual(emitPostgres({ kind: "setTableComment", table: "t", to: value }, emptyModel), [
        { sql: `COMMENT ON TABLE "t" IS ${literal(value)}` },
      ]);
      assert.deepEqual(
        emitPostgres({ kind: "createEnum", enumType: { name: "e", values: [value, "b"] } }, emptyModel),
        [{ sql: `CREATE TYPE "e" AS ENUM (${literal(value)}, 'b')` }],
      );
      assert.equal(
        emitPostgres({ kind: "addColumn", table: "t", column: opt("c", t.text, { comment: value }) }, emptyModel)[1]!
          .sql,
        `COMMENT ON COLUMN "t"."c" IS ${literal(value)}`,
      );
      assert.equal(
        emitSqlite({ kind: "createTable", table: table("t", [opt("c", t.inlineEnum(value, "b"))]) }, emptyModel)[0]!
          .sql,
        `CREATE TABLE "t" ("c" varchar CHECK( "c" IN (${literal(value)},'b') ))`,
      );
    });
  }

  test("a NUL character is refused, not written", () => {
    assert.throws(() => emitPostgres({ kind: "setTableComment", table: "t", to: "a\u0000b" }, emptyModel), RetortError);
    assert.throws(() => emitSqlite({ kind: "renameTable", from: "a\u0000", to: "b" }, emptyModel), RetortError);
  });
});
