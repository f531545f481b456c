import type { RevisionHeader } from "../revision/types";
import { LoadError } from "../util/errors";
import {
  isIdentifierPart,
  isSpace,
  readStringLiteral,
  skipComment,
  skipQuoted,
  skipRegex,
  skipTrivia,
} from "./literals";

/** The header declarations the scanner looks for. */
type HeaderName = "revision" | "downRevision" | "message" | "createdAt" | "branchLabels";

/** A declared value: a string, `null`, or an array of strings. */
type HeaderValue = string | null | readonly string[];

const DECLARATION =
  /export\s+(?:const|let|var)\s+(revision|downRevision|message|createdAt|branchLabels)(?![\w$])\s*(?::[^=;]*)?=(?!=)/y;
const AS_CONST = /as\s+const(?![\w$])/y;
const CANDIDATE = new RegExp(DECLARATION.source, "g");

/** After these characters (and keywords) a `/` starts a regular expression, not a division. */
const REGEX_AFTER = new Set("(,=:[!&|?{};+-*%<>~^");
const REGEX_KEYWORDS = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "instanceof",
  "yield",
  "await",
]);

/**
 * Reads a migration's header from its source text without executing or transpiling it: the
 * top-level `export const revision`, `downRevision`, `message`, `createdAt` and (optional)
 * `branchLabels` declarations. Values must be literals: single- or double-quoted strings (all
 * escapes decoded), `null`, or arrays of strings, optionally followed by `as const`; a type
 * annotation is allowed. Comments, other exports and text inside strings, template literals
 * and regular expressions are skipped, so a commented-out declaration is never picked up.
 * Template literals are refused as values: a header must be readable without evaluation.
 *
 * `revision`, `downRevision` (null for a first migration) and `createdAt` (an ISO date) are
 * required; `message` defaults to "".
 * @param path the file name used in the header and in error messages.
 * @throws LoadError naming the file, the line, and what is missing or unreadable.
 */
export function scanRevisionHeader(text: string, path: string): RevisionHeader {
  const values = new Map<HeaderName, HeaderValue>();
  // Lexing stops after the last text that could be a declaration, so a migration's long
  // up/down bodies are usually not lexed at all.
  const limit = lastCandidate(text);
  scanCode(text, 0, limit, (start) => {
    DECLARATION.lastIndex = start;
    const match = DECLARATION.exec(text);
    if (match === null) return start;
    const name = match[1] as HeaderName;
    if (values.has(name)) fail(path, text, start, `declares \`${name}\` twice`);
    const { value, end } = readValue(text, DECLARATION.lastIndex, name, path);
    values.set(name, value);
    return end;
  });
  return toHeader(values, text, path);
}

/** Start of the last text shaped like a header declaration (comments included), or -1. */
function lastCandidate(text: string): number {
  let last = -1;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) last = match.index;
  return last;
}

function toHeader(values: ReadonlyMap<HeaderName, HeaderValue>, text: string, path: string): RevisionHeader {
  const revision = values.get("revision");
  if (revision === undefined) fail(path, text, -1, 'no `export const revision = "..."` found');
  if (typeof revision !== "string" || revision.length === 0) {
    fail(path, text, -1, "`revision` must be a non-empty string");
  }
  const down = values.get("downRevision");
  if (down === undefined) {
    fail(path, text, -1, "no `export const downRevision = ...` found (use null for a first migration)");
  }
  const createdAt = values.get("createdAt");
  if (createdAt === undefined) fail(path, text, -1, 'no `export const createdAt = "..."` found');
  if (typeof createdAt !== "string" || Number.isNaN(Date.parse(createdAt))) {
    fail(path, text, -1, `\`createdAt\` must be an ISO date string, not ${JSON.stringify(createdAt)}`);
  }
  const message = values.get("message") ?? "";
  if (typeof message !== "string") fail(path, text, -1, "`message` must be a string");
  const labels = values.get("branchLabels") ?? null;
  const branchLabels = labels === null ? [] : typeof labels === "string" ? [labels] : labels;
  return {
    id: revision,
    downRevisions: down === null ? [] : typeof down === "string" ? [down] : down,
    message,
    createdAt,
    path,
    ...(branchLabels.length > 0 ? { branchLabels } : {}),
  };
}

