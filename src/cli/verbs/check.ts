import type { CliVerb } from "../verb";

/** `retort check [--json] [--strict]` */
export const checkVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "check",
      "Exit 1 when the entities and the database (at head) differ, listing the pending operations",
      (command) =>
        command
          .option("json", { type: "boolean", default: false, describe: "Print status, operations and hazards as JSON" })
          .option("strict", { type: "boolean", default: false, describe: "Exit 3 when a pending operation would lose data" })
          .example("$0 check", "in CI: fails when a migration is missing"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/check")).check({ ...options, json: args.json, strict: args.strict }, context));
      },
    ),
};
