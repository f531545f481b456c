import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildRevisionGraph, planUpgrade, planRevisions } from "../../../src/revision";
import {
  migrationFileName,
  newRevisionId,
  readRevisionHeaders,
  slugify,
  writeMigrationFile,
} from "../../../src/scripts";
import { ConfigError, LoadError } from "../../../src/util/errors";

function migrationText(
  id: string,
  down: string | readonly string[] | null,
  message: string,
  createdAt: string,
): string {
  return [
    'import type { MigrationContext } from "retort";',
    `export const revision = ${JSON.stringify(id)};`,
    `export const downRevision: string | readonly string[] | null = ${JSON.stringify(down)};`,
    `export const message = ${JSON.stringify(message)};`,
    `export const createdAt = ${JSON.stringify(createdAt)};`,
    "export async function up(op: MigrationContext) {}",
    "export async function down(op: MigrationContext) {}",
    "",
  ].join("\n");
}

describe("slugify and migrationFileName", () => {
  it("slugifies messages", () => {
    assert.equal(slugify("add prompts table"), "add_prompts_table");
    assert.equal(slugify("  Add 'Prompts' -- TABLE!! "), "add_prompts_table");
    assert.equal(slugify("Crème brûlée für Öl"), "creme_brulee_fur_ol");
    assert.equal(slugify("日本語"), "");
    assert.equal(slugify(""), "");
  });

  it("cuts long slugs at a word boundary, at most 40 characters", () => {
    const slug = slugify("add a column holding the preferred notification channel of each user");
    assert.equal(slug, "add_a_column_holding_the_preferred");
    assert.ok(slug.length <= 40);
    assert.equal(slugify("x".repeat(60)), "x".repeat(40));
    assert.equal(slugify(`${"a".repeat(40)} b`), "a".repeat(40));
  });

  it("builds file names in UTC", () => {
    const date = new Date("2026-11-21T10:07:59.000Z");
    assert.equal(
      migrationFileName(date, "1a2b3c4d5e6f", "add prompts table"),
      "20261121_1007_1a2b3c4d5e6f_add_prompts_table.ts",
    );
    assert.equal(migrationFileName(date, "1a2b3c4d5e6f", "!!!"), "20261121_1007_1a2b3c4d5e6f.ts");
    assert.equal(migrationFileName(date, "1a2b3c4d5e6f", "x", "js"), "20261121_1007_1a2b3c4d5e6f_x.js");
  });

  it("newRevisionId gives 12 hex digits, fresh each time, avoiding taken ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newRevisionId()));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[0-9a-f]{12}$/);
    assert.ok(!ids.has(newRevisionId(ids)));
  });
});

