/**
 * Typed errors. Core code throws these; the CLI translates them once, at the boundary, into one
 * actionable line and an exit code (a stack only with `--verbose`).
 */

export type ErrorCode =
  | "config"
  | "load"
  | "connection"
  | "usage"
  | "revision"
  | "migration"
  | "lock"
  | "identifier"
  | "internal";

export class RetortError extends Error {
  /** Exit code the CLI uses: 2 for usage errors, 1 for everything else. */
  readonly exitCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; exitCode?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options?.exitCode ?? (code === "usage" ? 2 : 1);
  }
}

/** The project's configuration (DataSource module, options) is wrong. */
export class ConfigError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("config", message, options);
  }
}

/** A user file (DataSource, entity, migration) could not be loaded. */
export class LoadError extends RetortError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("load", message, options);
  }
}

/** The database could not be reached or refused us. */
export class ConnectionError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("connection", message, options);
  }
}

/** The command line was wrong. */
export class UsageError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("usage", message, options);
  }
}

/** The revision graph or a revision target is wrong. */
export class RevisionError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("revision", message, options);
  }
}

/** A migration failed while running. */
export class MigrationError extends RetortError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("migration", message, options);
  }
}

/** Returns the message of anything thrown, without its stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * An operation cannot be reversed (raw SQL without `reverseSql`). Thrown by `reverse`, so a
 * `down` that would need it fails before running anything.
 */
export class IrreversibleOperationError extends RetortError {
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super("migration", message);
  }
}

/**
 * An operation does not fit the model it is applied to: its table is missing, the column it
 * drops is not the one it carries, a foreign key points at a table that does not exist yet...
 * Applying the diff's own output never throws this; a wrong order or stale data does.
 */
export class InvalidOperationError extends RetortError {
  constructor(
    readonly operation: string,
    message: string,
  ) {
    super("migration", message);
  }
}
