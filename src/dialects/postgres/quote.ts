import { RetortError } from "../../util/errors";

function rejectNul(text: string, what: string): void {
  // PostgreSQL text can never contain NUL, so a NUL is a bug or an attack, never data.
  if (text.includes("\u0000")) {
    throw new RetortError("identifier", `A PostgreSQL ${what} cannot contain a NUL character.`);
  }
}

/**
 * Quotes a PostgreSQL identifier: always double-quoted (so case and reserved words survive),
 * embedded double quotes doubled. Throws a `RetortError` with code `identifier` on NUL.
 */
export function quoteIdent(name: string): string {
  rejectNul(name, "identifier");
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a PostgreSQL string literal with embedded single quotes doubled. Backslashes are kept
 * as they are: retort assumes `standard_conforming_strings = on` (the default since 9.1).
 * Throws a `RetortError` with code `identifier` on NUL.
 */
export function quoteLiteral(value: string): string {
  rejectNul(value, "string literal");
  return `'${value.replaceAll("'", "''")}'`;
}
