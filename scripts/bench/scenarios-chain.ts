/**
 * The scenarios that do not depend on N, per dialect: `history` and `current` over a long
 * revision chain (TypeORM's counterpart: `migration:show`), and `upgrade head` over many small
 * migrations, plus the same `upgrade head` with nothing left to do, whose difference gives the
 * runner's cost per migration.
 */
import { join } from "node:path";
import { mustSucceed, retortSpec, typeormSpec, typeormSummary, type BenchContext } from "./context";
import { postgresDatabase, sqliteDatabase, type BenchDatabase } from "./databases";
import { writeChain } from "./generate-migrations";
import { runScenario, type Scenario, type ScenarioOutcome } from "./interleave";
import type { BenchDialect } from "./options";
import { writeProject } from "./project";

function database(ctx: BenchContext, dialect: BenchDialect, dir: string, name: string): BenchDatabase {
  return dialect === "postgres" ? postgresDatabase(ctx.options.pgAdminUrl, `retort_bench_${name}`) : sqliteDatabase(join(dir, `${name}.sqlite`));
}

function ranExactly(count: number) {
  return (sample: Parameters<typeof mustSucceed>[0]): { ok: boolean } => ({
    ok: sample.exitCode === 0 && typeormSummary(sample).ran === count,
  });
}

/** Runs the chain scenarios for one dialect. */
export async function runChainScenarios(ctx: BenchContext, dialect: BenchDialect): Promise<ScenarioOutcome[]> {
  const { options } = ctx;
  const root = join(options.workDir, `${dialect}-chain`);
  writeProject(root, ctx.repoRoot, { dialect, count: 0 });
  const outcomes: ScenarioOutcome[] = [];
  const run = async (scenario: Scenario): Promise<void> => {
    ctx.log(`${scenario.title} (${scenario.key}), ${scenario.runs} runs`);
    outcomes.push(await runScenario(scenario, ctx.log));
  };
  const chain = options.chainLength;
  const upgrades = options.upgradeCount;
  const dbs: BenchDatabase[] = [];

  if (options.only.includes("history")) {
    ctx.log(`${dialect}: writing a ${chain}-revision chain`);
    writeChain("empty", chain, join(root, "migrations-chain"), join(root, "typeorm-chain"), dialect);
    const chainDb = database(ctx, dialect, root, `${dialect}_chain`);
    dbs.push(chainDb);
    await chainDb.reset();
    await run({
      key: `chain-upgrade:${dialect}:${chain}`,
      title: `upgrade head over ${chain} empty migrations (set-up of history/current, 1 run)`,
      dialect,
      runs: 1,
      sides: {
        retort: { spec: retortSpec(ctx, root, chainDb.url, ["upgrade", "head", "--dir", "migrations-chain"]), judge: mustSucceed },
        typeorm: { spec: typeormSpec(ctx, root, chainDb.url, ["migrate", "typeorm-chain"]), judge: ranExactly(chain) },
      },
    });
    for (const verb of ["history", "current"] as const) {
      await run({
        key: `${verb}:${dialect}:${chain}`,
        title: `\`${verb}\` over a ${chain}-revision chain (TypeORM: migration:show)`,
        dialect,
        runs: options.runs,
        sides: {
          retort: { spec: retortSpec(ctx, root, chainDb.url, [verb, "--dir", "migrations-chain"]), judge: mustSucceed },
          typeorm: { spec: typeormSpec(ctx, root, chainDb.url, ["show", "typeorm-chain"]), judge: mustSucceed },
        },
      });
    }
  }

  if (options.only.includes("upgrade")) {
    ctx.log(`${dialect}: writing ${upgrades} small migrations`);
    writeChain("create-table", upgrades, join(root, "migrations-up"), join(root, "typeorm-up"), dialect);
    const upRetort = database(ctx, dialect, root, `${dialect}_up_r`);
    const upTypeorm = database(ctx, dialect, root, `${dialect}_up_t`);
    dbs.push(upRetort, upTypeorm);
    await run({
      key: `upgrade:${dialect}:${upgrades}`,
      title: `\`upgrade head\` over ${upgrades} small migrations (a CREATE TABLE each, a transaction each)`,
      dialect,
      runs: options.runs,
      sides: {
        retort: {
          spec: retortSpec(ctx, root, upRetort.url, ["upgrade", "head", "--dir", "migrations-up"]),
          before: () => upRetort.reset(),
          judge: mustSucceed,
        },
        typeorm: {
          spec: typeormSpec(ctx, root, upTypeorm.url, ["migrate", "typeorm-up"]),
          before: () => upTypeorm.reset(),
          judge: ranExactly(upgrades),
        },
      },
    });
    await run({
      key: `upgrade-noop:${dialect}:${upgrades}`,
      title: `\`upgrade head\` with all ${upgrades} already applied (baseline for the per-migration cost)`,
      dialect,
      runs: options.runs,
      sides: {
        retort: { spec: retortSpec(ctx, root, upRetort.url, ["upgrade", "head", "--dir", "migrations-up"]), judge: mustSucceed },
        typeorm: { spec: typeormSpec(ctx, root, upTypeorm.url, ["migrate", "typeorm-up"]), judge: ranExactly(0) },
      },
    });
  }
  if (!options.keep) for (const db of dbs) await db.drop();
  return outcomes;
}
