import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { dataSourceTemplate, init, npmScripts } from "../../../src/commands/init";
import { createRecordingReporter } from "../../../src/commands/reporter";
import { resolveOptions } from "../../../src/config/options";
import { SecretSet } from "../../../src/config/secrets";
import { ConfigError } from "../../../src/util/errors";

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function initIn(files: Record<string, string>, flags = {}): Promise<{ dir: string; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "retort-init-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const reporter = createRecordingReporter();
  await init(resolveOptions(flags, {}, dir), { cwd: dir, env: {}, reporter, secrets: new SecretSet() });
  return { dir, lines: reporter.lines };
}

test("adds every missing script, keeping tabs, CRLF and the other keys in order", async () => {
  const manifest = '{\r\n\t"name": "x",\r\n\t"scripts": {\r\n\t\t"build": "tsc"\r\n\t},\r\n\t"private": true\r\n}\r\n';
  const { dir, lines } = await initIn({ "package.json": manifest });
  const text = readFileSync(join(dir, "package.json"), "utf8");
  assert.match(text, /^\t"name": "x",\r$/m);
  assert.equal(text.includes("\n") && !/[^\r]\n/.test(text), true, "every line ends with CRLF");
  const parsed = JSON.parse(text) as { scripts: Record<string, string>; private: boolean };
  assert.deepEqual(Object.keys(parsed), ["name", "scripts", "private"]);
  assert.deepEqual(Object.entries(parsed.scripts), [["build", "tsc"], ...npmScripts]);
  assert.equal(lines.at(-1), `Added npm scripts to package.json: ${npmScripts.map(([name]) => name).join(", ")}`);
  assert.equal(readFileSync(join(dir, "ormconfig.ts"), "utf8"), dataSourceTemplate);
});

test("-d and --dir choose where the template and folder go", async () => {
  const { dir, lines } = await initIn({}, { datasource: "src/db.ts", dir: "db/migrations" });
  assert.equal(readFileSync(join(dir, "src", "db.ts"), "utf8"), dataSourceTemplate);
  assert.ok(existsSync(join(dir, "db", "migrations")));
  assert.deepEqual(lines.slice(0, 2), ["Created src/db.ts: edit the connection and entities", "Created db/migrations/"]);
});

test("a broken package.json is a ConfigError, and nothing is rewritten", async () => {
  await assert.rejects(initIn({ "package.json": "{ nope" }), (error: unknown) => error instanceof ConfigError && /^package\.json is not valid JSON/.test(error.message));
  await assert.rejects(initIn({ "package.json": '{"scripts": []}' }), /"scripts" must be an object/);
});
