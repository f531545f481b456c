/**
 * One extra, unmeasured retort run of a scenario under `node --cpu-prof`, summarised for the
 * report. Which scenarios: `--profile group:dialect:N[,...]`; by default (`auto`) retort's S1,
 * apply, S2 and S3 at the largest N of each dialect; `--profile none` turns it off.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "./context";
import type { Scenario } from "./interleave";
import { runChild } from "./measure";
import { readProfileDir, summariseProfile } from "./profile";

function wanted(ctx: BenchContext, scenario: Scenario): boolean {
  const setting = ctx.options.profile ?? "auto";
  if (setting === "none") return false;
  if (setting === "auto") {
    const group = scenario.key.split(":")[0]!;
    const largest = Math.max(...ctx.options.sizes);
    return scenario.size === largest && ["s1", "apply", "s2", "s3"].includes(group);
  }
  return setting.split(",").includes(scenario.key);
}

/** Profiles the retort side of `scenario` when asked to; failures are logged, not thrown. */
export async function profileScenario(ctx: BenchContext, scenario: Scenario): Promise<void> {
  const side = scenario.sides.retort;
  if (side === undefined || !wanted(ctx, scenario)) return;
  const dir = mkdtempSync(join(ctx.options.workDir, "profile-"));
  try {
    await side.before?.();
    const sample = await runChild({ ...side.spec, nodeFlags: ["--cpu-prof", "--cpu-prof-dir", dir] });
    if (!side.judge(sample).ok) {
      ctx.log(`  profile of ${scenario.key}: the run failed (exit ${sample.exitCode})`);
      return;
    }
    await side.after?.(sample);
    const summary = summariseProfile(readProfileDir(dir));
    ctx.profiles.push({ key: scenario.key, title: scenario.title, wallMs: sample.wallMs, summary });
    ctx.log(`  profiled ${scenario.key}: ${summary.totalMs.toFixed(0)} ms of samples`);
  } catch (error) {
    ctx.log(`  profile of ${scenario.key} failed: ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
