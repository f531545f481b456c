/**
 * Golden files of the scenarios: test/golden/scenarios/<dialect>/<scenario>/<step>.ts for
 * generated migrations, `.sql` for `--sql` output. RETORT_UPDATE_GOLDEN=1 rewrites them.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot } from "./project";

const goldenRoot = join(repoRoot, "test", "golden", "scenarios");
const updating = process.env.RETORT_UPDATE_GOLDEN === "1";

/**
 * Asserts that `actual` equals the golden file at `relativePath` (under
 * test/golden/scenarios); with RETORT_UPDATE_GOLDEN=1 writes it first.
 */
export function assertGolden(actual: string, relativePath: string): void {
  const path = join(goldenRoot, relativePath);
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  assert.ok(existsSync(path), `${path} is missing; run the tests with RETORT_UPDATE_GOLDEN=1 to write it`);
  assert.equal(actual, readFileSync(path, "utf8"), `differs from golden file test/golden/scenarios/${relativePath}`);
}
