import type { Argv } from "yargs";
import type { CommandContext } from "../commands/context";
import type { RetortOptions } from "../config/options";
import type { GlobalArgs } from "./global-options";

/** What a verb's yargs handler hands back: the command to run once options are resolved. */
export type VerbRun = (options: RetortOptions, context: CommandContext) => Promise<void>;

/**
 * One verb of the CLI, in its own module: it adds its command (options, help) to the parser and,
 * when chosen, passes `choose` the function that runs it. main.ts lists the verbs explicitly.
 * A verb loads its command module only when it runs (`await import(...)`), so that `--help`
 * and the commands that need no database never load TypeORM and the drivers.
 */
export interface CliVerb {
  register(cli: Argv<GlobalArgs>, choose: (run: VerbRun) => void): Argv<GlobalArgs>;
}
