/**
 * What every scenario module shares: options, paths of the two children, how to build a child
 * spec for either tool, and the list the profiles are collected in.
 */
import { join } from "node:path";
import type { ChildSpec, Sample } from "./measure";
import type { BenchOptions } from "./options";
import type { ProfileSummary } from "./profile";

export interface ProfileResult {
  readonly key: string;
  readonly title: string;
  readonly wallMs: number;
  readonly summary: ProfileSummary;
}

export interface BenchContext {
  readonly options: BenchOptions;
  readonly repoRoot: string;
  /** The frozen retort build the children run (see snapshot.ts). */
  readonly retortRoot: string;
  readonly log: (line: string) => void;
  readonly profiles: ProfileResult[];
}

/** A child running the built retort CLI in `cwd` against `$BENCH_DB=db`. */
export function retortSpec(ctx: BenchContext, cwd: string, db: string, args: readonly string[]): ChildSpec {
  return { args: [join(ctx.retortRoot, "bin", "retort.js"), ...args], cwd, env: { BENCH_DB: db }, timeoutMs: ctx.options.timeoutMs };
}

/** A child running TypeORM's side (typeorm-child.js) in `cwd` against `$BENCH_DB=db`. */
export function typeormSpec(ctx: BenchContext, cwd: string, db: string, args: readonly string[]): ChildSpec {
  return { args: [join(__dirname, "typeorm-child.js"), ...args], cwd, env: { BENCH_DB: db }, timeoutMs: ctx.options.timeoutMs };
}

/** The JSON summary TypeORM's child prints last. */
export function typeormSummary(sample: Sample): { up?: number; down?: number; ran?: number } {
  const lines = sample.stdout.trim().split("\n");
  try {
    return JSON.parse(lines[lines.length - 1] ?? "{}") as { up?: number; ran?: number };
  } catch {
    return {};
  }
}

/** Judges a child that must simply succeed. */
export function mustSucceed(sample: Sample): { ok: boolean } {
  return { ok: sample.exitCode === 0 };
}
