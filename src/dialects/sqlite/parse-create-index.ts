import { TokenCursor } from "./token-cursor";
import { isWord, splitTopLevel, tokenize, type Token } from "./tokenize";

/** One item of an index's column list: a column name, or an expression as written. */
export type ParsedIndexItem = { readonly column: string } | { readonly expression: string };

export interface ParsedIndex {
  readonly schema?: string;
  readonly name: string;
  readonly unique: boolean;
  readonly table: string;
  readonly items: readonly ParsedIndexItem[];
  /** The partial-index predicate as written. */
  readonly where?: string;
}

/**
 * Parses a `CREATE [UNIQUE] INDEX` statement (https://www.sqlite.org/lang_createindex.html):
 * its column items (a column name, or an expression) and its `WHERE` predicate.
 */
export function parseCreateIndex(sql: string): ParsedIndex {
  const tokens = tokenize(sql);
  const cursor = new TokenCursor(sql, tokens);
  cursor.expectWords("CREATE");
  const unique = cursor.acceptWords("UNIQUE");
  cursor.expectWords("INDEX");
  cursor.acceptWords("IF", "NOT", "EXISTS");
  const { schema, name } = cursor.readQualifiedName();
  cursor.expectWords("ON");
  const table = cursor.readName();
  const list = cursor.readParenthesized();
  const items = splitTopLevel(list.tokens).map((item) => readIndexItem(sql, item));
  let where: string | undefined;
  if (cursor.acceptWords("WHERE")) {
    const start = cursor.index;
    while (!cursor.done && !(cursor.peek()?.text === ";")) cursor.next();
    where = cursor.textSince(start);
  }
  return {
    ...(schema === undefined ? {} : { schema }),
    name,
    unique,
    table,
    items,
    ...(where === undefined ? {} : { where }),
  };
}

/** `"a" COLLATE x DESC` is the column `a`; anything else is an expression (minus ASC/DESC). */
function readIndexItem(source: string, item: readonly Token[]): ParsedIndexItem {
  let end = item.length;
  const last = item[end - 1];
  if (isWord(last, "ASC") || isWord(last, "DESC")) end--;
  if (end >= 2 && isWord(item[end - 2], "COLLATE")) end -= 2;
  const first = item[0] as Token;
  if (end === 1 && (first.kind === "quoted" || first.kind === "word" || first.kind === "string")) {
    return { column: first.kind === "word" ? first.text : first.value };
  }
  const lastKept = item[end - 1] as Token;
  return { expression: source.slice(first.start, lastKept.end) };
}
