import type { Reporter } from "../commands/reporter";
import type { SecretSet } from "../config/secrets";

/** Where the CLI writes. */
export interface OutputStreams {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** A Reporter on stdout/stderr that scrubs known secrets from every line. */
export function createTerminalReporter(streams: OutputStreams, secrets: SecretSet): Reporter {
  return {
    info: (line) => streams.stdout.write(`${secrets.redact(line)}\n`),
    warn: (line) => streams.stderr.write(`${secrets.redact(line)}\n`),
    json: (value) => streams.stdout.write(`${secrets.redact(JSON.stringify(value, null, 2))}\n`),
  };
}
