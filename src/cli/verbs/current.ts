import type { CliVerb } from "../verb";

/** `retort current [--verbose] [--json]` */
export const currentVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "current",
      "Show the revision(s) the database is at, marked (head) when up to date",
      (command) =>
        command
          .option("json", { type: "boolean", default: false, describe: "Print the rows, the heads and atHead as JSON" })
          .example("$0 current", "e.g. 1a2b3c4d5e6f (head)")
          .example("$0 current --verbose", "with message, path and date"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/current")).current({ ...options, json: args.json }, context));
      },
    ),
};
