import type { CliVerb } from "../verb";

/** `retort heads [--verbose] [--json]` */
export const headsVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "heads",
      "Show the head revisions (more than one means branches to merge)",
      (command) => command.option("json", { type: "boolean", default: false, describe: "Print the heads as JSON" }),
      (args) => {
        choose(async (options, context) => (await import("../../commands/heads")).heads({ ...options, json: args.json }, context));
      },
    ),
};
