import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";

/**
 * The young generation's size (`new_space` in V8's heap statistics) after building 60 MB of
 * objects that stay alive, in a fresh process, with or without `keepYoungGenerationSmall()`.
 */
function newSpaceAfterAllocating(keepSmall: boolean): number {
  const heap = join(__dirname, "..", "..", "..", "src", "cli", "heap.js");
  const script = `
    const v8 = require("node:v8");
    if (${keepSmall}) require(${JSON.stringify(heap)}).keepYoungGenerationSmall();
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push({ i, name: "column" + i, list: [i, i + 1] });
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
    console.log(space.space_size, kept.length);
  `;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout.split(" ")[0]);
}

test("keepYoungGenerationSmall stops V8 from growing the young generation", () => {
  const grown = newSpaceAfterAllocating(false);
  const kept = newSpaceAfterAllocating(true);
  assert.ok(kept < grown / 2, `young generation ${kept} bytes with the flag, ${grown} without`);
});
