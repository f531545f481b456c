/**
 * The layout documents prettier 3's TypeScript printer builds for the few statement shapes a
 * migration file has (`await op.method(...args);` and `export const name = value;`), for
 * plain data values, with prettier's default options: 80 columns, two spaces, double quotes
 * unless single quotes need fewer escapes, semicolons, trailing commas everywhere, property
 * keys quoted only when needed. `doc.ts` then breaks lines exactly where prettier would, so the
 * rendered file is already what prettier prints and formatting can be skipped.
 *
 * The rules mirror prettier's printers for literals, arrays, objects, assignments and call
 * arguments (src/language-js/print/*.js in prettier's repository); each function says which.
 */
import { rememberByText } from "../util/remember-by-text";
import { breakParent, conditionalGroup, fill, flatGroup, group, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, willBreak, type Doc, type GroupDoc } from "./doc";
import { stringLiteral, type SourceValue } from "./source";
import { stringWidth } from "./string-width";

/** Prettier's default `printWidth`. */
export const PRINT_WIDTH = 80;

/** One argument of a call; `expanded` objects keep one member per line (see `objectDoc`). */
export interface CallArgument {
  readonly value: SourceValue;
  readonly expanded?: boolean;
}

/** The syntax node a value is written as; prettier's choices depend on it. */
type NodeType = "literal" | "unary" | "array" | "object";

function nodeType(value: SourceValue): NodeType {
  if (value === null || typeof value === "string" || typeof value === "boolean") return "literal";
  if (typeof value === "number") return value < 0 || Object.is(value, -0) ? "unary" : "literal";
  return isList(value) ? "array" : "object";
}

function isList(value: SourceValue): value is readonly SourceValue[] {
  return Array.isArray(value);
}

/** The members of an object that are written (`undefined` ones are left out). */
function members(value: { readonly [key: string]: SourceValue | undefined }): [string, SourceValue][] {
  const entries: [string, SourceValue][] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item !== undefined) entries.push([key, item]);
  }
  return entries;
}

/**
 * A string literal the way prettier writes it: double quotes, unless the text holds more
 * double than single quotes; only the enclosing quote is escaped (print-string.js).
 */
function printString(text: string): string {
  const json = stringLiteral(text);
  if (!text.includes('"')) return json;
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) doubles++;
    else if (c === 0x27) singles++;
  }
  if (doubles <= singles) return json;
  // `\"` loses its backslash, `'` gains one; every other escape stays as JSON wrote it.
  const body = json.slice(1, -1).replace(/\\(.)|'/gs, (match: string, escaped: string | undefined) =>
    escaped === undefined ? "\\'" : escaped === '"' ? '"' : match,
  );
  return `'${body}'`;
}

/**
 * A finite number as prettier prints its literal (print-number.js): lower case, no `+` or
 * leading zeros in the exponent. Negative numbers (and -0) are a minus before a literal.
 */
function printNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a literal`);
  if (value < 0 || Object.is(value, -0)) return `-${printNumber(-value)}`;
  return String(value)
    .toLowerCase()
    .replace(/^([\d.]+e)(?:\+|(-))?0*(\d)/, "$1$2$3");
}

const ASCII_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// ES5 IdentifierName (letters and letter numbers, then also marks, digits and connectors), BMP
// only: prettier leaves such keys unquoted (is-es5-identifier-name).
const ES5_IDENTIFIER = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*$/u;
const ASTRAL = /[\u{10000}-\u{10ffff}]/u;

/**
 * A property key: bare when it is an identifier name, else a string (quoteProps "as-needed").
 * Specs use the same few keys in every object, so each is worked out once.
 */
const printKey: (key: string) => string = rememberByText((key) => {
  const bare = ASCII_IDENTIFIER.test(key) || (ES5_IDENTIFIER.test(key) && !ASTRAL.test(key));
  return bare ? key : printString(key);
});

/** `value` as an expression; `expanded` keeps the outermost object broken. */
function valueDoc(value: SourceValue, expanded = false): Doc {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return printString(value);
    case "number":
      return printNumber(value);
    case "boolean":
      return String(value);
    default:
      return isList(value) ? arrayDoc(value) : objectDoc(value, expanded);
  }
}

/** Arrays of numbers are filled line by line rather than one element per line (array.js). */
function isConcise(items: readonly SourceValue[]): boolean {
  return items.length > 0 && items.every((item) => typeof item === "number");
}

/** Element or member count of an array or object, 0 for anything else. */
function size(value: SourceValue): number {
  if (value === null || typeof value !== "object") return 0;
  return isList(value) ? value.length : members(value).length;
}

/**
 * array.js: elements separated by `line`; an array of two or more objects (or arrays) of the
 * same kind, each with two or more entries, always breaks.
 */
function arrayDoc(items: readonly SourceValue[]): Doc {
  if (items.length === 0) return "[]";
  const shouldBreak =
    items.length > 1 &&
    items.every((item, i) => {
      const type = nodeType(item);
      if (type !== "array" && type !== "object") return false;
      const next = items[i + 1];
      if (next !== undefined && nodeType(next) !== type) return false;
      return size(item) > 1;
    });
  const docs = items.map((item) => valueDoc(item));
  if (isConcise(items)) {
    const layout = (): Doc => {
      const id = Symbol("array");
      const trailingComma = ifBreak(",", "", id);
      const parts: Doc[] = [];
      docs.forEach((item, i) => {
        const last = i === docs.length - 1;
        parts.push([item, last ? trailingComma : ","]);
        if (!last) parts.push(line);
      });
      return group(["[", indent([softline, fill(parts)]), softline, "]"], { shouldBreak, id });
    };
    return shouldBreak ? layout() : dataGroup("[", docs, undefined, "]", layout);
  }
  // Prettier wraps each element (and each property, and the left side of an assignment) in a
  // group of its own; a group around text or around a single group prints exactly the same, and
  // leaving those out halves the work on large files.
  const layout = (): Doc =>
    group(["[", indent([softline, join([",", line], docs), ifBreak(",")]), softline, "]"], { shouldBreak });
  return shouldBreak ? layout() : dataGroup("[", docs, undefined, "]", layout);
}

/**
 * object.js: members separated by `line`, spaces inside the braces. Prettier keeps an object
 * broken when its source has a line break after `{`; `expanded` is that choice.
 */
function objectDoc(value: { readonly [key: string]: SourceValue | undefined }, expanded: boolean): Doc {
  const keys: string[] = [];
  const items: SourceValue[] = [];
  const docs: Doc[] = [];
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    keys.push(printKey(key));
    items.push(item);
    docs.push(valueDoc(item));
  }
  if (keys.length === 0) return "{}";
  const layout = (): Doc => {
    const props = items.map((item, i) => [
      i === 0 ? "" : [",", line],
      assignmentDoc(keys[i]!, ":", item, docs[i]!, true),
    ]);
    return group(["{", indent([line, ...props]), ifBreak(","), line, "}"], { shouldBreak: expanded });
  };
  return expanded ? layout() : dataGroup("{ ", docs, keys, " }", layout);
}

/**
 * The group `layout` builds, as a `flatGroup` when every element (`docs`, after its key when
 * `keys` are given) prints as known text: flat, an array is `[a, b]`, an object `{ k: a, l: b }`
 * (`line` is a space, `softline` and `ifBreak` nothing, and every assignment `key: value`).
 */
function dataGroup(
  open: string,
  docs: readonly Doc[],
  keys: readonly string[] | undefined,
  close: string,
  layout: () => Doc,
): Doc {
  let text = open;
  let width = open.length + close.length;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const flat = typeof doc === "string" ? doc : flatGroupOf(doc)?.flat;
    if (flat === undefined) return layout();
    if (i > 0) {
      text += ", ";
      width += 2;
    }
    if (keys !== undefined) {
      text += `${keys[i]!}: `;
      width += stringWidth(keys[i]!) + 2;
    }
    text += flat;
    width += typeof doc === "string" ? stringWidth(doc) : (doc as GroupDoc).flatWidth;
  }
  return flatGroup(text + close, width, layout);
}

/** `doc` as a group, if it is one (only groups can carry a flat text). */
function flatGroupOf(doc: Doc): GroupDoc | undefined {
  return Array.isArray(doc) || typeof doc === "string" || (doc as { kind: string }).kind !== "group" ? undefined : (doc as GroupDoc);
}

/**
 * assignment.js: `left operator right` for a property (`key: value`) or a declaration
 * (`name = value`). A string moves to the next line when it does not fit (unless the key is
 * shorter than 5 columns); numbers and booleans never move; arrays, objects and `null` stay
 * after the operator and break inside ("fluid"). `rightDoc` is `right` laid out.
 */
function assignmentDoc(left: string, operator: string, right: SourceValue, rightDoc: Doc, isProperty: boolean): Doc {
  // Breaking after a key narrower than tabWidth + 3 columns gains too little to be worth it.
  const hasShortKey = isProperty && stringWidth(left) < 2 + 3;
  if (!hasShortKey && typeof right === "string") {
    return group([left, operator, group(indent([line, rightDoc]))]);
  }
  if (hasShortKey || typeof right === "boolean" || (typeof right === "number" && nodeType(right) === "literal")) {
    return group([left, operator, " ", rightDoc]);
  }
  const id = Symbol("assignment");
  return group([left, operator, group(indent(line), { id }), indentIfBreak(rightDoc, id)]);
}

function argumentDoc(argument: CallArgument): Doc {
  return valueDoc(argument.value, argument.expanded ?? false);
}

/**
 * call-arguments.js: the last argument is "hugged" (`f(a, {` ... `})`) when it is a non-empty
 * object or array and the one before it is a different kind of node; otherwise the arguments
 * go on one line or one per line.
 */
function argumentsDoc(args: readonly CallArgument[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((arg, i) => (i === args.length - 1 ? argumentDoc(arg) : [argumentDoc(arg), ",", line]));
  const allArgsBrokenOut = (): Doc =>
    group(["(", indent([line, ...printed]), ifBreak(","), line, ")"], { shouldBreak: true });
  if (shouldHugLastArgument(args)) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allArgsBrokenOut();
    // Prettier prints the last argument a second time for the hugged states; documents here
    // are never changed once built, so the states share one, as they share `head`.
    const last = printed[printed.length - 1]!;
    if (willBreak(last)) {
      return [
        breakParent,
        conditionalGroup([["(", ...head, group(last, { shouldBreak: true }), ")"], allArgsBrokenOut()]),
      ];
    }
    return conditionalGroup([
      ["(", ...head, last, ")"],
      ["(", ...head, group(last, { shouldBreak: true }), ")"],
      allArgsBrokenOut(),
    ]);
  }
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], {
    shouldBreak: printed.some(willBreak),
  });
}

function shouldHugLastArgument(args: readonly CallArgument[]): boolean {
  const last = args[args.length - 1]!.value;
  const lastType = nodeType(last);
  if ((lastType !== "object" && lastType !== "array") || size(last) === 0) return false;
  const penultimate = args[args.length - 2];
  if (penultimate !== undefined && nodeType(penultimate.value) === lastType) return false;
  return !(args.length > 1 && lastType === "array" && isConcise(last as readonly SourceValue[]));
}

/** `await object.method(args);` (a call on a member is a one-link member chain: member-chain.js). */
export function awaitCallStatement(object: string, method: string, args: readonly CallArgument[]): Doc {
  return ["await ", group([object, ".", method, argumentsDoc(args)]), ";"];
}

/** `export const name = value;` */
export function exportConstStatement(name: string, value: SourceValue): Doc {
  return ["export ", group(["const", " ", assignmentDoc(name, " =", value, valueDoc(value), false), ";"])];
}

/** Prints a statement at `indentation` spaces, every line indented, in prettier's 80 columns. */
export function printStatement(statement: Doc, indentation: number): string {
  return " ".repeat(indentation) + printDoc(statement, PRINT_WIDTH, indentation);
}
