/**
 * The options every verb accepts, before or after the verb: `-d`, `-n`, `--dir`,
 * `--version-table`, `--exclude-table`, `--verbose`.
 */
import type { Argv } from "yargs";
import type { GlobalFlags } from "../config/options";

/** The global options as yargs parses them. */
export interface GlobalArgs {
  datasource?: string;
  name?: string;
  dir?: string;
  versionTable?: string;
  excludeTable?: string | string[];
  verbose?: boolean;
}

/** Adds the global options to the parser. */
export function addGlobalOptions(cli: Argv): Argv<GlobalArgs> {
  return cli
    .option("datasource", {
      alias: "d",
      type: "string",
      requiresArg: true,
      describe: "Module exporting the TypeORM DataSource (.ts or .js)",
      defaultDescription: "./ormconfig.ts",
    })
    .option("name", {
      alias: "n",
      type: "string",
      requiresArg: true,
      describe: "Use this named export of the DataSource module, with migrations in migrations/<name>",
    })
    .option("dir", {
      type: "string",
      requiresArg: true,
      describe: "Migrations folder",
      defaultDescription: "./migrations",
    })
    .option("version-table", {
      type: "string",
      requiresArg: true,
      describe: "Table recording the applied revisions",
      defaultDescription: "retort_version",
    })
    .option("exclude-table", {
      type: "string",
      requiresArg: true,
      describe: "Leave this table (or * pattern) out; repeatable",
    })
    .option("verbose", { type: "boolean", describe: "Print stacks with errors" }) as unknown as Argv<GlobalArgs>;
}

/** The parsed global options as `GlobalFlags`, dropping what was not given. */
export function toGlobalFlags(args: GlobalArgs): GlobalFlags {
  const exclude = args.excludeTable === undefined ? undefined : ([] as string[]).concat(args.excludeTable);
  return {
    ...(args.datasource === undefined ? {} : { datasource: args.datasource }),
    ...(args.name === undefined ? {} : { name: args.name }),
    ...(args.dir === undefined ? {} : { dir: args.dir }),
    ...(args.versionTable === undefined ? {} : { versionTable: args.versionTable }),
    ...(exclude === undefined ? {} : { excludeTable: exclude }),
    ...(args.verbose === undefined ? {} : { verbose: args.verbose }),
  };
}
