/**
 * The bad-input catalogue, migration files: a syntax error, a file without `up`, `down` or
 * revision id, duplicate ids, a cycle, a down revision no file has, several heads, an
 * ambiguous prefix, a missing migrations folder, and usage errors. Each is one exact line, the
 * right exit code, and an unchanged database. Files that are loaded (and so run after the
 * connection is open) are tried on both dialects; graph errors stop before connecting, so
 * SQLite shows them once.
 */
import assert from "node:assert/strict";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { editMigration, expectFailure, listMigrations, migrationFileOf, openBadProject } from "./bad-input-support";
import type { BadProject, ScenarioDialect } from "./bad-input-support";

const A = "aaaa00000001";
const B = "bbbb00000001";
const C = "bbbb00000002";

/** cjs-app with A (creates the tables) applied and B (empty) pending. */
async function projectAtA(dialect: ScenarioDialect): Promise<{ project: BadProject; fileA: string; fileB: string }> {
  const project = await openBadProject(dialect);
  project.ok("revision", "--autogenerate", "-m", "init", "--rev-id", A);
  project.ok("upgrade", "head");
  project.ok("revision", "-m", "second", "--rev-id", B);
  return { project, fileA: `migrations/${migrationFileOf(project, A)}`, fileB: `migrations/${migrationFileOf(project, B)}` };
}

const upgradeHead = ["upgrade", "head"];

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`${dialect}: a migration that cannot be loaded stops the upgrade with the file named`, async () => {
    const { project, fileA, fileB } = await projectAtA(dialect);
    let restore = editMigration(project, B, (text) => text.replace("  // no changes\n}", '  await op.execute("select 1";\n}'));
    await expectFailure(project, upgradeHead, { code: 1, message: `${fileB}: SyntaxError: Expected ',', got ';' (line 9, column 30)` });
    restore();

    restore = editMigration(project, B, (text) => text.replace("export async function up(", "async function notUp("));
    await expectFailure(project, upgradeHead, { code: 1, message: `${fileB}: no \`up\` function exported` });
    restore();

    restore = editMigration(project, B, (text) => text.replace("export async function down(", "async function notDown("));
    await expectFailure(project, upgradeHead, { code: 1, message: `${fileB}: no \`down\` function exported` });
    restore();

    restore = editMigration(project, A, (text) => text.replace("export async function down(", "async function notDown("));
    await expectFailure(project, ["downgrade", "base"], { code: 1, message: `${fileA}: no \`down\` function exported` });
    restore();

    // Whatever failed before, the files are whole again and the upgrade goes through.
    assert.match(project.ok(...upgradeHead)[0]!, new RegExp(`^Running upgrade ${A} -> ${B}, second \\(\\d+ ms\\)$`));
  });
}

describe("the revision graph (sqlite)", () => {
  test("a header without a revision id, duplicate ids, a cycle, a down revision no file has", async () => {
    const { project, fileA, fileB } = await projectAtA("sqlite");
    let restore = editMigration(project, B, (text) => text.replace(`export const revision = "${B}";\n`, ""));
    await expectFailure(project, upgradeHead, { code: 1, message: `${fileB}: no \`export const revision = "..."\` found` });
    await expectFailure(project, ["heads"], { code: 1, message: `${fileB}: no \`export const revision = "..."\` found` });
    restore();

    const copy = "migrations/20000101_0000_bbbb00000001_copy.ts";
    writeFileSync(join(project.dir, copy), readFileSync(join(project.dir, fileB), "utf8"));
    const twice = `Revision ${B} is defined twice: in ${copy} and in ${fileB}; give one of them a new revision id`;
    await expectFailure(project, upgradeHead, { code: 1, message: twice });
    await expectFailure(project, ["revision", "-m", "more"], { code: 1, message: twice });
    rmSync(join(project.dir, copy));

    restore = editMigration(project, A, (text) => text.replace("export const downRevision = null;", `export const downRevision = "${B}";`));
    await expectFailure(project, upgradeHead, {
      code: 1,
      message: `Cycle detected in revisions: ${B} -> ${A} -> ${B} (${fileB}, ${fileA}); fix the downRevision that points back`,
    });
    restore();

    restore = editMigration(project, B, (text) => text.replace(`export const downRevision = "${A}";`, 'export const downRevision = "ffff00000009";'));
    await expectFailure(project, ["downgrade", "base"], {
      code: 1,
      message: `${fileB}: downRevision ffff00000009 is not defined by any migration file; restore that file or correct downRevision`,
    });
    restore();
    assert.deepEqual(project.ok("heads"), [`${B} (head)`]);
  });

  test("several heads, an ambiguous prefix, a taken --rev-id: nothing written, nothing run", async () => {
    const { project, fileA } = await projectAtA("sqlite");
    project.ok("revision", "-m", "third", "--rev-id", C, "--head", A, "--splice");
    const files = listMigrations(project);
    await expectFailure(project, upgradeHead, {
      code: 1,
      message: `Multiple heads are present: ${B}, ${C}; name one, use \`heads\` for all of them, or join them with \`retort merge -m <message>\``,
    });
    await expectFailure(project, ["revision", "-m", "fourth"], {
      code: 1,
      message: `Multiple heads are present: ${B}, ${C}; pass --head <rev> or run \`retort merge -m <message>\` first`,
    });
    await expectFailure(project, ["upgrade", "bbbb"], {
      code: 1,
      message: `Revision prefix 'bbbb' is ambiguous; it matches ${B}, ${C}; give more characters`,
    });
    await expectFailure(project, ["upgrade", "zzzz9"], {
      code: 1,
      message: "Unknown revision 'zzzz9': no revision id, id prefix or branch label matches",
    });
    await expectFailure(project, ["revision", "-m", "again", "--rev-id", A, "--head", B], {
      code: 1,
      message: `Revision ${A} already exists in ${fileA}; choose another --rev-id`,
    });
    assert.deepEqual(listMigrations(project), files, "no file written");
  });

  test("a missing migrations folder says to run init; usage errors exit 2", async () => {
    const { project } = await projectAtA("sqlite");
    renameSync(join(project.dir, "migrations"), join(project.dir, "elsewhere"));
    const missing = "Migrations directory migrations does not exist; run `retort init` or pass --dir";
    await expectFailure(project, upgradeHead, { code: 1, message: missing });
    await expectFailure(project, ["revision", "--autogenerate", "-m", "x"], { code: 1, message: missing });
    await expectFailure(project, ["--dir", "nope", "current"], {
      code: 1,
      message: "Migrations directory nope does not exist; run `retort init` or pass --dir",
    });
    renameSync(join(project.dir, "elsewhere"), join(project.dir, "migrations"));

    await expectFailure(project, ["revision"], { code: 2, message: "Missing required argument: message (see retort --help)" });
    await expectFailure(project, ["upgrade", "head", "--bogus"], { code: 2, message: "Unknown argument: bogus (see retort --help)" });
    await expectFailure(project, ["revision", "-m", "x", "--strict"], { code: 2, message: "--strict only applies with --autogenerate" });
    await expectFailure(project, ["upgrade", `${A}:head`], {
      code: 2,
      message: `'${A}:head' is a range; ranges (from:to) are only accepted with --sql`,
    });
  });
});
