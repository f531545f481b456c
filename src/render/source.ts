/**
 * Plain data written as TypeScript source. Every string goes through JSON escaping (quotes,
 * backslashes, control characters, lone surrogates), so no name or SQL text from a schema can
 * end a literal early or inject code; non-ASCII text stays readable. `js-layout.ts` lays
 * values out as prettier prints them; `toSource` writes them unformatted, for prettier.
 */

// JSON.stringify leaves these as they are; they are legal in literals but invisible and they
// end lines in comments and in older parsers, so they are written as escapes.
const SEPARATORS = /[\u2028\u2029]/g;
const SEPARATOR = /[\u2028\u2029]/;
// What JSON.stringify escapes (quote, backslash, controls, lone surrogates), and the separators.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

/** A double-quoted string literal that evaluates to exactly `text`. */
export function stringLiteral(text: string): string {
  // Most names and types need no escape at all.
  if (!NEEDS_ESCAPE.test(text)) return `"${text}"`;
  const json = JSON.stringify(text);
  return SEPARATOR.test(json) ? json.replace(SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`) : json;
}

/** A plain value (string, finite number, boolean, null, array, plain object) to write as source. */
export type SourceValue =
  | string
  | number
  | boolean
  | null
  | readonly SourceValue[]
  | { readonly [key: string]: SourceValue | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Writes `value` as a literal on one line, the unformatted source that prettier formats with
 * a user's configuration. With `expand`, the outermost object puts each member on its own
 * line: prettier keeps an object expanded when its source starts a new line after `{`.
 * @param indent the indentation of the line the value starts on (for the closing brace).
 */
export function toSource(value: SourceValue, expand = false, indent = ""): string {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${(value as readonly SourceValue[]).map((item) => toSource(item)).join(", ")}]`;
  const members = Object.entries(value)
    .filter((entry): entry is [string, SourceValue] => entry[1] !== undefined)
    .map(([key, item]) => `${IDENTIFIER.test(key) ? key : stringLiteral(key)}: ${toSource(item)}`);
  if (members.length === 0) return "{}";
  if (!expand) return `{ ${members.join(", ")} }`;
  const inner = `${indent}  `;
  return `{\n${members.map((m) => `${inner}${m},\n`).join("")}${indent}}`;
}

/**
 * A `//` comment line. Line breaks in `text` (which may quote a name from the schema) are
 * written as `\n` so the comment cannot end early and turn the rest into code. Trailing
 * whitespace is dropped, as prettier drops it.
 */
export function commentLine(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]/g, (c) => LINE_BREAK_ESCAPES[c] ?? "")}`.trimEnd();
}

const LINE_BREAK_ESCAPES: Readonly<Record<string, string>> = {
  "\r": "\\r",
  "\n": "\\n",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
