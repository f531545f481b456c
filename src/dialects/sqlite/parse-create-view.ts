import { TokenCursor } from "./token-cursor";
import { isPunct, tokenize } from "./tokenize";

export interface ParsedView {
  readonly schema?: string;
  readonly name: string;
  /** The `SELECT` after `AS`, as written. */
  readonly definition: string;
}

/**
 * Parses `CREATE [TEMP] VIEW [IF NOT EXISTS] name [(columns)] AS select`
 * (https://www.sqlite.org/lang_createview.html); the definition is everything after `AS`.
 */
export function parseCreateView(sql: string): ParsedView {
  const cursor = new TokenCursor(sql, tokenize(sql));
  cursor.expectWords("CREATE");
  if (!cursor.acceptWords("TEMP")) cursor.acceptWords("TEMPORARY");
  cursor.expectWords("VIEW");
  cursor.acceptWords("IF", "NOT", "EXISTS");
  const { schema, name } = cursor.readQualifiedName();
  if (isPunct(cursor.peek(), "(")) cursor.readParenthesized();
  cursor.expectWords("AS");
  const first = cursor.peek();
  if (first === undefined) return cursor.fail("expected the view's query");
  return { ...(schema === undefined ? {} : { schema }), name, definition: sql.slice(first.start).trim() };
}
