/**
 * One measured run = one child process: `node [--require count-hook] <script> <args>` in the
 * project directory, timed from spawn to exit (so Node's start-up, loading the entities and
 * connecting count for both tools), its peak RSS from `/usr/bin/time -f %M` when that exists
 * (else the child's own `resourceUsage().maxRSS`), and its SQL statements from the count hook.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What to run. */
export interface ChildSpec {
  /** The script (absolute) and its arguments, after `node`. */
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Readonly<Record<string, string>>;
  /** Extra node flags (e.g. `--cpu-prof`). */
  readonly nodeFlags?: readonly string[];
  readonly timeoutMs: number;
}

/** One run's measurements. */
export interface Sample {
  readonly wallMs: number;
  /** Peak resident set size in kilobytes. */
  readonly rssKb: number;
  /**
   * User + system CPU time of the child in milliseconds (GNU time; NaN without it). Less
   * sensitive than wall time to other load on the machine; excludes the database server's work.
   */
  readonly cpuMs: number;
  readonly statements: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const timeBinary = "/usr/bin/time";
/** Whether peak RSS comes from GNU time (whole process) or from the child itself. */
export const rssSource: "gnu-time" | "resource-usage" = existsSync(timeBinary) ? "gnu-time" : "resource-usage";

const countHook = join(__dirname, "count-hook.js");

/** Runs the child once and measures it. Never throws for a failing child: see `exitCode`. */
export async function runChild(spec: ChildSpec): Promise<Sample> {
  const scratch = mkdtempSync(join(tmpdir(), "retort-bench-run-"));
  const statsFile = join(scratch, "stats.json");
  const timeFile = join(scratch, "time.txt");
  const nodeArgs = [...(spec.nodeFlags ?? []), "--require", countHook, ...spec.args];
  const [command, args] =
    rssSource === "gnu-time"
      ? [timeBinary, ["-f", "%M %U %S", "-o", timeFile, process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
  const env: Record<string, string> = { ...cleanEnvironment(), ...spec.env, BENCH_STATS_FILE: statsFile };
  try {
    const started = process.hrtime.bigint();
    const { exitCode, stdout, stderr } = await spawnAndWait(command, args, spec.cwd, env, spec.timeoutMs);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const stats = readStats(statsFile);
    const time = rssSource === "gnu-time" ? readGnuTime(timeFile) : undefined;
    const rssKb = time?.rssKb ?? stats.maxRssKb;
    return { wallMs, rssKb, cpuMs: time?.cpuMs ?? Number.NaN, statements: stats.statements, exitCode, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The parent's environment without anything that would redirect either tool's connection. */
function cleanEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === "DATABASE_URL" || key === "NODE_OPTIONS") continue;
    env[key] = value;
  }
  return env;
}

function readStats(file: string): { statements: number; maxRssKb: number } {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { statements: number; maxRssKb: number };
    return parsed;
  } catch {
    return { statements: Number.NaN, maxRssKb: Number.NaN };
  }
}

function readGnuTime(file: string): { rssKb: number; cpuMs: number } | undefined {
  try {
    // GNU time prints "Command exited with non-zero status N" before the values on failure.
    const lines = readFileSync(file, "utf8").trim().split("\n");
    const [rss, user, system] = (lines[lines.length - 1] ?? "").split(" ").map(Number);
    if (rss === undefined || !Number.isFinite(rss)) return undefined;
    return { rssKb: rss, cpuMs: ((user ?? Number.NaN) + (system ?? Number.NaN)) * 1000 };
  } catch {
    return undefined;
  }
}

function spawnAndWait(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString("utf8") + (signal === null ? "" : `\nkilled by ${signal} (time limit ${timeoutMs} ms)`);
      resolve({ exitCode: code ?? 128, stdout: Buffer.concat(out).toString("utf8"), stderr });
    });
  });
}

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
