/**
 * The cycle every schema-change step goes through, and the assertions the scenarios share:
 * autogenerate (golden text) → rows in → upgrade → schema equals `synchronize()` → nothing
 * left to autogenerate → rows kept → downgrade restores the schema → upgrade again.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { compareModels } from "../../src/model/compare";
import type { SchemaModel } from "../../src/model/types";
import { linesOf } from "./project";
import { assertGolden } from "./scenario-golden";
import { readMigrationText } from "./scenario-project";
import type { EntityFiles, ScenarioProject } from "./scenario-project";
import { assertRowsKept, seedRows, snapshotRows } from "./scenario-rows";
import type { KeyHints } from "./scenario-rows";

/** One migration of a scenario: the entities after it, and the revision that gets there. */
export interface ChangeStep {
  /** Golden file name (without .ts) and test name. */
  readonly name: string;
  readonly revId: string;
  readonly message: string;
  readonly entities: EntityFiles;
  /** Key columns without a foreign key, so seeded rows still satisfy one added later. */
  readonly keyHints?: KeyHints;
}

/** Asserts two schema models are identical, listing the differences when they are not. */
export function assertSameSchema(actual: SchemaModel, expected: SchemaModel, labels: readonly [string, string]): void {
  const differences = compareModels(actual, expected, labels);
  assert.deepEqual(differences, [], `schemas differ (${labels.join(" vs ")}):\n  ${differences.join("\n  ")}`);
  // compareModels matches columns by name; the JSON also pins their order and everything else.
  assert.deepEqual(actual, expected, `schemas differ in order or detail (${labels.join(" vs ")})`);
}

/**
 * Runs `revision --autogenerate` (against `url`, by default the project's database) and returns
 * the generated file's text with `createdAt` normalised.
 */
export function autogenerate(project: ScenarioProject, revId: string, message: string, url?: string): string {
  const result = project.cliOk(["revision", "--autogenerate", "-m", message, "--rev-id", revId], url);
  const path = project.migrationPath(revId);
  assert.ok(result.stdout.includes(revId), `revision names the new revision ${revId}:\n${result.stdout}`);
  return readMigrationText(path);
}

/** `check` exits 0 and autogenerate reports that it found no changes (and writes no file). */
export function assertNothingToGenerate(project: ScenarioProject): void {
  const check = project.cli(["check"]);
  assert.equal(check.code, 0, `check after upgrade: exit ${check.code}\n${check.stdout}${check.stderr}`);
  const files = project.migrationFiles();
  const probe = project.cli(["revision", "--autogenerate", "-m", "nothing left", "--rev-id", "ffffffffffff"]);
  const written = project.migrationFiles().filter((file) => !files.includes(file));
  // Remove whatever was written before asserting, so a failure here does not break later steps.
  for (const file of written) rmSync(join(project.dir, "migrations", file));
  assert.equal(probe.code, 0, `autogenerate after upgrade: exit ${probe.code}\n${probe.stdout}${probe.stderr}`);
  assert.deepEqual(linesOf(probe.stdout), ["No changes in schema detected."], "autogenerate after upgrade finds nothing");
  assert.deepEqual(written, [], "autogenerate with no changes writes no migration file");
}

/** Which of the `known` revision ids `retort current` names (in the order of `known`). */
export function currentRevisions(project: ScenarioProject, known: readonly string[], url?: string): string[] {
  const output = project.cliOk(["current"], url).stdout;
  return known.filter((id) => output.includes(id));
}

/** The `Running upgrade|downgrade a -> b, message (N ms)` lines of a run, without the durations. */
export function runLines(output: string): string[] {
  return linesOf(output)
    .filter((line) => line.startsWith("Running "))
    .map((line) => line.replace(/ \(\d+ ms\)$/, ""));
}

/**
 * Runs one step of a schema-change scenario on `project`, whose database is at `previous`
 * (null: base) and whose migrations end there. `golden` is the golden file path prefix
 * (`<dialect>/<scenario>`). Returns the schema after the step; the step ends upgraded again,
 * and the next step checks (passing it as `previousSchema`) that this gave the same schema.
 */
export async function runChangeStep(
  project: ScenarioProject,
  step: ChangeStep,
  previous: string | null,
  golden: string,
  previousSchema?: SchemaModel,
): Promise<SchemaModel> {
  project.writeEntities(step.entities);
  const text = autogenerate(project, step.revId, step.message);
  assertGolden(text, `${golden}/${step.name}.ts`);

  const before = project.inspect();
  // The previous step ended with a second `upgrade head`: it must have rebuilt the same schema.
  if (previousSchema !== undefined) assertSameSchema(before, previousSchema, ["upgraded again", "first upgrade"]);
  await seedRows(project.database, before, step.keyHints);
  const rowsBefore = await snapshotRows(project.database, before);

  const upgrade = project.cliOk(["upgrade", "head"]);
  assert.deepEqual(runLines(upgrade.stdout), [`Running upgrade ${previous ?? "<base>"} -> ${step.revId}, ${step.message}`]);
  const after = project.inspect();
  assertSameSchema(after, await project.inspectSynchronized(), ["after upgrade", "synchronize()"]);
  assertNothingToGenerate(project);

  const compared = assertRowsKept(rowsBefore, await snapshotRows(project.database, after));
  const tablesKept = before.tables.filter((table) => after.tables.some((other) => other.name === table.name));
  if (tablesKept.length > 0) assert.ok(compared > 0, "rows were compared across the migration");

  const downgrade = project.cliOk(["downgrade", "-1"]);
  assert.deepEqual(runLines(downgrade.stdout), [`Running downgrade ${step.revId} -> ${previous ?? "<base>"}, ${step.message}`]);
  assertSameSchema(project.inspect(), before, ["after downgrade -1", "before upgrade"]);
  const again = project.cliOk(["upgrade", "head"]);
  assert.deepEqual(runLines(again.stdout), [`Running upgrade ${previous ?? "<base>"} -> ${step.revId}, ${step.message}`]);
  return after;
}
