/**
 * The one place where errors become output and an exit code. A RetortError is its message on one
 * line (exit code from the error: 1 for failures, 2 for usage); anything else is an internal
 * error. Stacks only with `--verbose`. Every line goes through the secrets' scrubber, so no
 * password is printed, whatever a driver put in its messages.
 */
import type { SecretSet } from "../config/secrets";
import { RetortError, messageOf } from "../util/errors";

/** What to print (to stderr) and how to exit. */
export interface Failure {
  readonly lines: string[];
  readonly exitCode: number;
}

/** Collapses a message onto one line. */
export function toOneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, " ").trim();
}

function stackLines(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const text = current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current);
    lines.push(...(depth === 0 ? [] : ["caused by:"]), ...text.split("\n"));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}

/** Formats a failure for the terminal. */
export function formatFailure(error: unknown, options: { readonly verbose: boolean; readonly secrets: SecretSet }): Failure {
  const known = error instanceof RetortError;
  const headline = known ? toOneLine(error.message) : `retort: internal error: ${toOneLine(messageOf(error))}`;
  const lines = [headline, ...(options.verbose ? stackLines(error) : [])];
  return {
    lines: lines.map((line) => options.secrets.redact(line)),
    exitCode: known ? error.exitCode : 1,
  };
}
