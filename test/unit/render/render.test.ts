import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import type { Column } from "../../../src/model/types";
import { InvalidOperationError } from "../../../src/util/errors";
import type { Operation } from "../../../src/ops/types";
import { formatMigration, renderFormattedMigration, renderMigrationFile, renderOperationCall } from "../../../src/render";
import { collectOperations } from "../../../src/runtime/op-api";
import { scanRevisionHeader } from "../../../src/scripts";
import { ConfigError } from "../../../src/util/errors";
import { loadMigrationText } from "./load-migration";

const header = { id: "abcdef123456", downRevisions: [], message: "m", createdAt: "2026-01-02T03:04:05.000Z" };
const col = (name: string, extra: Partial<Column> = {}): Column => ({ name, type: { kind: "integer" }, nullable: false, ...extra });

/** The lines of the `up` function body. */
function upBody(text: string): string[] {
  const start = text.indexOf("export async function up");
  const end = text.indexOf("\n}\n", start);
  return text.slice(text.indexOf("\n", start) + 1, end).split("\n");
}

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "retort-render-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("renderMigrationFile", () => {
  it("says `// no changes` for an empty side and null for a first migration", () => {
    const text = renderMigrationFile({ header, upOps: [], downOps: [] });
    assert.deepEqual(upBody(text), ["  // no changes"]);
    assert.match(text, /^export const downRevision = null;$/m);
    assert.deepEqual(scanRevisionHeader(text, "x.ts").downRevisions, []);
  });

  it("keeps the given order, separating tables with a blank line", () => {
    const ops: Operation[] = [
      { kind: "renameColumn", table: "b", from: "x", to: "y" },
      { kind: "renameColumn", table: "a", from: "x", to: "y" },
      { kind: "renameColumn", table: "a", from: "y", to: "z" },
      { kind: "renameColumn", table: "b", from: "y", to: "z" },
    ];
    assert.deepEqual(upBody(renderMigrationFile({ header, upOps: ops, downOps: [] })), [
      '  await op.renameColumn("b", "x", "y");',
      "",
      '  await op.renameColumn("a", "x", "y");',
      '  await op.renameColumn("a", "y", "z");',
      "",
      '  await op.renameColumn("b", "y", "z");',
    ]);
  });

  it("puts data-loss comments first above a hazardous operation", () => {
    // hazards() reports SET NOT NULL (may fail) before "becomes computed" (data loss).
    const op: Operation = {
      kind: "alterColumn",
      table: "t",
      from: col("c", { nullable: true }),
      to: col("c", { computed: { expression: "1", stored: true } }),
    };
    const body = upBody(renderMigrationFile({ header, upOps: [op], downOps: [] }));
    assert.match(body[0]!, /^ {2}\/\/ data loss: t\.c becomes computed/);
    assert.match(body[1]!, /^ {2}\/\/ may fail: SET NOT NULL on t\.c/);
    assert.match(body[2]!, /^ {2}await op\.alterColumn\("t", "c", \{$/);
  });

  it("notes no row hazards for a table created in the same migration", () => {
    const ops: Operation[] = [
      { kind: "createTable", table: { name: "t", columns: [col("id")], indexes: [], uniques: [], foreignKeys: [], checks: [], exclusions: [] } },
      { kind: "addColumn", table: "t", column: col("n") },
    ];
    assert.ok(!renderMigrationFile({ header, upOps: ops, downOps: [] }).includes("may fail"));
  });

  it("refuses an alterColumn that renames", () => {
    assert.throws(
      () => renderOperationCall({ kind: "alterColumn", table: "t", from: col("a"), to: col("b") }),
      InvalidOperationError,
    );
  });
});

describe("renderFormattedMigration / formatMigration with a prettier configuration", () => {
  const ops: Operation[] = [
    { kind: "addColumn", table: "users", column: col("age", { nullable: true, comment: "it's \"quoted\"" }) },
    { kind: "dropColumn", table: "users", column: col("legacy") },
  ];
  const input = { header: { ...header, downRevisions: ["0123456789ab"], message: "it's a 'test'" }, upOps: ops, downOps: [...ops].reverse() };

  it("follows the user's prettier config, and the result still loads and scans", async () => {
    const dir = tempProject({ ".prettierrc": JSON.stringify({ singleQuote: true, semi: false, tabWidth: 4, printWidth: 60 }) });
    const path = join(dir, "x.ts");
    const text = await renderFormattedMigration(input, path);
    assert.match(text, /^export const revision = 'abcdef123456'$/m);
    assert.match(text, /^ {4}await op\.addColumn\('users', \{$/m);
    const scanned = scanRevisionHeader(text, path);
    assert.deepEqual([scanned.id, scanned.downRevisions, scanned.message], ["abcdef123456", ["0123456789ab"], "it's a 'test'"]);
    const module = loadMigrationText(text, path);
    assert.deepStrictEqual(await collectOperations(module.up), input.upOps);
    assert.deepStrictEqual(await collectOperations(module.down), input.downOps);
  });

  it("applies overrides for the file's path", async () => {
    const config = { overrides: [{ files: "migrations/*.ts", options: { useTabs: true } }] };
    const dir = tempProject({ ".prettierrc.json": JSON.stringify(config) });
    const text = await renderFormattedMigration(input, join(dir, "migrations", "x.ts"));
    assert.match(text, /^\tawait op\.addColumn/m);
  });

  it("reads .editorconfig when there is no prettier config", async () => {
    const dir = tempProject({ ".editorconfig": "root = true\n[*.ts]\nindent_style = tab\n" });
    const text = await formatMigration(renderMigrationFile(input), join(dir, "x.ts"));
    assert.match(text, /^\tawait op\.addColumn/m);
  });

  it("fails with a ConfigError naming the file when prettier cannot use the config", async () => {
    const dir = tempProject({ ".prettierrc.json": JSON.stringify({ plugins: ["prettier-plugin-that-does-not-exist"] }) });
    const path = join(dir, "x.ts");
    for (const formatting of [formatMigration(renderMigrationFile(input), path), renderFormattedMigration(input, path)]) {
      await assert.rejects(formatting, (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.ok(error.message.startsWith(`Cannot format ${path} with prettier:`), error.message);
        return true;
      });
    }
  });
});
