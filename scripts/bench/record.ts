/**
 * The raw results as JSON (`<work-dir>/results.json`), so that a partial run (`--n 2000
 * --dialect sqlite`) can be merged into an earlier one with `--merge` and the report rendered
 * from all of it: scenarios measured again replace their earlier results, in place.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ProfileResult } from "./context";
import type { ScenarioOutcome, Tool } from "./interleave";
import type { BenchDialect } from "./options";

/** What the report needs to know about a scenario. */
export interface ScenarioInfo {
  readonly key: string;
  readonly title: string;
  readonly dialect: BenchDialect;
  readonly size?: number;
  readonly runs: number;
}

export interface RecordedSample {
  readonly wallMs: number;
  readonly rssKb: number;
  readonly cpuMs: number;
  readonly statements: number;
  readonly exitCode: number;
}

export interface RecordedTool {
  readonly samples: readonly RecordedSample[];
  readonly notes: readonly string[];
  readonly failure?: string;
}

export interface RecordedOutcome {
  readonly scenario: ScenarioInfo;
  readonly results: Readonly<Record<Tool, RecordedTool | undefined>>;
}

/** One `npm run bench` that measured something. */
export interface Invocation {
  readonly argv: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
}

export interface RecordFile {
  readonly outcomes: readonly RecordedOutcome[];
  readonly profiles: readonly ProfileResult[];
  readonly invocations?: readonly Invocation[];
  /** The machine description of the last invocation that measured something. */
  readonly machine?: readonly string[];
}

/** An outcome without the children's output and the scenario's functions. */
export function toRecord(outcome: ScenarioOutcome): RecordedOutcome {
  const { key, title, dialect, size, runs } = outcome.scenario;
  const tool = (result: ScenarioOutcome["results"]["retort"]): RecordedTool | undefined =>
    result === undefined
      ? undefined
      : {
          samples: result.samples.map(({ wallMs, rssKb, cpuMs, statements, exitCode }) => ({ wallMs, rssKb, cpuMs, statements, exitCode })),
          notes: [...result.notes],
          ...(result.failure === undefined ? {} : { failure: result.failure }),
        };
  return {
    scenario: { key, title, dialect, ...(size === undefined ? {} : { size }), runs },
    results: { retort: tool(outcome.results.retort), typeorm: tool(outcome.results.typeorm) },
  };
}

export function readRecordFile(file: string): RecordFile {
  if (!existsSync(file)) return { outcomes: [], profiles: [], invocations: [] };
  return JSON.parse(readFileSync(file, "utf8")) as RecordFile;
}

export function writeRecordFile(file: string, record: RecordFile): void {
  writeFileSync(file, `${JSON.stringify(record, null, 1)}\n`);
}

/** `earlier` with every item whose key `later` has replaced by the later one; new keys appended. */
export function mergeByKey<T>(earlier: readonly T[], later: readonly T[], keyOf: (item: T) => string): T[] {
  const replacements = new Map(later.map((item) => [keyOf(item), item]));
  const merged = earlier.map((item) => replacements.get(keyOf(item)) ?? item);
  const present = new Set(earlier.map(keyOf));
  return [...merged, ...later.filter((item) => !present.has(keyOf(item)))];
}
