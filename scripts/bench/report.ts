/** Renders bench/RESULTS.md: the machine, the table, the notes, the targets and the profiles. */
import type { ProfileResult } from "./context";
import type { Invocation, RecordedOutcome as ScenarioOutcome } from "./record";
import { statsOf, judgeTargets, perMigrationMs, type ToolStats } from "./summarise";
import type { BenchOptions } from "./options";

function cell(stats: ToolStats | undefined, pick: (s: ToolStats) => number, digits = 0): string {
  if (stats === undefined) return "–";
  if (stats.runs === 0) return "failed";
  const value = pick(stats);
  return Number.isFinite(value) ? value.toFixed(digits) : "?";
}

function ratio(retort: ToolStats | undefined, typeorm: ToolStats | undefined): string {
  if (retort === undefined || typeorm === undefined || retort.runs === 0 || typeorm.runs === 0) return "–";
  const value = retort.wallMs / typeorm.wallMs;
  const faster = typeorm.wallMs / retort.wallMs;
  return faster >= 1 ? `${value.toFixed(3)} (${faster.toFixed(1)}× faster)` : `${value.toFixed(2)} (${(1 / faster).toFixed(1)}× slower)`;
}

function pair(retort: ToolStats | undefined, typeorm: ToolStats | undefined, pick: (s: ToolStats) => number): string {
  return `${cell(retort, pick)} / ${cell(typeorm, pick)}`;
}

function cpuRatio(retort: ToolStats | undefined, typeorm: ToolStats | undefined): string {
  if (retort === undefined || typeorm === undefined || retort.runs === 0 || typeorm.runs === 0) return "–";
  const value = retort.cpuMs / typeorm.cpuMs;
  return Number.isFinite(value) ? value.toFixed(2) : "?";
}

/** The results table in Markdown (also what the README quotes). */
export function renderTable(outcomes: readonly ScenarioOutcome[]): string[] {
  const lines = [
    "| scenario | DB | N | wall ms retort / TypeORM | retort/TypeORM (wall) | CPU ms retort / TypeORM | CPU ratio | peak MB retort / TypeORM | statements retort / TypeORM | runs |",
    "|---|---|---:|---:|---|---:|---:|---:|---:|---|",
  ];
  for (const { scenario, results } of outcomes) {
    const retort = statsOf(results.retort);
    const typeorm = statsOf(results.typeorm);
    const name = scenario.title.replace(/\|/g, "\\|");
    lines.push(
      `| ${name} | ${scenario.dialect} | ${scenario.size ?? "–"} | ${pair(retort, typeorm, (s) => s.wallMs)} | ${ratio(retort, typeorm)} | ` +
        `${pair(retort, typeorm, (s) => s.cpuMs)} | ${cpuRatio(retort, typeorm)} | ${pair(retort, typeorm, (s) => s.rssMb)} | ` +
        `${pair(retort, typeorm, (s) => s.statements)} | ${retort?.runs ?? 0}/${typeorm?.runs ?? 0} |`,
    );
  }
  return lines;
}

function renderNotes(outcomes: readonly ScenarioOutcome[]): string[] {
  const lines: string[] = [];
  for (const { scenario, results } of outcomes) {
    for (const tool of ["retort", "typeorm"] as const) {
      const outcome = results[tool];
      if (outcome === undefined) continue;
      const notes = [...outcome.notes, ...(outcome.failure === undefined ? [] : [`FAILED: ${outcome.failure}`])];
      if (notes.length > 0) lines.push(`- \`${scenario.key}\` ${tool}: ${notes.join("; ").replace(/\n/g, " ")}`);
    }
  }
  return lines;
}

