/**
 * How `revision --autogenerate` and `check` describe a list of operations: one line per
 * operation, then a hazard summary ("2 hazards: 1 data loss, 1 may fail") and one line per
 * hazard, data loss first, so that a reviewer sees what matters before opening the file.
 */
import type { DialectCapabilities } from "../dialects/dialect";
import { describeOperation } from "../ops/describe";
import { hazardsOf } from "../ops/hazards";
import type { Hazard, HazardLevel } from "../ops/hazards";
import type { Operation } from "../ops/types";

/** One operation as `--json` reports it. */
export interface OperationSummary {
  readonly kind: Operation["kind"];
  readonly description: string;
  readonly hazards: readonly Hazard[];
}

/** How many hazards of each level a list of operations has. */
export type HazardCounts = Readonly<Record<HazardLevel, number>>;

const LEVELS: readonly HazardLevel[] = ["data-loss", "may-fail", "heavy"];

const LABELS: Readonly<Record<HazardLevel, string>> = {
  "data-loss": "data loss",
  "may-fail": "may fail",
  heavy: "heavy",
};

/**
 * Describes every operation with its hazards, in order. With the dialect's capabilities,
 * `heavy` hazards (locks, table rebuilds) are included, as in the rendered file's comments.
 */
export function summarizeOperations(ops: readonly Operation[], capabilities?: DialectCapabilities): OperationSummary[] {
  return hazardsOf(ops, capabilities).map(({ op, hazards }) => ({
    kind: op.kind,
    description: describeOperation(op),
    hazards,
  }));
}

/** Hazards per level over all operations. */
export function countHazards(summaries: readonly OperationSummary[]): HazardCounts {
  const counts: Record<HazardLevel, number> = { "data-loss": 0, "may-fail": 0, heavy: 0 };
  for (const summary of summaries) for (const hazard of summary.hazards) counts[hazard.level]++;
  return counts;
}

/**
 * The lines printed for a list of operations:
 * ```
 *   - add column users.email
 *   - drop column users.legacy
 * 2 hazards: 1 data loss, 1 may fail
 *   data loss: drops column users.legacy and its values
 *   may fail: NOT NULL column users.email without a default fails on a non-empty table
 * ```
 * The hazard block is left out when there is no hazard.
 */
export function formatChangeSummary(summaries: readonly OperationSummary[]): string[] {
  const lines = summaries.map((summary) => `  - ${summary.description}`);
  const counts = countHazards(summaries);
  const total = LEVELS.reduce((sum, level) => sum + counts[level], 0);
  if (total === 0) return lines;
  const parts = LEVELS.filter((level) => counts[level] > 0).map((level) => `${counts[level]} ${LABELS[level]}`);
  lines.push(`${total} hazard${total === 1 ? "" : "s"}: ${parts.join(", ")}`);
  for (const level of LEVELS) {
    for (const summary of summaries) {
      for (const hazard of summary.hazards) if (hazard.level === level) lines.push(`  ${LABELS[level]}: ${hazard.reason}`);
    }
  }
  return lines;
}
