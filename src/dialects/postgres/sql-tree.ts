/**
 * A small, lenient PostgreSQL expression lexer that groups parentheses and brackets into a tree.
 * It exists only to normalise expressions (defaults, checks, index predicates, view queries)
 * so that TypeORM's spelling and the catalog's deparsed spelling compare equal; it never
 * rejects input (an unterminated literal runs to the end, a stray `)` is an operator).
 */

/** One lexical item; parenthesised and bracketed runs are nested as `group`. */
export type SqlNode =
  /** A string literal exactly as written, quotes and any `E`/`B`/`X`/`U&` prefix included. */
  | { readonly kind: "string"; readonly text: string }
  /** A double-quoted identifier, unescaped. */
  | { readonly kind: "ident"; readonly name: string }
  /** A bare word (keyword or identifier) as written. */
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "number"; readonly text: string }
  /** Operators and punctuation: `=`, `&&`, `::`, `.`, `,`, `;`. */
  | { readonly kind: "op"; readonly text: string }
  | { readonly kind: "group"; readonly open: "(" | "["; readonly items: readonly SqlNode[] };

type LeafNode = Exclude<SqlNode, { kind: "group" }>;
type FlatToken = LeafNode | { readonly kind: "open" | "close"; readonly text: string };

const operatorChars = "+-*/<>=~!@#%^&|`?";
const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;

function readQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const ch = sql[i];
    if (backslashEscapes && ch === "\\") {
      i += 2;
      continue;
    }
    if (ch === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i += 1;
  }
  return sql.length;
}

function readNumber(sql: string, start: number): number {
  const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(start));
  return start + (match === null ? 1 : match[0].length);
}

/** Splits SQL text into flat tokens, dropping whitespace and comments. */
function lex(sql: string): FlatToken[] {
  const tokens: FlatToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i];
    const next = sql[i + 1] ?? "";
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === "/" && next === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "'") {
      const end = readQuoted(sql, i, "'", false);
      tokens.push({ kind: "string", text: sql.slice(i, end) });
      i = end;
    } else if (ch === '"') {
      const end = readQuoted(sql, i, '"', false);
      tokens.push({ kind: "ident", name: sql.slice(i + 1, Math.max(i + 1, end - 1)).replaceAll('""', '"') });
      i = end;
    } else if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(next))) {
      const end = readNumber(sql, i);
      tokens.push({ kind: "number", text: sql.slice(i, end) });
      i = end;
    } else if (wordStart.test(ch)) {
      let end = i + 1;
      while (end < sql.length && wordPart.test(sql[end])) end += 1;
      const word = sql.slice(i, end);
      const prefix = word.toUpperCase();
      if (sql[end] === "'" && ["E", "B", "X", "N"].includes(prefix)) {
        const close = readQuoted(sql, end, "'", prefix === "E");
        tokens.push({ kind: "string", text: `${prefix}${sql.slice(end, close)}` });
        i = close;
      } else {
        tokens.push({ kind: "word", text: word });
        i = end;
      }
    } else if (ch === "(" || ch === "[") {
      tokens.push({ kind: "open", text: ch });
      i += 1;
    } else if (ch === ")" || ch === "]") {
      tokens.push({ kind: "close", text: ch });
      i += 1;
    } else if (ch === ":" && next === ":") {
      tokens.push({ kind: "op", text: "::" });
      i += 2;
    } else if (operatorChars.includes(ch)) {
      let end = i + 1;
      while (end < sql.length && operatorChars.includes(sql[end])) end += 1;
      tokens.push({ kind: "op", text: sql.slice(i, end) });
      i = end;
    } else {
      tokens.push({ kind: "op", text: ch });
      i += 1;
    }
  }
  return tokens;
}

/** Parses SQL text into a tree of nodes: `(`/`[` runs become groups. */
export function parseSqlTree(sql: string): SqlNode[] {
  const root: SqlNode[] = [];
  const stack: { open: "(" | "["; items: SqlNode[] }[] = [];
  const current = (): SqlNode[] => (stack.length === 0 ? root : stack[stack.length - 1].items);
  for (const token of lex(sql)) {
    if (token.kind === "open") {
      stack.push({ open: token.text === "[" ? "[" : "(", items: [] });
    } else if (token.kind === "close") {
      const expected = token.text === "]" ? "[" : "(";
      const top = stack[stack.length - 1];
      if (top !== undefined && top.open === expected) {
        stack.pop();
        current().push({ kind: "group", open: top.open, items: top.items });
      } else {
        current().push({ kind: "op", text: token.text });
      }
    } else {
      current().push(token as LeafNode);
    }
  }
  // Close whatever was left open, innermost first, so the text is never lost.
  while (stack.length > 0) {
    const top = stack.pop()!;
    current().push({ kind: "group", open: top.open, items: top.items });
  }
  return root;
}

/** True for a node that is the word `word` in any case. */
export function isWord(node: SqlNode | undefined, ...words: string[]): boolean {
  return node !== undefined && node.kind === "word" && words.includes(node.text.toUpperCase());
}

/** True for an operator node with one of the given texts. */
export function isOp(node: SqlNode | undefined, ...texts: string[]): boolean {
  return node !== undefined && node.kind === "op" && texts.includes(node.text);
}

/** True for a parenthesised (not bracketed) group. */
export function isParenGroup(node: SqlNode | undefined): node is Extract<SqlNode, { kind: "group" }> {
  return node !== undefined && node.kind === "group" && node.open === "(";
}
