import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { run } from "../../../src/cli/main";

const cwd = mkdtempSync(join(tmpdir(), "retort-cli-"));
after(() => rmSync(cwd, { recursive: true, force: true }));

async function runIn(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    cwd,
  });
  return { code, stdout, stderr };
}

test("unknown options and commands are usage errors: exit 2, one line", async () => {
  assert.deepEqual(await runIn(["inspect", "--nope"]), { code: 2, stdout: "", stderr: "Unknown argument: nope (see retort --help)\n" });
  const unknownCommand = await runIn(["frobnicate"]);
  assert.equal(unknownCommand.code, 2);
  assert.equal(unknownCommand.stderr.split("\n").filter(Boolean).length, 1);
  const none = await runIn([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^Name a command/);
});

test("a global option's value is required", async () => {
  const result = await runIn(["inspect", "-d"]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /^Not enough arguments following: d/);
});

test("--help prints usage to stdout and runs nothing", async () => {
  const result = await runIn(["inspect", "--help"]);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, "");
  assert.match(result.stdout, /--entities/);
  assert.match(result.stdout, /--version-table/);
});

test("global options are accepted before and after the verb; failures are translated", async () => {
  for (const argv of [["-d", "absent.ts", "inspect"], ["inspect", "--datasource", "absent.ts"]]) {
    assert.deepEqual(await runIn(argv), { code: 1, stdout: "", stderr: "absent.ts: file not found\n" });
  }
});

test("--json is only an option of the verbs that have it", async () => {
  const result = await runIn(["--json"]);
  assert.equal(result.code, 2);
});
