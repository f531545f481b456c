/** A description of the machine and software the numbers were measured on, for the report. */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { describePostgres } from "./databases";
import { rssSource } from "./measure";
import type { BenchOptions } from "./options";

function safely(run: () => string): string {
  try {
    return run().trim();
  } catch {
    return "unknown";
  }
}

function versionOf(repoRoot: string, pkg: string): string {
  return safely(() => (require(join(repoRoot, "node_modules", pkg, "package.json")) as { version: string }).version);
}

function sqliteVersion(repoRoot: string): string {
  return safely(() => {
    const Database = require(join(repoRoot, "node_modules", "better-sqlite3")) as new (file: string) => {
      prepare(sql: string): { pluck(): { get(): string } };
      close(): void;
    };
    const db = new Database(":memory:");
    try {
      return db.prepare("select sqlite_version()").pluck().get();
    } finally {
      db.close();
    }
  });
}

/** Lines describing the machine, as Markdown list items. */
export async function describeMachine(options: BenchOptions, repoRoot: string): Promise<string[]> {
  const cpu = cpus();
  const pg = options.dialects.includes("postgres") ? await describePostgres(options.pgAdminUrl).catch((e: Error) => `PostgreSQL: ${e.message}`) : "PostgreSQL not measured";
  const disk = safely(() => execFileSync("df", ["-hT", options.workDir], { encoding: "utf8" }).split("\n")[1]?.replace(/\s+/g, " ") ?? "");
  const commit = safely(() => execFileSync("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }));
  return [
    `- CPU: ${cpu[0]?.model ?? "unknown"} × ${cpu.length} logical cores; RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- OS: ${type()} ${release()}; work directory ${options.workDir} (${disk})`,
    `- Node ${process.version}; typeorm ${versionOf(repoRoot, "typeorm")}; pg ${versionOf(repoRoot, "pg")}; better-sqlite3 ${versionOf(repoRoot, "better-sqlite3")} (SQLite ${sqliteVersion(repoRoot)}); @swc/core ${versionOf(repoRoot, "@swc/core")}; prettier ${versionOf(repoRoot, "prettier")}`,
    `- ${pg}, on the same machine (127.0.0.1)`,
    `- retort at commit ${commit} (plus uncommitted work), a frozen copy of its build; peak RSS${rssSource === "gnu-time" ? " and CPU time from GNU time (%M %U %S)" : " from process.resourceUsage().maxRSS (no GNU time: no CPU time)"}`,
    `- Load average when the run started: ${loadavg().map((value) => value.toFixed(1)).join(", ")} (other work on the machine disturbs wall time more than CPU time)`,
  ];
}
