import type { CliVerb } from "../verb";

/** `retort init` */
export const initVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "init",
      "Prepare this project: ormconfig.ts template, migrations folder, db:* npm scripts (never overwrites)",
      (command) => command.example("$0 init", "add whatever of the three is missing"),
      () => {
        choose(async (options, context) => (await import("../../commands/init")).init(options, context));
      },
    ),
};
