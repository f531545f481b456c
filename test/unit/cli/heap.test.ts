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

/**
 * How many calls of a small function it takes before V8 has optimised it, in a fresh process
 * (compiling on the main thread, so the count does not depend on a background thread's timing).
 */
function callsBeforeOptimised(onlyLongRunning: boolean): number {
  const heap = join(__dirname, "..", "..", "..", "src", "cli", "heap.js");
  const script = `
    if (${onlyLongRunning}) require(${JSON.stringify(heap)}).optimizeOnlyLongRunningCode();
    function work(a) { return a.x + a.y * 2 - (a.z | 0); }
    const input = { x: 1, y: 2, z: 3 };
    let calls = 0;
    while (!(%GetOptimizationStatus(work) & 16) && calls < 1e6) { work(input); calls++; }
    console.log(calls);
  `;
  const result = spawnSync(process.execPath, ["--allow-natives-syntax", "--no-concurrent-recompilation", "-e", script], {
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout.trim());
}

test("optimizeOnlyLongRunningCode makes V8 wait longer before optimising a function", () => {
  const usual = callsBeforeOptimised(false);
  const later = callsBeforeOptimised(true);
  assert.ok(usual > 0 && usual < 1e6, `optimised after ${usual} calls by default`);
  assert.ok(later >= usual * 4 && later < 1e6, `optimised after ${later} calls with the setting, ${usual} without`);
});
