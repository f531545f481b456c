/**
 * The scenarios that depend on the number of entities N, for one dialect and one N, in the
 * order their database states require: S1 (autogenerate from an empty database), applying the
 * S1 migration, S2 (no-op check on an up-to-date database), S3 (one added column).
 */
import { readFileSync, renameSync } from "node:fs";
import { join, relative } from "node:path";
import { mustSucceed, retortSpec, typeormSpec, typeormSummary, type BenchContext } from "./context";
import { postgresDatabase, sqliteDatabase, type BenchDatabase } from "./databases";
import { describeFailure, runScenario, type Scenario, type ScenarioOutcome } from "./interleave";
import { runChild, type Sample } from "./measure";
import type { BenchDialect, ScenarioGroup } from "./options";
import { profileScenario } from "./profile-run";
import { emptyDir, listFiles, writeProject } from "./project";

function database(ctx: BenchContext, dialect: BenchDialect, dir: string, name: string): BenchDatabase {
  return dialect === "postgres" ? postgresDatabase(ctx.options.pgAdminUrl, `retort_bench_${name}`) : sqliteDatabase(join(dir, `${name}.sqlite`));
}

const S2_TITLE = "S2 no-op check on an up-to-date database";
const S3_TITLE = "S3 autogenerate one added column";

/**
 * Makes `db` up to date by TypeORM's own definition: `schema:sync`; when that cannot run in
 * one transaction (PostgreSQL's lock table at thousands of tables), TypeORM's initial
 * migration without a transaction. Returns why neither worked, or undefined.
 */
async function bringUpToDate(ctx: BenchContext, base: string, db: BenchDatabase, initTypeorm: string): Promise<string | undefined> {
  await db.reset();
  emptyDir(join(base, "migrations"));
  const sync = await runChild(typeormSpec(ctx, base, db.url, ["sync"]));
  if (sync.exitCode === 0) return undefined;
  const syncFailure = describeFailure(sync);
  ctx.log(`  schema:sync failed (${syncFailure}); applying TypeORM's initial migration with --transaction none instead`);
  if (listFiles(initTypeorm).length !== 1) return `schema:sync ${syncFailure}; no initial migration to fall back on`;
  await db.reset();
  const migrate = await runChild(typeormSpec(ctx, base, db.url, ["migrate", relative(base, initTypeorm), "none"]));
  return migrate.exitCode === 0 ? undefined : `schema:sync ${syncFailure}; initial migration without transaction ${describeFailure(migrate)}`;
}

/** A scenario that could not be measured, shown as failed for both tools. */
function skipped(scenarioKey: string, title: string, dialect: BenchDialect, size: number, why: string): ScenarioOutcome {
  const failed = { samples: [], notes: [], failure: `not measured: ${why}` };
  return {
    scenario: { key: scenarioKey, title, dialect, size, runs: 0, sides: { retort: undefined, typeorm: undefined } },
    results: { retort: { ...failed }, typeorm: { ...failed, notes: [] } },
  };
}

function changesNote(sample: Sample, what: string): { ok: boolean; note?: string } {
  if (sample.exitCode !== 0) return { ok: false };
  const up = typeormSummary(sample).up ?? Number.NaN;
  return { ok: true, note: `${what}: ${up} up statements` };
}

