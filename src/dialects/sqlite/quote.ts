import { RetortError } from "../../util/errors";

function rejectNul(value: string, what: string): void {
  // SQLite stops reading SQL text at a NUL byte, so a name or literal holding one cannot be written.
  if (value.includes("\0"))
    throw new RetortError("identifier", `SQLite ${what} contains a NUL character: ${JSON.stringify(value)}`);
}

/** Quotes an identifier for SQLite: `"a""b"`. Rejects NUL characters. */
export function quoteIdent(name: string): string {
  rejectNul(name, "identifier");
  return `"${name.replace(/"/g, '""')}"`;
}

/** Quotes a string literal for SQLite: `'it''s'`. Rejects NUL characters. */
export function quoteLiteral(value: string): string {
  rejectNul(value, "string literal");
  return `'${value.replace(/'/g, "''")}'`;
}
