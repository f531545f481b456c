/**
 * How commands talk to the user. The CLI implements it on stdout/stderr (scrubbing secrets);
 * tests collect the lines. Commands never touch `process`.
 */
export interface Reporter {
  /** A line of normal output (stdout). */
  info(line: string): void;
  /** A warning line (stderr). */
  warn(line: string): void;
  /** A machine-readable result, printed as JSON (stdout). */
  json(value: unknown): void;
}

/** A Reporter that records everything, for tests and for callers that post-process output. */
export function createRecordingReporter(): Reporter & {
  readonly lines: string[];
  readonly warnings: string[];
  readonly values: unknown[];
} {
  const lines: string[] = [];
  const warnings: string[] = [];
  const values: unknown[] = [];
  return {
    lines,
    warnings,
    values,
    info: (line) => lines.push(line),
    warn: (line) => warnings.push(line),
    json: (value) => values.push(value),
  };
}
