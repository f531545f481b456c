import type { CliVerb } from "../verb";

/** `retort merge -m MSG [revs...] [--rev-id ID]` */
export const mergeVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "merge [revisions..]",
      "Write a merge revision joining branches (all heads by default)",
      (command) =>
        command
          .positional("revisions", { type: "string", array: true, describe: "Revisions to merge", defaultDescription: "heads" })
          .option("message", { alias: "m", type: "string", demandOption: true, requiresArg: true, describe: "What the merge is for" })
          .option("rev-id", { type: "string", requiresArg: true, describe: "Use this revision id instead of a random one" })
          .example("$0 merge -m 'merge feature branches'", "merge every head"),
      (args) => {
        choose(async (options, context) =>
          (await import("../../commands/merge")).merge(
            {
              ...options,
              message: args.message,
              revisions: (args.revisions ?? []).map(String),
              ...(args.revId === undefined ? {} : { revId: args.revId }),
            },
            context,
          ),
        );
      },
    ),
};
