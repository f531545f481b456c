import type { CliVerb } from "../verb";

/** `retort history [-r RANGE] [--verbose] [--indicate-current] [--json]` */
export const historyVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "history",
      "List the revisions, newest first: <down> -> <id> (head), <message>",
      (command) =>
        command
          .option("rev-range", {
            alias: "r",
            type: "string",
            requiresArg: true,
            describe: "Only revisions in <lower>:<upper> (either side may be empty, e.g. base:head, ae10:, -3:current)",
          })
          .option("indicate-current", { type: "boolean", default: false, describe: "Mark the database's revisions (current); connects" })
          .option("json", { type: "boolean", default: false, describe: "Print the revisions as JSON" })
          .example("$0 history", "the whole history")
          .example("$0 history -r ae10:head --verbose", "full entries from ae10 up"),
      (args) => {
        choose(async (options, context) =>
          (await import("../../commands/history")).history(
            {
              ...options,
              ...(args.revRange === undefined ? {} : { range: args.revRange }),
              indicateCurrent: args.indicateCurrent,
              json: args.json,
            },
            context,
          ),
        );
      },
    ),
};
