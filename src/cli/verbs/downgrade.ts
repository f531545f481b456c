import type { CliVerb } from "../verb";
import { addRunOptions, toRunOptions } from "./run-options";

/** `retort downgrade <target> [--sql] [--transaction-mode each|all] [--lock-timeout SECONDS]` */
export const downgradeVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "downgrade <target>",
      "Undo migrations down to a target: -N, base, a revision id or prefix, <rev>-N",
      (command) =>
        addRunOptions(command.positional("target", { type: "string", describe: "Where to go", demandOption: true }))
          .example("$0 downgrade -1", "undo the last migration")
          .example("$0 downgrade base", "undo every migration")
          .example("$0 downgrade head:base --sql", "print the SQL from head down to base without connecting"),
      (args) => {
        choose(async (options, context) => (await import("../../commands/migrate")).downgrade({ ...options, ...toRunOptions(args) }, context));
      },
    ),
};
