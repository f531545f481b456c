import type { CliVerb } from "../verb";

/** `retort show <rev> [--json]` */
export const showVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "show <rev>",
      "Show a revision: parents, children, path, message and date",
      (command) =>
        command
          .positional("rev", { type: "string", demandOption: true, describe: "A revision id, prefix, branch label, head or heads" })
          .option("json", { type: "boolean", default: false, describe: "Print the revision as JSON" })
          .example("$0 show head", "the latest revision"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/show")).show({ ...options, revision: String(args.rev), json: args.json }, context));
      },
    ),
};
