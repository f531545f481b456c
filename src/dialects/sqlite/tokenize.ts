import { RetortError } from "../../util/errors";

/** The lexical classes the SQLite parsers and normalisers need to tell apart. */
export type TokenKind =
  /** A bare word: keyword or unquoted identifier (`CREATE`, `users`, `datetime`). */
  | "word"
  /** A quoted identifier: `"a b"`, `` `a` `` or `[a]`. */
  | "quoted"
  /** A string literal `'it''s'`. */
  | "string"
  /** A blob literal `x'00ff'`. */
  | "blob"
  | "number"
  /** A bound parameter: `?`, `?1`, `:name`, `@name`, `$name`. */
  | "variable"
  /** `(`, `)`, `,`, `;`, `.` */
  | "punct"
  /** Any other operator (`=`, `<>`, `||`, `->>`, ...). */
  | "operator";

export interface Token {
  readonly kind: TokenKind;
  /** The token exactly as written. */
  readonly text: string;
  /** For `quoted` and `string`: the content with its quotes removed and doubled quotes undone. */
  readonly value: string;
  /** Offsets into the source: `source.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
}

// Character classes by code unit: the tokenizer reads every CREATE TABLE of a schema, so it
// avoids a regular expression per character.
function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code >= 0x80;
}

function isWordPart(code: number): boolean {
  return isWordStart(code) || (code >= 48 && code <= 57) || code === 36;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Whitespace as `/\s/` sees it. */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code >= 0x80 && /\s/.test(String.fromCharCode(code)));
}

const numberPattern = /0x[0-9a-f]+|(\d[\d_]*)?(\.\d*)?(e[+-]?\d+)?/iy;
const operators = ["->>", "->", "||", "<=", ">=", "<>", "!=", "==", "<<", ">>"];

function fail(source: string, at: number, what: string): never {
  throw new RetortError("internal", `Cannot read SQLite SQL: ${what} at offset ${at} in ${JSON.stringify(source)}`);
}

/** Finds the end of a quoted run starting at `start`, where the closing quote is escaped by doubling. */
function scanQuoted(source: string, start: number, close: string): number {
  let i = start + 1;
  for (;;) {
    const next = source.indexOf(close, i);
    if (next === -1) fail(source, start, "unterminated quote");
    if (source[next + 1] === close && close !== "]") {
      i = next + 2;
      continue;
    }
    return next + 1;
  }
}

function unquote(text: string, close: string): string {
  const inner = text.slice(1, -1);
  return close === "]" || !inner.includes(close) ? inner : inner.split(close + close).join(close);
}

/**
 * Splits SQLite SQL into tokens, skipping whitespace and comments. It knows SQLite's quoting
 * rules (https://www.sqlite.org/lang_keywords.html): `"..."`, `` `...` `` and `[...]` quote
 * identifiers, `'...'` quotes strings, and a quote is escaped by doubling it.
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, end: number, value?: string): void => {
    const text = source.slice(i, end);
    tokens.push({ kind, text, value: value ?? text, start: i, end });
    i = end;
  };
  while (i < source.length) {
    const code = source.charCodeAt(i);
    const c = source[i] as string;
    const next = source[i + 1];
    if (isSpace(code)) {
      i++;
    } else if (c === "-" && next === "-") {
      const eol = source.indexOf("\n", i);
      i = eol === -1 ? source.length : eol + 1;
    } else if (c === "/" && next === "*") {
      const close = source.indexOf("*/", i + 2);
      i = close === -1 ? source.length : close + 2;
    } else if (c === "'") {
      const end = scanQuoted(source, i, "'");
      push("string", end, unquote(source.slice(i, end), "'"));
    } else if (c === '"' || c === "`") {
      const end = scanQuoted(source, i, c);
      push("quoted", end, unquote(source.slice(i, end), c));
    } else if (c === "[") {
      const end = scanQuoted(source, i, "]");
      push("quoted", end, unquote(source.slice(i, end), "]"));
    } else if ((c === "x" || c === "X") && next === "'") {
      const end = scanQuoted(source, i + 1, "'");
      push("blob", end);
    } else if (isDigit(code) || (c === "." && isDigit(source.charCodeAt(i + 1)))) {
      numberPattern.lastIndex = i;
      const match = numberPattern.exec(source) as RegExpExecArray;
      push("number", i + (match[0] as string).length);
    } else if (isWordStart(code)) {
      let end = i + 1;
      while (end < source.length && isWordPart(source.charCodeAt(end))) end++;
      push("word", end);
    } else if (c === "?" || c === ":" || c === "@" || c === "$") {
      let end = i + 1;
      while (end < source.length && isWordPart(source.charCodeAt(end))) end++;
      push("variable", end);
    } else if ("(),;.".includes(c)) {
      push("punct", i + 1);
    } else {
      const op = operators.find((candidate) => source.startsWith(candidate, i));
      push("operator", i + (op === undefined ? 1 : op.length));
    }
  }
  return tokens;
}

/** True when `token` is the bare word `word` (case-insensitive, as SQLite keywords are). */
export function isWord(token: Token | undefined, word: string): boolean {
  if (token === undefined || token.kind !== "word") return false;
  const text = token.text;
  // Most keywords come upper-case already; compare without a new string when the lengths differ.
  return text === word || (text.length === word.length && text.toUpperCase() === word);
}

/** True when `token` is the punctuation `mark`. */
export function isPunct(token: Token | undefined, mark: string): boolean {
  return token !== undefined && token.kind === "punct" && token.text === mark;
}

/**
 * Index of the `)` that closes the `(` at `open`, or -1 when it is never closed.
 */
export function findClosingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], "(")) depth++;
    else if (isPunct(tokens[i], ")")) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits tokens on commas that are not inside parentheses. */
export function splitTopLevel(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (isPunct(token, "(")) depth++;
    if (isPunct(token, ")")) depth--;
    if (depth === 0 && isPunct(token, ",")) groups.push([]);
    else (groups[groups.length - 1] as Token[]).push(token);
  }
  return groups.filter((group) => group.length > 0);
}
