/**
 * Writes plain data as TypeScript source. Every string goes through JSON escaping (quotes,
 * backslashes, control characters, lone surrogates), so no name or SQL text from a schema can
 * end a literal early or inject code; non-ASCII text stays readable.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// JSON.stringify leaves these as they are; they are legal in literals but invisible and they
// end lines in comments and in older parsers, so they are written as escapes.
const SEPARATORS = /[\u2028\u2029]/g;

/** A string literal that evaluates to exactly `text`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A plain value (string, finite number, boolean, null, array, plain object) as source text. */
export type SourceValue =
  | string
  | number
  | boolean
  | null
  | readonly SourceValue[]
  | { readonly [key: string]: SourceValue | undefined };

/**
 * Writes `value` as a literal on one line. With `expand`, the outermost object puts each
 * member on its own line: prettier keeps an object expanded when its source starts a new line
 * after `{`, so this decides which objects stay multi-line in the formatted file.
 */
export function toSource(value: SourceValue, expand = false, indent = ""): string {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
    return Object.is(value, -0) ? "-0" : String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (isList(value)) return `[${value.map((item) => toSource(item)).join(", ")}]`;
  const members = Object.entries(value)
    .filter((entry): entry is [string, SourceValue] => entry[1] !== undefined)
    .map(([key, item]) => `${IDENTIFIER.test(key) ? key : stringLiteral(key)}: ${toSource(item)}`);
  if (members.length === 0) return "{}";
  if (!expand) return `{ ${members.join(", ")} }`;
  const inner = `${indent}  `;
  return `{\n${members.map((m) => `${inner}${m},\n`).join("")}${indent}}`;
}

function isList(value: SourceValue): value is readonly SourceValue[] {
  return Array.isArray(value);
}

/**
 * A `//` comment line. Line breaks in `text` (which may quote a name from the schema) are
 * written as `\n` so the comment cannot end early and turn the rest into code.
 */
export function commentLine(text: string): string {
  return `// ${text.replace(/[\r\n\u2028\u2029]/g, (c) => LINE_BREAK_ESCAPES[c] ?? "")}`;
}

const LINE_BREAK_ESCAPES: Readonly<Record<string, string>> = {
  "\r": "\\r",
  "\n": "\\n",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