/** Runs every selected N-dependent scenario for one dialect and N. */
export async function runSizeScenarios(ctx: BenchContext, dialect: BenchDialect, size: number): Promise<ScenarioOutcome[]> {
  const { options } = ctx;
  const selected = (group: ScenarioGroup): boolean => options.only.includes(group);
  const root = join(options.workDir, `${dialect}-${size}`);
  const base = join(root, "base");
  const added = join(root, "added");
  const middle = Math.ceil(size / 2);
  ctx.log(`${dialect} N=${size}: writing projects in ${root}`);
  writeProject(base, ctx.repoRoot, { dialect, count: size });
  writeProject(added, ctx.repoRoot, { dialect, count: size, addedColumnIn: middle });
  const initRetort = join(base, "migrations-init");
  const initTypeorm = join(base, "typeorm-init");
  emptyDir(initRetort);
  emptyDir(initTypeorm);
  const main = database(ctx, dialect, root, `${dialect}_${size}_main`);
  const applyRetort = database(ctx, dialect, root, `${dialect}_${size}_apply_r`);
  const applyTypeorm = database(ctx, dialect, root, `${dialect}_${size}_apply_t`);
  const runs = size >= 2000 ? options.runsLarge : options.runs;
  const outcomes: ScenarioOutcome[] = [];
  const key = (group: string): string => `${group}:${dialect}:${size}`;
  const run = async (scenario: Scenario): Promise<ScenarioOutcome> => {
    ctx.log(`${scenario.title} (${scenario.key}), ${scenario.runs} runs`);
    const outcome = await runScenario(scenario, ctx.log);
    outcomes.push(outcome);
    await profileScenario(ctx, scenario);
    return outcome;
  };

  await main.reset();
  const needInit = selected("s1") || selected("apply");
  if (needInit) {
    await run({
      key: key("s1"),
      title: "S1 autogenerate from an empty database",
      dialect,
      size,
      runs,
      sides: {
        retort: {
          spec: retortSpec(ctx, base, main.url, ["revision", "--autogenerate", "-m", "init"]),
          before: () => emptyDir(join(base, "migrations")),
          // On PostgreSQL a large initial migration is a chain of revisions (one transaction each).
          judge: (sample) => ({ ok: sample.exitCode === 0 && listFiles(join(base, "migrations")).length >= 1 }),
          after: () => {
            emptyDir(initRetort);
            for (const file of listFiles(join(base, "migrations"))) {
              renameSync(join(base, "migrations", file), join(initRetort, file));
            }
          },
        },
        typeorm: {
          spec: typeormSpec(ctx, base, main.url, ["generate", join(initTypeorm, "init.js")]),
          judge: (sample) => changesNote(sample, "initial migration"),
        },
      },
    });
  }

  if (selected("apply")) {
    const outcome = await run({
      key: key("apply"),
      title: "Apply the S1 migration to an empty database",
      dialect,
      size,
      runs,
      sides: {
        retort:
          listFiles(initRetort).length >= 1
            ? {
                spec: retortSpec(ctx, base, applyRetort.url, ["upgrade", "head", "--dir", "migrations-init"]),
                before: () => applyRetort.reset(),
                judge: mustSucceed,
              }
            : undefined,
        typeorm:
          listFiles(initTypeorm).length === 1
            ? {
                spec: typeormSpec(ctx, base, applyTypeorm.url, ["migrate", "typeorm-init"]),
                before: () => applyTypeorm.reset(),
                judge: (sample) => ({ ok: sample.exitCode === 0 && typeormSummary(sample).ran === 1 }),
              }
            : undefined,
      },
    });
    await crossCheck(ctx, outcome, base, applyRetort, applyTypeorm);
  }

  if (selected("s2") || selected("s3")) {
    const problem = await bringUpToDate(ctx, base, main, initTypeorm);
    if (problem !== undefined) {
      ctx.log(`${dialect} N=${size}: no up-to-date database (${problem}); S2 and S3 skipped`);
      for (const group of ["s2", "s3"] as const) {
        if (selected(group)) outcomes.push(skipped(key(group), group === "s2" ? S2_TITLE : S3_TITLE, dialect, size, problem));
      }
      if (!options.keep) for (const db of [main, applyRetort, applyTypeorm]) await db.drop();
      return outcomes;
    }
  }
  if (selected("s2")) {
    await run({
      key: key("s2"),
      title: S2_TITLE,
      dialect,
      size,
      runs,
      sides: {
        retort: { spec: retortSpec(ctx, base, main.url, ["check"]), judge: judgeCheck },
        typeorm: { spec: typeormSpec(ctx, base, main.url, ["generate"]), judge: (sample) => changesNote(sample, "changes found") },
      },
    });
  }
  if (selected("s3")) {
    await run({
      key: key("s3"),
      title: S3_TITLE,
      dialect,
      size,
      runs,
      sides: {
        retort: {
          spec: retortSpec(ctx, added, main.url, ["revision", "--autogenerate", "-m", "add note"]),
          before: () => emptyDir(join(added, "migrations")),
          judge: (sample) => judgeAddedColumn(sample, join(added, "migrations")),
        },
        typeorm: { spec: typeormSpec(ctx, added, main.url, ["generate"]), judge: (sample) => changesNote(sample, "migration") },
      },
    });
  }
  if (!options.keep) {
    for (const db of [main, applyRetort, applyTypeorm]) await db.drop();
  }
  return outcomes;
}

/** `retort check` exits 0 when the database matches the entities; anything else is noted. */
function judgeCheck(sample: Sample): { ok: boolean; note?: string } {
  if (sample.exitCode === 0) return { ok: true, note: "check: no changes (exit 0)" };
  const internal = /internal error/.test(sample.stderr);
  const first = `${sample.stdout}\n${sample.stderr}`.trim().split("\n")[0] ?? "";
  return { ok: !internal, note: `check exit ${sample.exitCode}: ${first.slice(0, 160)}` };
}

function judgeAddedColumn(sample: Sample, dir: string): { ok: boolean; note?: string } {
  const files = listFiles(dir);
  if (sample.exitCode !== 0 || files.length !== 1) return { ok: false };
  const text = readFileSync(join(dir, files[0]!), "utf8");
  const calls = text.match(/op\.\w+\(/g) ?? [];
  const ups = text.split("export async function down")[0]!.match(/op\.\w+\(/g) ?? [];
  return { ok: true, note: `migration: ${ups.join(" ")} (${calls.length} op calls in up+down)` };
}

/**
 * Each tool's generator run against the database the other tool's initial migration built:
 * zero changes on both sides means the two agree on the schema (untimed, one run each).
 */
async function crossCheck(ctx: BenchContext, outcome: ScenarioOutcome, base: string, applyRetort: BenchDatabase, applyTypeorm: BenchDatabase): Promise<void> {
  const retortNotes = outcome.results.retort;
  const typeormNotes = outcome.results.typeorm;
  if (retortNotes !== undefined && retortNotes.samples.length > 0) {
    const sample = await runChild(typeormSpec(ctx, base, applyRetort.url, ["generate"]));
    retortNotes.notes.push(`TypeORM's generator after retort's migration: ${sample.exitCode === 0 ? `${typeormSummary(sample).up} up statements` : `failed (${sample.exitCode})`}`);
  }
  if (typeormNotes !== undefined && typeormNotes.samples.length > 0) {
    const sample = await runChild(retortSpec(ctx, base, applyTypeorm.url, ["check"]));
    typeormNotes.notes.push(`retort check after TypeORM's migration: ${judgeCheck(sample).note ?? ""}`);
  }
}
