import type { Argv } from "yargs";
import type { TransactionMode } from "../../runtime/runner";
import { UsageError } from "../../util/errors";

/** How long a run waits for another run's lock unless told otherwise. */
export const DEFAULT_LOCK_TIMEOUT_SECONDS = 60;

/** The options `upgrade` and `downgrade` share. */
export interface RunArgs {
  target: string;
  sql: boolean;
  transactionMode: string;
  lockTimeout: number;
}

/** Adds `--sql`, `--transaction-mode` and `--lock-timeout`. */
export function addRunOptions<T>(command: Argv<T>): Argv<T & RunArgs> {
  return command
    .option("sql", { type: "boolean", default: false, describe: "Print the SQL instead of running it (no connection); accepts from:to" })
    .option("transaction-mode", {
      type: "string",
      choices: ["each", "all"],
      default: "each",
      describe: "A transaction per migration, or one for the whole run",
    })
    .option("lock-timeout", {
      type: "number",
      default: DEFAULT_LOCK_TIMEOUT_SECONDS,
      requiresArg: true,
      describe: "Seconds to wait for another run to finish",
    }) as unknown as Argv<T & RunArgs>;
}

/** The shared options as the commands take them. */
export function toRunOptions(args: RunArgs): {
  target: string;
  sql: boolean;
  transactionMode: TransactionMode;
  lockTimeoutSeconds: number;
} {
  if (!Number.isFinite(args.lockTimeout) || args.lockTimeout < 0) {
    throw new UsageError(`--lock-timeout must be a number of seconds, not ${String(args.lockTimeout)}`);
  }
  return {
    target: String(args.target),
    sql: args.sql,
    transactionMode: args.transactionMode === "all" ? "all" : "each",
    lockTimeoutSeconds: args.lockTimeout,
  };
}
