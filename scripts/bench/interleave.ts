/**
 * Runs a scenario: the retort child and the TypeORM child alternately, run after run (the
 * order flips every run, so that neither always profits from a warm page cache or suffers
 * from the other's leftovers), each preceded by its untimed set-up.
 */
import { runChild, type ChildSpec, type Sample } from "./measure";
import type { BenchDialect } from "./options";

export type Tool = "retort" | "typeorm";

/** One tool's side of a scenario. */
export interface ToolRun {
  readonly spec: ChildSpec;
  /** Untimed set-up before every run (reset a database, empty a folder). */
  readonly before?: () => Promise<void> | void;
  /**
   * Judges a finished run: `ok: false` discards it as a failure (and stops this tool's runs);
   * a `note` is reported with the results (e.g. "found 3 changes").
   */
  readonly judge: (sample: Sample) => { readonly ok: boolean; readonly note?: string };
  /** Untimed clean-up after every run that was ok. */
  readonly after?: (sample: Sample) => Promise<void> | void;
}

export interface Scenario {
  /** `group:dialect:N`, used by `--profile`. */
  readonly key: string;
  readonly title: string;
  readonly dialect: BenchDialect;
  readonly size?: number;
  readonly runs: number;
  readonly sides: Readonly<Record<Tool, ToolRun | undefined>>;
}

export interface ToolOutcome {
  readonly samples: Sample[];
  readonly notes: string[];
  failure?: string;
}

export interface ScenarioOutcome {
  readonly scenario: Scenario;
  readonly results: Record<Tool, ToolOutcome | undefined>;
}

/** The first lines of a failed child's output, for the report. */
export function describeFailure(sample: Sample): string {
  const text = `${sample.stderr}\n${sample.stdout}`.trim().split("\n").filter((line) => line.trim() !== "");
  const first = text.find((line) => /error|Error|failed|cannot|out of/.test(line)) ?? text[0] ?? "(no output)";
  return `exit ${sample.exitCode}: ${first.trim().slice(0, 200)}`;
}

/** Runs a scenario's measured runs, printing one progress line per run. */
export async function runScenario(scenario: Scenario, log: (line: string) => void): Promise<ScenarioOutcome> {
  const results: Record<Tool, ToolOutcome | undefined> = {
    retort: scenario.sides.retort === undefined ? undefined : { samples: [], notes: [] },
    typeorm: scenario.sides.typeorm === undefined ? undefined : { samples: [], notes: [] },
  };
  for (let run = 0; run < scenario.runs; run++) {
    const order: Tool[] = run % 2 === 0 ? ["retort", "typeorm"] : ["typeorm", "retort"];
    for (const tool of order) {
      const side = scenario.sides[tool];
      const outcome = results[tool];
      if (side === undefined || outcome === undefined || outcome.failure !== undefined) continue;
      await side.before?.();
      const sample = await runChild(side.spec);
      const verdict = side.judge(sample);
      if (verdict.note !== undefined && !outcome.notes.includes(verdict.note)) outcome.notes.push(verdict.note);
      if (!verdict.ok) {
        outcome.failure = describeFailure(sample);
        log(`  ${scenario.key} ${tool} run ${run + 1}: FAILED ${outcome.failure}`);
        continue;
      }
      outcome.samples.push(sample);
      await side.after?.(sample);
      log(`  ${scenario.key} ${tool} run ${run + 1}: ${sample.wallMs.toFixed(0)} ms, ${(sample.rssKb / 1024).toFixed(0)} MB, ${sample.statements} statements`);
    }
  }
  return { scenario, results };
}
