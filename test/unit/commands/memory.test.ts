import assert from "node:assert/strict";
import { test } from "node:test";
import { reclaimMemory } from "../../../src/commands/memory";

test("reclaimMemory collects garbage without --expose-gc", () => {
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, "undefined", "the test runs without --expose-gc");
  let garbage: number[][] | undefined = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i));
  const before = process.memoryUsage().heapUsed;
  assert.ok(garbage.length === 200);
  garbage = undefined;
  assert.equal(reclaimMemory(), true);
  const after = process.memoryUsage().heapUsed;
  // 200 arrays of 10,000 small integers are ~16 MB of heap.
  assert.ok(before - after > 8 * 1024 * 1024, `heap went from ${before} to ${after} bytes`);
  assert.equal(reclaimMemory(), true, "a second call reuses the collector");
});
