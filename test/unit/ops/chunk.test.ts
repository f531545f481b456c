import assert from "node:assert/strict";
import { test } from "node:test";
import { chunkOperations } from "../../../src/ops/chunk";
import type { Operation } from "../../../src/ops/types";

const ops: Operation[] = [1, 2, 3, 4, 5].map((n) => ({ kind: "execute", sql: `SELECT ${n}` }));

test("short lists and no limit stay one part", () => {
  assert.deepEqual(chunkOperations(ops, undefined), [ops]);
  assert.deepEqual(chunkOperations(ops, 5), [ops]);
  assert.deepEqual(chunkOperations([], 3), [[]]);
});

test("longer lists are split in order into parts of at most the limit", () => {
  const parts = chunkOperations(ops, 2);
  assert.deepEqual(
    parts.map((part) => part.length),
    [2, 2, 1],
  );
  assert.deepEqual(parts.flat(), ops);
});

test("a limit below one is refused", () => {
  assert.throws(() => chunkOperations(ops, 0), RangeError);
});