function renderProfiles(profiles: readonly ProfileResult[]): string[] {
  const lines: string[] = [];
  for (const profile of profiles) {
    const { summary } = profile;
    lines.push(
      "",
      `### ${profile.title} — \`${profile.key}\` (${profile.wallMs.toFixed(0)} ms wall under --cpu-prof, ${summary.totalMs.toFixed(0)} ms sampled)`,
      "",
      "Self time by area: " + summary.byArea.map((entry) => `${entry.name} ${entry.ms.toFixed(0)}`).join(", ") + " (ms)",
      "",
      "| retort function (inclusive) | ms | | top self time | ms |",
      "|---|---:|---|---|---:|",
    );
    const rows = Math.max(summary.retortInclusive.length, summary.topSelf.length);
    for (let i = 0; i < rows; i++) {
      const own = summary.retortInclusive[i];
      const self = summary.topSelf[i];
      lines.push(`| ${own === undefined ? "" : `\`${own.name}\``} | ${own?.ms.toFixed(0) ?? ""} | | ${self === undefined ? "" : `\`${self.name}\``} | ${self?.ms.toFixed(0) ?? ""} |`);
    }
  }
  return lines;
}

/** The whole report. */
export function renderReport(input: {
  readonly options: BenchOptions;
  readonly machine: readonly string[];
  readonly outcomes: readonly ScenarioOutcome[];
  readonly profiles: readonly ProfileResult[];
  readonly invocations: readonly Invocation[];
}): string {
  const { options, outcomes } = input;
  // With --merge the report covers more than this invocation measured.
  const sizes = [...new Set(outcomes.flatMap((o) => (o.scenario.size === undefined ? [] : [o.scenario.size])))].sort((a, b) => a - b);
  const dialects = [...new Set(outcomes.map((o) => o.scenario.dialect))];
  const targets = judgeTargets(outcomes, sizes.length > 0 ? sizes : options.sizes, dialects, options.chainLength, options.upgradeCount);
  const perMigration = dialects.map(
    (dialect) =>
      `${dialect}: retort ${perMigrationMs(outcomes, dialect, options.upgradeCount, "retort").toFixed(2)} ms, TypeORM ${perMigrationMs(outcomes, dialect, options.upgradeCount, "typeorm").toFixed(2)} ms`,
  );
  return [
    "# Benchmark: retort against TypeORM's own generator",
    "",
    "Generated by " +
      input.invocations
        .map((run) => `\`npm run bench${run.argv.length > 0 ? ` -- ${run.argv.join(" ")}` : ""}\` on ${run.startedAt} (${(run.durationMs / 60000).toFixed(1)} min)`)
        .join(", then ") +
      ". Do not edit by hand; `npm run bench -- --report-only` re-renders it from the raw results in the work directory.",
    "",
    "## Machine",
    "",
    ...input.machine,
    "",
    "## Method",
    "",
    "- Every measured run is a child process (`node bin/retort.js <verb>` for retort; a script that does what `typeorm migration:generate` / `migration:run` / `migration:show` do, without TypeORM's CLI start-up, for TypeORM), so wall time includes Node's start, loading the entities and connecting, for both.",
    "- Runs are interleaved (retort, TypeORM, then TypeORM, retort, ...); the table shows medians. Set-up between runs (resetting a database, emptying a folder) is not timed.",
    `- ${options.runs} runs per tool and scenario, ${options.runsLarge} at N ≥ 2000. Statements are counted at the driver (every \`pg\` Client.query; every better-sqlite3 exec/run/get/all/iterate), the same hook for both tools, so they include connection set-up.`,
    "- Entities: one JavaScript file per entity (decorator calls plus `design:type` metadata, as tsc emits), loaded by both tools with plain `require`: integer primary key, varchar(32) with a unique constraint, varchar(40..255) with an index, text, boolean with a default, numeric(10,2) with a default, uuid (varchar(36) on SQLite), jsonb (json on SQLite), a creation timestamp with a default, a composite index on every second entity, and a nullable ManyToOne to an earlier entity.",
    "- S2 and S3 run against a database made up to date by TypeORM's `synchronize()`; S3 adds one nullable varchar column to the middle entity. TypeORM's initial migration is the class its generator writes (as JavaScript, run with `transaction: each`); retort's is the file `revision --autogenerate` wrote, applied with `upgrade head`.",
    "- retort's migrations in the history/upgrade scenarios are TypeScript files, transpiled by SWC through retort's on-disk cache (warm after the first run); TypeORM's are JavaScript classes.",
    "",
    "## Results",
    "",
    "Medians. retort/TypeORM is the ratio of median wall times (below 1: retort is faster); CPU is the child's user+system time (not the database server's), which other load on the machine disturbs less than wall time; MB is peak RSS; statements are all SQL statements the process sent.",
    "",
    ...renderTable(outcomes),
    "",
    `Per-migration cost of \`upgrade head\` ((full run − no-op run) / ${options.upgradeCount}): ${perMigration.join("; ")}.`,
    "",
    "### Notes per scenario",
    "",
    ...renderNotes(outcomes),
    "",
    "## Targets (read from the numbers above, not asserted)",
    "",
    "| target | verdict | measured |",
    "|---|---|---|",
    ...targets.map((t) => `| ${t.target} | ${t.verdict} | ${t.evidence.replace(/\|/g, "\\|")} |`),
    "",
    "## Profiles of retort (`node --cpu-prof`, one extra run)",
    "",
    "Inclusive times stop at the first `await` (V8 attributes continuations to the event loop), so they undercount async work; self times are exact. Time spent inside the SQL drivers' native calls shows as self time of the count hook's wrapper (`counted ... count-hook.js`, area \"other\" or \"native SQL driver calls\").",
    ...renderProfiles(input.profiles),
    "",
  ].join("\n");
}