/** Characters worth stopping at: comment or regex starts, quotes, and the `export` keyword. */
const TOP_LEVEL_STOPS = /[/"'`]|(?<![\w$])export(?![\w$])/g;
/** Inside a template's `${...}`: the same, plus braces (to find the closing one). */
const NESTED_STOPS = /[/"'`{}]/g;

/**
 * Walks code from `i`, skipping comments, strings, templates and regexes, and calls `onExport`
 * at every `export` keyword found outside them (it returns where to continue), up to `limit`.
 * With `limit` null (inside a template's `${...}`), stops after the `}` that closes it and
 * returns the index after it. Jumps
 * between interesting characters with a regex, which is several times faster than a
 * character-by-character loop in JavaScript.
 */
function scanCode(text: string, i: number, limit: number | null, onExport?: (start: number) => number): number {
  const nested = limit === null;
  // Sharing the global regexes is safe: lastIndex is set right before every exec.
  const stops = nested ? NESTED_STOPS : TOP_LEVEL_STOPS;
  let depth = 0;
  while (i < text.length && (nested || i <= limit)) {
    stops.lastIndex = i;
    const match = stops.exec(text);
    if (match === null) return text.length;
    i = match.index;
    switch (text[i]) {
      case "/": {
        const after = skipComment(text, i);
        i = after !== i ? after : startsRegex(text, i) ? skipRegex(text, i) : i + 1;
        break;
      }
      case '"':
      case "'":
        i = skipQuoted(text, i);
        break;
      case "`":
        i = skipTemplate(text, i);
        break;
      case "{":
        depth++;
        i++;
        break;
      case "}":
        if (depth === 0) return i + 1;
        depth--;
        i++;
        break;
      default: {
        const resumed = onExport === undefined ? i : onExport(i);
        i = resumed !== i ? resumed : i + "export".length;
      }
    }
  }
  return i;
}

/**
 * Whether the `/` at `i` starts a regular expression rather than a division, judged from the
 * previous significant character: after an operator, an opening bracket, a keyword like
 * `return`, or the start of the file, it is a regex; after a name, a number or `)` / `]`, a division.
 */
function startsRegex(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  if (j < 0) return true;
  const code = text.charCodeAt(j);
  if (isIdentifierPart(code)) {
    const end = j + 1;
    while (j >= 0 && isIdentifierPart(text.charCodeAt(j))) j--;
    return REGEX_KEYWORDS.has(text.slice(j + 1, end));
  }
  // The end of a block comment: assume an expression starts after it.
  if (code === 47 /* / */ && text.charCodeAt(j - 1) === 42 /* * */) return true;
  return REGEX_AFTER.has(text[j]!);
}

function skipTemplate(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 92 /* \ */) j++;
    else if (code === 96 /* ` */) return j + 1;
    else if (code === 36 /* $ */ && text.charCodeAt(j + 1) === 123 /* { */) j = scanCode(text, j + 2, null) - 1;
  }
  return text.length;
}

function readValue(text: string, i: number, name: HeaderName, path: string): { value: HeaderValue; end: number } {
  const start = skipTrivia(text, i);
  const parsed = readLiteral(text, start, name, path);
  let end = skipTrivia(text, parsed.end);
  AS_CONST.lastIndex = end;
  if (AS_CONST.test(text)) end = skipTrivia(text, AS_CONST.lastIndex);
  if (text[end] === ";") end++;
  else if (end < text.length && !/[\r\n]/.test(text.slice(parsed.end, end)) && text[end] !== "}") {
    fail(path, text, end, `unexpected text after \`${name}\`; headers must be plain literals`);
  }
  return { value: parsed.value, end };
}

function readLiteral(text: string, i: number, name: HeaderName, path: string): { value: HeaderValue; end: number } {
  const allowsList = name === "downRevision" || name === "branchLabels";
  const expected = allowsList ? "a quoted string, null or an array of quoted strings" : "a quoted string";
  const ch = text[i];
  if (allowsList && text.startsWith("null", i) && !isIdentifierPart(text.charCodeAt(i + 4))) {
    return { value: null, end: i + 4 };
  }
  if (ch === '"' || ch === "'") return readString(text, i, name, path);
  if (ch === "`") {
    fail(
      path,
      text,
      i,
      `\`${name}\` uses a template literal; write it with '...' or "..." so it can be read without running the file`,
    );
  }
  if (ch !== "[" || !allowsList) fail(path, text, i, `\`${name}\` must be ${expected}`);
  const items: string[] = [];
  let j = skipTrivia(text, i + 1);
  while (text[j] !== "]") {
    if (text[j] !== '"' && text[j] !== "'") fail(path, text, j, `\`${name}\` must be ${expected}`);
    const item = readString(text, j, name, path);
    items.push(item.value);
    j = skipTrivia(text, item.end);
    if (text[j] === ",") j = skipTrivia(text, j + 1);
    else if (text[j] !== "]") fail(path, text, j, `\`${name}\`: expected ',' or ']' in the array`);
  }
  return { value: items, end: j + 1 };
}

function readString(text: string, i: number, name: HeaderName, path: string): { value: string; end: number } {
  const literal = readStringLiteral(text, i);
  if (literal === undefined) fail(path, text, i, `\`${name}\` has an unterminated string or an invalid escape`);
  return literal;
}

function fail(path: string, text: string, at: number, problem: string): never {
  const where = at < 0 ? path : `${path}:${lineOf(text, at)}`;
  throw new LoadError(path, `${where}: ${problem}`);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
