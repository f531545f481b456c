/**
 * Branches and merges end to end on SQLite: `revision --head/--splice`, `heads`, `branches`,
 * `history`, `show`, `merge`, `current`, and upgrades across both branches and the merge, with
 * the exact Alembic-style output.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fails, generatedId, migrationFiles, migrationText, ok, project, retortIn } from "./commands-support";

const R = "1111aaaa0001";
const A = "aaaa00000001";
const B = "bbbb00000001";
const M = "cccc00000001";

test("two branches, their merge, and every listing of the graph", () => {
  const copy = project("cjs-app");
  mkdirSync(join(copy.dir, "migrations"));
  const retort = retortIn(copy.dir);

  assert.equal(generatedId(ok(retort("revision", "-m", "first", "--rev-id", R))), R);
  assert.equal(generatedId(ok(retort("revision", "-m", "branch a", "--rev-id", A))), A);
  fails(retort("revision", "-m", "branch b", "--head", R), 1, new RegExp(`^Revision ${R} is not a head revision; pass --splice to start a new branch from it$`));
  fails(retort("revision", "-m", "x", "--splice"), 2, /^--splice needs --head <rev>/);
  assert.equal(generatedId(ok(retort("revision", "-m", "branch b", "--rev-id", B, "--head", R.slice(0, 6), "--splice"))), B);
  assert.match(migrationText(copy.dir, B), new RegExp(`^export const downRevision = "${R}";$`, "m"));

  assert.deepEqual(ok(retort("heads")), [`${A} (head)`, `${B} (head)`]);
  fails(retort("revision", "-m", "c"), 1, new RegExp(`^Multiple heads are present: ${A}, ${B}; pass --head <rev> or run \`retort merge -m <message>\` first$`));
  assert.deepEqual(ok(retort("branches")), [`${R} (branchpoint)`, `${" ".repeat(12)} -> ${A} (head)`, `${" ".repeat(12)} -> ${B} (head)`]);
  assert.deepEqual(ok(retort("history")), [
    `${R} -> ${B} (head), branch b`,
    `${R} -> ${A} (head), branch a`,
    `<base> -> ${R} (branchpoint), first`,
  ]);

  const up = ok(retort("upgrade", "heads"));
  assert.deepEqual(up.map((line) => line.replace(/\(\d+ ms\)$/, "(N ms)")), [
    `Running upgrade <base> -> ${R}, first (N ms)`,
    `Running upgrade ${R} -> ${A}, branch a (N ms)`,
    `Running upgrade ${R} -> ${B}, branch b (N ms)`,
  ]);
  assert.deepEqual(ok(retort("current")), [`${A} (head)`, `${B} (head)`]);
  assert.deepEqual(ok(retort("history", "--indicate-current")).slice(0, 2), [
    `${R} -> ${B} (head) (current), branch b`,
    `${R} -> ${A} (head) (current), branch a`,
  ]);
  fails(retort("upgrade", "head"), 1, new RegExp(`^Multiple heads are present: ${A}, ${B}`));

  const merged = ok(retort("merge", "-m", "join branches", "--rev-id", M));
  assert.equal(generatedId(merged), M);
  assert.deepEqual(merged.slice(1), [`  merges ${A}, ${B}`]);
  assert.match(migrationText(copy.dir, M), new RegExp(`^export const downRevision = \\["${A}", "${B}"\\];$`, "m"));
  fails(retort("merge", "-m", "again"), 1, /^Nothing to merge: there is one head$/);
  fails(retort("merge", "-m", "silly", R, A), 1, new RegExp(`^Cannot merge ${R} with its descendant ${A}`));

  assert.deepEqual(ok(retort("heads")), [`${M} (head)`]);
  assert.equal(ok(retort("history"))[0], `${A}, ${B} -> ${M} (head) (mergepoint), join branches`);
  assert.deepEqual(ok(retort("history", "-r", `${A}:head`)), [`${A}, ${B} -> ${M} (head) (mergepoint), join branches`, `${R} -> ${A}, branch a`]);
  const file = migrationFiles(copy.dir).find((name) => name.includes(M))!;
  const shown = ok(retort("show", "head"));
  assert.deepEqual(shown.slice(0, 8), [
    `Rev: ${M} (head) (mergepoint)`,
    `Merges: ${A}, ${B}`,
    `Path: migrations/${file}`,
    "",
    "    join branches",
    "",
    `    Revision ID: ${M}`,
    `    Revises: ${A}, ${B}`,
  ]);
  assert.match(shown[8]!, /^ {4}Create Date: \d{4}-\d\d-\d\dT/);
  assert.deepEqual(ok(retort("show", R)).slice(0, 3), [`Rev: ${R} (branchpoint)`, "Parent: <base>", `Children: ${A}, ${B}`]);
  fails(retort("show", "base"), 1, /^'base' is base: there is no revision to show$/);
  fails(retort("show", "zzzz"), 1, /^Unknown revision 'zzzz'/);

  assert.match(ok(retort("upgrade", "head"))[0]!, new RegExp(`^Running upgrade ${A}, ${B} -> ${M}, join branches \\(\\d+ ms\\)$`));
  assert.deepEqual(ok(retort("current")), [`${M} (head) (mergepoint)`]);
  const currentJson = JSON.parse(ok(retort("current", "--json")).join("\n")) as { atHead: boolean; current: { id: string; isCurrent: boolean }[] };
  assert.equal(currentJson.atHead, true);
  assert.deepEqual(currentJson.current.map((entry) => [entry.id, entry.isCurrent]), [[M, true]]);
  const historyJson = JSON.parse(ok(retort("history", "--json")).join("\n")) as { revisions: Record<string, unknown>[] };
  assert.deepEqual(historyJson.revisions.map((entry) => entry.id), [M, B, A, R]);
  assert.equal("isCurrent" in historyJson.revisions[0]!, false, "no database read, so no claim about it");

  assert.match(ok(retort("downgrade", "-1"))[0]!, new RegExp(`^Running downgrade ${M} -> ${A}, ${B}, join branches`));
  assert.deepEqual(ok(retort("current")), [A, B], "both parents applied again, no longer heads");
  assert.deepEqual(ok(retort("stamp", R)), [`Stamped ${A}, ${B} -> ${R}`]);
  assert.deepEqual(ok(retort("current")), [`${R} (branchpoint)`]);
});

test("verbose listings and an empty folder", () => {
  const copy = project("cjs-app");
  mkdirSync(join(copy.dir, "migrations"));
  const retort = retortIn(copy.dir);
  assert.deepEqual(ok(retort("heads")), []);
  assert.deepEqual(ok(retort("history")), []);
  assert.deepEqual(ok(retort("branches")), ["No branch points."]);
  ok(retort("revision", "-m", "one", "--rev-id", R));
  ok(retort("revision", "-m", "two", "--rev-id", A));
  const verbose = ok(retort("history", "--verbose"));
  assert.equal(verbose[0], `Rev: ${A} (head)`);
  assert.equal(verbose[1], `Parent: ${R}`);
  const blank = verbose.indexOf(`Rev: ${R}`);
  assert.ok(blank > 0 && verbose[blank - 1] === "", "entries are separated by a blank line");
  assert.equal(verbose[blank + 2], `Children: ${A}`);
  assert.deepEqual(ok(retort("heads", "--verbose")).slice(0, 2), [`Rev: ${A} (head)`, `Parent: ${R}`]);
  assert.deepEqual(ok(retort("current")), ["<base>"]);
});
