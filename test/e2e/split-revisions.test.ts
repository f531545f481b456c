import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fails, migrationFiles, ok, project, retortIn } from "./commands-support";

test("--max-operations writes a large change as a chain of revisions that applies and reverts", () => {
  const { dir } = project("cjs-app");
  mkdirSync(join(dir, "migrations"));
  const retort = retortIn(dir);
  fails(retort("revision", "--autogenerate", "-m", "initial", "--max-operations", "0"), 2, /^--max-operations takes a whole number of at least 1, got 0$/);
  const lines = ok(retort("revision", "--autogenerate", "-m", "initial", "--max-operations", "1", "--rev-id", "feed00000002"));
  assert.equal(migrationFiles(dir).length, 2, lines.join("\n"));
  assert.match(lines[0] ?? "", /^Generating migrations\/\d{8}_\d{4}_[0-9a-f]{12}_initial_part_1_of_2\.ts \.\.\. done$/);
  assert.match(lines[1] ?? "", /^Generating migrations\/\d{8}_\d{4}_feed00000002_initial_part_2_of_2\.ts \.\.\. done$/);
  assert.equal(lines[2], "2 operations written as 2 revisions of at most 1, each applied in its own transaction");
  assert.deepEqual(ok(retort("heads")), ["feed00000002 (head)"]);
  const upgraded = ok(retort("upgrade", "head"));
  assert.equal(upgraded.length, 2);
  assert.match(upgraded[1] ?? "", /^Running upgrade [0-9a-f]{12} -> feed00000002, initial \(part 2 of 2\) \(\d+ ms\)$/);
  assert.deepEqual(ok(retort("check")), ["No new upgrade operations detected."]);
  assert.equal(ok(retort("downgrade", "base")).length, 2);
});
