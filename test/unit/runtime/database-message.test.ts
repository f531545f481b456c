import assert from "node:assert/strict";
import { test } from "node:test";
import { databaseMessage } from "../../../src/runtime/database-message";

test("a database error becomes its first line", () => {
  assert.equal(databaseMessage(new Error('relation "x" does not exist\nLINE 1: ...')), 'relation "x" does not exist');
});

test("running out of lock slots says what to do", () => {
  // PostgreSQL's own text for ERRCODE_OUT_OF_MEMORY in the lock manager.
  assert.equal(
    databaseMessage(new Error("out of shared memory")),
    "out of shared memory (one transaction took more locks than max_locks_per_transaction allows: split this migration into several revisions, or raise max_locks_per_transaction)",
  );
});
