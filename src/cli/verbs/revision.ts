import type { CliVerb } from "../verb";

/** `retort revision -m MSG [--autogenerate [--strict]] [--rev-id ID] [--head REV] [--splice] [--rename a->b ...]` */
export const revisionVerb: CliVerb = {
  register: (cli, choose) =>
    cli.command(
      "revision",
      "Write a new migration; with --autogenerate, the changes from the database (at head) to the entities",
      (command) =>
        command
          .option("message", { alias: "m", type: "string", demandOption: true, requiresArg: true, describe: "What the migration does" })
          .option("autogenerate", {
            type: "boolean",
            default: false,
            describe: "Compare the entities with the database and write the operations (writes nothing when they agree)",
          })
          .option("rev-id", { type: "string", requiresArg: true, describe: "Use this revision id instead of a random one" })
          .option("head", {
            type: "string",
            requiresArg: true,
            describe: "The revision the new one follows (base for a new root)",
            defaultDescription: "the single head",
          })
          .option("splice", { type: "boolean", default: false, describe: "Allow --head to be a revision that is not a head (starts a branch)" })
          .option("strict", {
            type: "boolean",
            default: false,
            describe: "With --autogenerate: write nothing and exit 3 when an operation would lose data",
          })
          .option("rename", {
            type: "string",
            array: true,
            requiresArg: true,
            describe: "With --autogenerate: a rename instead of drop + add, e.g. users.name->users.full_name; repeatable",
          })
          .option("max-operations", {
            type: "number",
            requiresArg: true,
            describe: "With --autogenerate: write a larger change as several revisions of at most this many operations, each its own transaction",
            defaultDescription: "500 on PostgreSQL, no limit on SQLite",
          })
          .example("$0 revision -m 'backfill emails'", "an empty migration to fill in by hand")
          .example("$0 revision --autogenerate -m 'add users.email'", "write what the entities changed")
          .example("$0 revision --autogenerate --strict -m 'tidy'", "refuse when the change would lose data"),
      (args) => {
        choose(async (options, context) =>
          (await import("../../commands/revision")).revision(
            {
              ...options,
              message: args.message,
              autogenerate: args.autogenerate,
              ...(args.revId === undefined ? {} : { revId: args.revId }),
              ...(args.head === undefined ? {} : { head: args.head }),
              splice: args.splice,
              renames: args.rename ?? [],
              strict: args.strict,
              ...(args.maxOperations === undefined ? {} : { maxOperations: args.maxOperations }),
            },
            context,
          ),
        );
      },
    ),
};
