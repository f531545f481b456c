import type { CliVerb } from "../verb";
import { addRunOptions, toRunOptions } from "./run-options";

/** `retort upgrade <target> [--sql] [--transaction-mode each|all] [--lock-timeout SECONDS]` */
export const upgradeVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "upgrade <target>",
      "Apply migrations up to a target: head, heads, +N, a revision id or prefix, <rev>+N",
      (command) =>
        addRunOptions(command.positional("target", { type: "string", describe: "Where to go", demandOption: true }))
          .example("$0 upgrade head", "apply every pending migration")
          .example("$0 upgrade +1", "apply the next one")
          .example("$0 upgrade head --sql", "print the SQL from base to head without connecting")
          .example("$0 upgrade ae10:head --sql", "print the SQL from revision ae10 to head"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/migrate")).upgrade({ ...options, ...toRunOptions(args) }, context));
      },
    ),
};
