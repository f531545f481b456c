/**
 * The shape of a migration file once loaded, and the check that a loaded module has it.
 * Migration files import these types with `import type`, which transpiling erases, so loading
 * a migration never requires this package at run time.
 */
import { LoadError } from "../util/errors";
import type { OpApi } from "./op-api";

/** The steps of a migration: `up` applies it, `down` undoes it. */
export interface Migration {
  up(op: OpApi): Promise<void> | void;
  down(op: OpApi): Promise<void> | void;
}

/** What a migration file exports: its header (also read statically by `scripts/`) and its steps. */
export interface MigrationModule extends Migration {
  readonly revision: string;
  /** `null` for a first migration, an id, or several ids for a merge. */
  readonly downRevision?: string | readonly string[] | null;
  readonly message?: string;
  readonly createdAt?: string;
  readonly branchLabels?: string | readonly string[];
}

/**
 * Checks that a loaded module exports `up` and `down` functions and a `revision` string, and
 * returns it typed. Everything missing is named in one message.
 * @param file the migration's path, for the message.
 * @throws LoadError such as "migrations/x.ts: no `down` function exported".
 */
export function validateMigrationModule(exports: unknown, file: string): MigrationModule {
  if (typeof exports !== "object" || exports === null) {
    throw new LoadError(file, `${file}: does not export anything (expected \`revision\`, \`up\` and \`down\`)`);
  }
  const module = exports as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof module.revision !== "string" || module.revision.length === 0) {
    problems.push(
      module.revision === undefined ? "no `revision` string exported" : "`revision` must be a non-empty string",
    );
  }
  for (const step of ["up", "down"] as const) {
    if (module[step] === undefined) problems.push(`no \`${step}\` function exported`);
    else if (typeof module[step] !== "function") problems.push(`\`${step}\` must be a function, not ${typeof module[step]}`);
  }
  if (problems.length > 0) throw new LoadError(file, `${file}: ${problems.join("; ")}`);
  return module as unknown as MigrationModule;
}
