/**
 * The small piece of a JavaScript lexer the header scanner needs: skipping comments, strings,
 * template literals and regular expressions (so that text inside them is never mistaken for a
 * declaration), and decoding single- and double-quoted string literals.
 */

const BACKSLASH = 92;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/** Index just past the comment starting at `i` (`//` or `/*`), or `i` when there is none. */
export function skipComment(text: string, i: number): number {
  if (text.charCodeAt(i) !== 47 /* / */) return i;
  const next = text.charCodeAt(i + 1);
  if (next === 47) {
    const end = text.indexOf("\n", i + 2);
    return end < 0 ? text.length : end + 1;
  }
  if (next === 42 /* * */) {
    const end = text.indexOf("*/", i + 2);
    return end < 0 ? text.length : end + 2;
  }
  return i;
}

/** Index of the first character at or after `i` that is neither whitespace nor in a comment. */
export function skipTrivia(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const after = skipComment(text, i);
    if (after === i) return i;
    i = after;
  }
}

export function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029
  );
}

export function isIdentifierPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 36 ||
    code > 127
  );
}

/** Index just past the quoted string starting at `i` (unterminated: the end of its line). */
export function skipQuoted(text: string, i: number): number {
  const quote = text.charCodeAt(i);
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BACKSLASH) j++;
    else if (code === quote) return j + 1;
    else if (code === NEWLINE) return j;
  }
  return text.length;
}

/**
 * Index just past the regular expression literal starting at `i`, honouring escapes and
 * character classes (a `/` inside `[...]` does not end it).
 */
export function skipRegex(text: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BACKSLASH) j++;
    else if (code === NEWLINE) return j;
    else if (code === 91 /* [ */) inClass = true;
    else if (code === 93 /* ] */) inClass = false;
    else if (code === 47 && !inClass) return j + 1;
  }
  return text.length;
}

/** A decoded string literal and the index just past its closing quote. */
export interface StringLiteral {
  readonly value: string;
  readonly end: number;
}

/**
 * Decodes the single- or double-quoted literal starting at `i`, with every escape JavaScript
 * allows in one (`\n`, `\x41`, `\u0041`, `\u{1F600}`, line continuations, ...).
 * @returns undefined when the literal is not terminated on its line or has a bad escape.
 */
export function readStringLiteral(text: string, i: number): StringLiteral | undefined {
  const quote = text.charCodeAt(i);
  let value = "";
  let chunk = i + 1;
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === quote) return { value: value + text.slice(chunk, j), end: j + 1 };
    if (code === NEWLINE || code === CARRIAGE_RETURN) return undefined;
    if (code !== BACKSLASH) continue;
    value += text.slice(chunk, j);
    const escape = readEscape(text, j + 1);
    if (escape === undefined) return undefined;
    value += escape.value;
    j = escape.end - 1;
    chunk = escape.end;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  r: "\r",
  t: "\t",
  b: "\b",
  f: "\f",
  v: "\v",
};

function readEscape(text: string, i: number): StringLiteral | undefined {
  const c = text[i];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { value: simple, end: i + 1 };
  if (c === "\r") return { value: "", end: text[i + 1] === "\n" ? i + 2 : i + 1 };
  if (c === "\n" || c === "\u2028" || c === "\u2029") return { value: "", end: i + 1 };
  if (c === "0" && !/[0-9]/.test(text[i + 1] ?? "")) return { value: "\0", end: i + 1 };
  if (c === "x") return hexEscape(text.slice(i + 1, i + 3), 2, i + 3);
  if (c === "u") {
    if (text[i + 1] !== "{") return hexEscape(text.slice(i + 1, i + 5), 4, i + 5);
    const close = text.indexOf("}", i + 2);
    if (close < 0) return undefined;
    const digits = text.slice(i + 2, close);
    if (!/^[0-9a-fA-F]{1,6}$/.test(digits) || parseInt(digits, 16) > 0x10ffff) return undefined;
    return { value: String.fromCodePoint(parseInt(digits, 16)), end: close + 1 };
  }
  // Octal escapes are a syntax error in strict code (and in every ES module); refuse them.
  if (/[0-9]/.test(c)) return undefined;
  return { value: c, end: i + 1 };
}

function hexEscape(digits: string, length: number, end: number): StringLiteral | undefined {
  if (digits.length !== length || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
  return { value: String.fromCharCode(parseInt(digits, 16)), end };
}
