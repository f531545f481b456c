import type { CliVerb } from "../verb";

/** `retort inspect [--entities] [--json]` */
export const inspectVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "inspect",
      "Show the live database schema (or with --entities the schema the entities describe)",
      (command) =>
        command
          .option("entities", {
            type: "boolean",
            default: false,
            describe: "Read the entities instead of the database (no connection needed)",
          })
          .option("json", { type: "boolean", default: false, describe: "Print the schema model as JSON" })
          .example("$0 inspect", "the live schema as text")
          .example("$0 inspect --entities --json", "the entities' schema model as JSON"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/inspect")).inspect({ ...options, entities: args.entities, json: args.json }, context));
      },
    ),
};
