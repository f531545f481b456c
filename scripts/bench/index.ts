/**
 * `npm run bench`: retort against TypeORM's own generator, on PostgreSQL and SQLite, in one
 * interleaved run; writes bench/RESULTS.md. Stages can be run alone:
 * `npm run bench -- --n 100,500 --dialect sqlite --runs 3 --only s1,s2`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { BenchContext } from "./context";
import type { ScenarioOutcome } from "./interleave";
import { describeMachine } from "./machine";
import { parseBenchOptions } from "./options";
import { renderReport, renderTable } from "./report";
import { runChainScenarios } from "./scenarios-chain";
import { runSizeScenarios } from "./scenarios-size";
import { snapshotRetortBuild } from "./snapshot";
import { mergeByKey, readRecordFile, toRecord, writeRecordFile } from "./record";

async function main(argv: readonly string[]): Promise<void> {
  // dist/scripts/bench/index.js → the repository root
  const repoRoot = join(__dirname, "..", "..", "..");
  const options = parseBenchOptions(argv, repoRoot);
  mkdirSync(options.workDir, { recursive: true });
  const started = Date.now();
  const log = (line: string): void => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}`);
  const retortRoot = options.reportOnly ? repoRoot : snapshotRetortBuild(repoRoot, options.workDir);
  const ctx: BenchContext = { options, repoRoot, retortRoot, log, profiles: [] };
  const measured = options.reportOnly ? undefined : await describeMachine(options, repoRoot);
  const outcomes: ScenarioOutcome[] = [];
  const recordFile = join(options.workDir, "results.json");
  const earlier = options.merge ? readRecordFile(recordFile) : { outcomes: [], profiles: [], invocations: [] };
  const write = (): void => {
    const all = mergeByKey(earlier.outcomes, outcomes.map(toRecord), (outcome) => outcome.scenario.key);
    const profiles = mergeByKey(earlier.profiles, ctx.profiles, (profile) => profile.key);
    const current = { argv, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started };
    const invocations = [...(earlier.invocations ?? []), ...(options.reportOnly ? [] : [current])];
    const machine = measured ?? earlier.machine ?? ["- (machine not recorded)"];
    writeRecordFile(recordFile, { outcomes: all, profiles, invocations, machine });
    const report = renderReport({ options, machine, outcomes: all, profiles, invocations });
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, report);
  };
  for (const dialect of options.reportOnly ? [] : options.dialects) {
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      outcomes.push(...(await runSizeScenarios(ctx, dialect, size)));
      write();
    }
    if (options.only.includes("history") || options.only.includes("upgrade")) {
      outcomes.push(...(await runChainScenarios(ctx, dialect)));
      write();
    }
  }
  write();
  console.log("");
  console.log(renderTable(outcomes.map(toRecord)).join("\n"));
  console.log(`\nwrote ${relative(process.cwd(), options.out)} in ${((Date.now() - started) / 60000).toFixed(1)} min`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
