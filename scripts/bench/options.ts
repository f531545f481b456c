/**
 * The benchmark's command line: `npm run bench -- --n 100,500 --dialect sqlite --runs 3`.
 */
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export type BenchDialect = "postgres" | "sqlite";

/** Scenario groups that can be selected with `--only`. */
export const scenarioGroups = ["s1", "apply", "s2", "s3", "history", "upgrade"] as const;
export type ScenarioGroup = (typeof scenarioGroups)[number];

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly dialects: readonly BenchDialect[];
  /** Measured runs per tool and scenario (at least 5 by default). */
  readonly runs: number;
  /** Runs at N ≥ 2000, where 3 are allowed. */
  readonly runsLarge: number;
  readonly only: readonly ScenarioGroup[];
  /** Revisions in the `history`/`current` chain. */
  readonly chainLength: number;
  /** Migrations in the `upgrade head` run. */
  readonly upgradeCount: number;
  readonly workDir: string;
  readonly out: string;
  /** The PostgreSQL server databases are created on. */
  readonly pgAdminUrl: string;
  /** Keep the generated projects and databases. */
  readonly keep: boolean;
  /** Merge into the results of earlier runs (`<work-dir>/results.json`) instead of starting afresh. */
  readonly merge: boolean;
  /** Measure nothing: render the report from `<work-dir>/results.json`. */
  readonly reportOnly: boolean;
  /** Profile one retort scenario (`s2:postgres:2000`) with --cpu-prof and summarise it. */
  readonly profile?: string;
  /** Per-child time limit. */
  readonly timeoutMs: number;
}

const usage = `usage: npm run bench -- [--n 100,500,2000] [--dialect postgres,sqlite] [--runs 5] [--runs-large 3]
  [--only s1,apply,s2,s3,history,upgrade] [--chain 2000] [--upgrade-count 500]
  [--work-dir DIR] [--out bench/RESULTS.md] [--pg URL] [--keep] [--merge] [--report-only] [--profile s1:postgres:2000] [--timeout-s 900]`;

function list(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function positiveInteger(flag: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive integer, got "${value}"\n${usage}`);
  return parsed;
}

function dialectOf(value: string): BenchDialect {
  if (value === "postgres" || value === "pg" || value === "postgresql") return "postgres";
  if (value === "sqlite") return "sqlite";
  throw new Error(`unknown dialect "${value}"\n${usage}`);
}

function groupOf(value: string): ScenarioGroup {
  const found = scenarioGroups.find((group) => group === value);
  if (found === undefined) throw new Error(`unknown scenario group "${value}"\n${usage}`);
  return found;
}

/** Parses the arguments after `npm run bench --`. */
export function parseBenchOptions(argv: readonly string[], cwd: string): BenchOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--help" || arg === "-h") throw new Error(usage);
    if (!arg.startsWith("--")) throw new Error(`unexpected argument "${arg}"\n${usage}`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (key === "keep" || key === "merge" || key === "report-only") {
      flags.add(key);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value\n${usage}`);
    values.set(key, value);
  }
  const known = new Set(["n", "dialect", "runs", "runs-large", "only", "chain", "upgrade-count", "work-dir", "out", "pg", "profile", "timeout-s"]);
  for (const key of values.keys()) if (!known.has(key)) throw new Error(`unknown option --${key}\n${usage}`);
  const runs = positiveInteger("--runs", values.get("runs") ?? "5");
  const profile = values.get("profile");
  return {
    sizes: list(values.get("n") ?? "100,500,2000").map((n) => positiveInteger("--n", n)),
    dialects: list(values.get("dialect") ?? "postgres,sqlite").map(dialectOf),
    runs,
    runsLarge: positiveInteger("--runs-large", values.get("runs-large") ?? String(Math.min(runs, 3))),
    only: list(values.get("only") ?? scenarioGroups.join(",")).map(groupOf),
    chainLength: positiveInteger("--chain", values.get("chain") ?? "2000"),
    upgradeCount: positiveInteger("--upgrade-count", values.get("upgrade-count") ?? "500"),
    workDir: resolve(cwd, values.get("work-dir") ?? join(tmpdir(), "retort-bench")),
    out: resolve(cwd, values.get("out") ?? "bench/RESULTS.md"),
    pgAdminUrl: values.get("pg") ?? process.env.RETORT_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres",
    keep: flags.has("keep"),
    merge: flags.has("merge") || flags.has("report-only"),
    reportOnly: flags.has("report-only"),
    ...(profile === undefined ? {} : { profile }),
    timeoutMs: positiveInteger("--timeout-s", values.get("timeout-s") ?? "900") * 1000,
  };
}
