import type { CliVerb } from "../verb";

/** `retort branches [--verbose]` */
export const branchesVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "branches",
      "Show the branch points and the revisions they branch into",
      (command) => command.example("$0 branches --verbose", "with full entries and messages"),
      () => {
        choose(async (options, context) => (await import("../../commands/branches")).branches(options, context));
      },
    ),
};