describe("migrations folder", () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), "retort-scripts-"));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("reads .ts and .js headers, skipping .d.ts, other files and subfolders", async () => {
    const dir = join(root, "mixed");
    await mkdir(join(dir, "nested"), { recursive: true });
    await writeFile(
      join(dir, "20260101_0000_aaaa00000001_first.ts"),
      migrationText("aaaa00000001", null, "first", "2026-01-01T00:00:00.000Z"),
    );
    await writeFile(
      join(dir, "20260102_0000_aaaa00000002_second.js"),
      migrationText("aaaa00000002", "aaaa00000001", "second", "2026-01-02T00:00:00.000Z"),
    );
    await writeFile(join(dir, "20260102_0000_aaaa00000002_second.d.ts"), "export declare const revision: string;\n");
    await writeFile(join(dir, "README.md"), "export const revision = 'no';\n");
    await writeFile(join(dir, "nested", "x.ts"), "export const revision = 'no';\n");
    const headers = await readRevisionHeaders(dir);
    assert.deepEqual(
      headers.map((h) => [h.id, h.downRevisions, h.path]),
      [
        ["aaaa00000001", [], join(dir, "20260101_0000_aaaa00000001_first.ts")],
        ["aaaa00000002", ["aaaa00000001"], join(dir, "20260102_0000_aaaa00000002_second.js")],
      ],
    );
    assert.deepEqual(planRevisions(planUpgrade(buildRevisionGraph(headers), [], "head")), [
      "aaaa00000001",
      "aaaa00000002",
    ]);
  });

  it("an empty folder has no headers", async () => {
    const dir = join(root, "empty");
    await mkdir(dir);
    assert.deepEqual(await readRevisionHeaders(dir), []);
  });

  it("a missing folder is a ConfigError pointing at init and --dir", async () => {
    await assert.rejects(readRevisionHeaders(join(root, "nope")), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /Migrations directory .*nope does not exist; run `retort init` or pass --dir/);
      return true;
    });
    await writeFile(join(root, "file.txt"), "");
    await assert.rejects(readRevisionHeaders(join(root, "file.txt")), /is not a directory/);
  });

  it("a file without a header is a LoadError naming it", async () => {
    const dir = join(root, "broken");
    await mkdir(dir);
    await writeFile(join(dir, "x.ts"), "export async function up() {}\n");
    await assert.rejects(readRevisionHeaders(dir), (error: unknown) => {
      assert.ok(error instanceof LoadError);
      assert.equal(error.file, join(dir, "x.ts"));
      assert.equal(error.message, `${join(dir, "x.ts")}: no \`export const revision = "..."\` found`);
      return true;
    });
  });

  it("writeMigrationFile writes, and refuses to overwrite", async () => {
    const dir = join(root, "write");
    await mkdir(dir);
    const path = await writeMigrationFile(dir, "a.ts", "first");
    assert.equal(path, join(dir, "a.ts"));
    assert.equal(await readFile(path, "utf8"), "first");
    await assert.rejects(writeMigrationFile(dir, "a.ts", "second"), (error: unknown) => {
      assert.ok(error instanceof LoadError);
      assert.match(error.message, /a\.ts already exists; refusing to overwrite it/);
      return true;
    });
    assert.equal(await readFile(path, "utf8"), "first");
    await assert.rejects(writeMigrationFile(dir, "../escape.ts", "x"), /is not a plain file name/);
    await assert.rejects(writeMigrationFile(join(root, "missing"), "a.ts", "x"), ConfigError);
  });

  it("reads 2000 files quickly (timing printed, not asserted)", async () => {
    const dir = join(root, "many");
    await mkdir(dir);
    const count = 2000;
    const ids = Array.from(
      { length: count },
      (_, i) => `${i.toString(16).padStart(4, "0")}${newRevisionId().slice(4)}`,
    );
    const body =
      "\n".repeat(3) +
      "export async function up(op: any) {\n" +
      '  await op.addColumn("t", { name: "c", type: "text" });\n'.repeat(40) +
      "}\n";
    // Synchronous writes: 2000 concurrent fs/promises writes take seconds on a busy machine.
    ids.forEach((id, i) => {
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString();
      const text = migrationText(id, i === 0 ? null : ids[i - 1]!, `step ${i}`, createdAt) + body;
      writeFileSync(join(dir, migrationFileName(new Date(createdAt), id, `step ${i}`)), text);
    });
    const timings: string[] = [];
    for (const run of ["cold", "warm"]) {
      const started = process.hrtime.bigint();
      const headers = await readRevisionHeaders(dir);
      const read = Number(process.hrtime.bigint() - started) / 1e6;
      const graph = buildRevisionGraph(headers);
      const plan = planUpgrade(graph, [], "head");
      const total = Number(process.hrtime.bigint() - started) / 1e6;
      assert.equal(headers.length, count);
      assert.equal(plan.steps.length, count);
      assert.deepEqual(graph.heads, [ids[count - 1]]);
      timings.push(`${run}: headers ${read.toFixed(1)} ms, + graph + upgrade plan ${total.toFixed(1)} ms`);
    }
    console.log(`# ${count} migration files (${body.length + 300} bytes each): ${timings.join("; ")}`);
  });
});
