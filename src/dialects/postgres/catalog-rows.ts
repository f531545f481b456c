import { RetortError } from "../../util/errors";
import type { Row } from "../dialect";

/** Every row introspection read, one list per catalog query (see catalog-queries.ts). */
export interface CatalogRows {
  /** One row: `current_schema`, `metadata_schema`, `metadata_table`. */
  readonly context: readonly Row[];
  readonly tables: readonly Row[];
  readonly columns: readonly Row[];
  readonly constraints: readonly Row[];
  readonly indexes: readonly Row[];
  readonly enums: readonly Row[];
  readonly views: readonly Row[];
  /** Rows of `typeorm_metadata` (`type`, `schema`, `table`, `name`, `value`); empty when it does not exist. */
  readonly metadata: readonly Row[];
}

function fail(row: Row, field: string, expected: string): never {
  throw new RetortError("internal", `Catalog row field "${field}" is not ${expected}: ${JSON.stringify(row)}`);
}

/** A required text field. */
export function readText(row: Row, field: string): string {
  const value = row[field];
  if (typeof value !== "string") fail(row, field, "text");
  return value;
}

/** A text field that may be NULL (read as undefined). Empty strings stay empty. */
export function readOptionalText(row: Row, field: string): string | undefined {
  const value = row[field];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "string") fail(row, field, "text or NULL");
  return value;
}

/** A boolean field; accepts PostgreSQL's text spellings `t`/`f` from drivers that do not parse them. */
export function readBoolean(row: Row, field: string): boolean {
  const value = row[field];
  if (typeof value === "boolean") return value;
  if (value === "t" || value === "true") return true;
  if (value === "f" || value === "false") return false;
  return fail(row, field, "a boolean");
}

/** A JSON array of strings, already parsed by the driver or still as JSON text. */
export function readTextArray(row: Row, field: string): string[] {
  let value = row[field];
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      fail(row, field, "a JSON array");
    }
  }
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === "string")) {
    return fail(row, field, "an array of text");
  }
  return value;
}
