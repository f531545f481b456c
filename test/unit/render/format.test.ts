/**
 * `renderFormattedMigration` and `formatMigration` run prettier only when a configuration
 * applies to the file, and their result is always what prettier prints with the configuration
 * it resolves (so skipping it is invisible). Each case builds a temporary project; the
 * temporary directory must not sit below a configuration of its own, which the first test checks.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import * as prettier from "prettier";
import type { Operation } from "../../../src/ops/types";
import { formatMigration, renderFormattedMigration, renderMigrationFile } from "../../../src/render";

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding `files` (paths relative to it; folders are created). */
function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "retort-format-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const ops: Operation[] = [
  { kind: "renameColumn", table: "users", from: "it's", to: 'say "hi"' },
  { kind: "addColumn", table: "users", column: { name: "a_rather_long_column_name", type: { kind: "varchar", length: 255 }, nullable: true } },
  { kind: "execute", sql: "SELECT 1", params: [1, 2, 3] },
];
const input = {
  header: { id: "abcdef123456", downRevisions: ["0123456789ab"], message: "m", createdAt: "2026-01-02T03:04:05.000Z" },
  upOps: ops,
  downOps: [],
};
const text = renderMigrationFile(input);

/** What prettier itself prints for `source` at `path`, with the configuration it resolves there. */
async function prettierResult(source: string, path: string): Promise<string> {
  const config = (await prettier.resolveConfig(path, { editorconfig: true })) ?? {};
  return prettier.format(source, { ...config, filepath: path, parser: "typescript" });
}

/**
 * Runs `formatMigration` in a fresh process (this one has prettier loaded) and says whether
 * prettier was loaded there, and whether the text came back unchanged.
 */
function formatInChild(path: string): { prettierLoaded: boolean; unchanged: boolean } {
  const format = join(__dirname, "..", "..", "..", "src", "render", "format.js");
  const script = `
    const { formatMigration } = require(${JSON.stringify(format)});
    const text = ${JSON.stringify(text)};
    formatMigration(text, ${JSON.stringify(path)}).then((out) => {
      const prettierLoaded = Object.keys(require.cache).some((p) => /[\\\\/]node_modules[\\\\/]prettier[\\\\/]/.test(p));
      process.stdout.write(JSON.stringify({ prettierLoaded, unchanged: out === text }));
    });`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout) as { prettierLoaded: boolean; unchanged: boolean };
}

/** `cases`: files of the project, and whether prettier must run for migrations/x.ts. */
const cases: [string, Record<string, string>, boolean][] = [
  ["no configuration", {}, false],
  ["a .prettierignore alone (prettier.format does not read it)", { ".prettierignore": "*.ts\n" }, false],
  ["a package.json without a prettier key", { "package.json": JSON.stringify({ name: "p" }) }, false],
  ["an .editorconfig above the project root", { ".editorconfig": "[*]\nindent_style = tab\n", "project/.git/HEAD": "ref: x\n" }, false],
  [".prettierrc", { ".prettierrc": JSON.stringify({ singleQuote: true, printWidth: 120 }) }, true],
  [".prettierrc.json in the migrations folder", { "migrations/.prettierrc.json": JSON.stringify({ semi: false }) }, true],
  ["prettier.config.cjs", { "prettier.config.cjs": "module.exports = { tabWidth: 4 };" }, true],
  ["a package.json prettier key", { "package.json": JSON.stringify({ name: "p", prettier: { singleQuote: true } }) }, true],
  ["an .editorconfig", { ".editorconfig": "root = true\n[*.ts]\nindent_style = tab\n" }, true],
  ["an .editorconfig in the project root", { "project/.editorconfig": "[*]\nmax_line_length = 40\n", "project/.git": "gitdir: x\n" }, true],
  [".prettierrc and a .prettierignore matching the file", { ".prettierrc": JSON.stringify({ useTabs: true }), ".prettierignore": "*.ts\n" }, true],
];

describe("formatMigration: prettier only when configured", () => {
  it("lets prettier decide for emoji sequences the layout may measure differently", async () => {
    // A ZWJ sequence without its U+FE0F, which prettier counts as one emoji, near the line end.
    const emoji: Operation = { kind: "renameColumn", table: "t", from: "👨‍⚕".repeat(12), to: "x".repeat(14) };
    const withEmoji = { ...input, upOps: [emoji] };
    const path = join(tempProject({}), "x.ts");
    const expected = await prettier.format(renderMigrationFile(withEmoji, "unformatted"), { parser: "typescript" });
    assert.notEqual(renderMigrationFile(withEmoji), expected, "an example where the layout alone measures differently");
    assert.equal(await renderFormattedMigration(withEmoji, path), expected);
    assert.equal(await formatMigration(renderMigrationFile(withEmoji), path), expected);
  });

  it("the temporary directory has no prettier configuration of its own", async () => {
    const dir = tempProject({});
    assert.equal(await prettier.resolveConfig(join(dir, "x.ts"), { editorconfig: true }), null, `a configuration applies to ${tmpdir()}`);
  });

  for (const [name, files, configured] of cases) {
    it(`${name}: ${configured ? "formats with prettier" : "skips prettier"}, as prettier would print`, async () => {
      const dir = tempProject(files);
      const path = join(dir, name.includes("project") ? "project" : "", "migrations", "x.ts");
      // The unformatted rendering formatted by prettier, as retort always did.
      const expected = await prettierResult(renderMigrationFile(input, "unformatted"), path);
      assert.equal(await renderFormattedMigration(input, path), expected);
      assert.equal(await formatMigration(text, path), await prettierResult(text, path));
      if (configured) assert.notEqual(expected, text, "the configuration changes the layout");
      else assert.equal(expected, text);
      const child = formatInChild(path);
      assert.equal(child.prettierLoaded, configured);
      assert.equal(child.unchanged, !configured);
    });
  }
});
