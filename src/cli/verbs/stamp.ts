import type { CliVerb } from "../verb";
import { DEFAULT_LOCK_TIMEOUT_SECONDS } from "./run-options";

/** `retort stamp <target> [--purge] [--sql]` */
export const stampVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "stamp <target>",
      "Set the version table to a revision without running migrations",
      (command) =>
        command
          .positional("target", { type: "string", demandOption: true, describe: "head, base, a revision id or prefix" })
          .option("purge", { type: "boolean", default: false, describe: "Empty the version table first (also clears unknown revisions)" })
          .option("sql", { type: "boolean", default: false, describe: "Print the SQL instead of running it (no connection); accepts from:to" })
          .option("lock-timeout", {
            type: "number",
            default: DEFAULT_LOCK_TIMEOUT_SECONDS,
            requiresArg: true,
            describe: "Seconds to wait for a running upgrade to finish",
          })
          .example("$0 stamp head", "adopt retort on a database whose schema already matches head")
          .example("$0 stamp --purge base", "empty the version table"),
      (args) => {
        choose(async (options, context) =>
          (await import("../../commands/stamp")).stamp(
            { ...options, target: String(args.target), purge: args.purge, sql: args.sql, lockTimeoutSeconds: args.lockTimeout },
            context,
          ),
        );
      },
    ),
};
