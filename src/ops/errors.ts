import { RetortError } from "../util/errors";

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
