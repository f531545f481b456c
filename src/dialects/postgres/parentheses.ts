import { isKeyword } from "./keywords";
import { readTypeEnd } from "./sql-cast";
import { isOperandEnd } from "./sql-render";
import { isOp, isParenGroup, isWord, type SqlNode } from "./sql-tree";

/**
 * Removing the parentheses PostgreSQL's deparser puts around every sub-expression, where doing
 * so cannot change the meaning, using the operator precedence table of
 * https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-PRECEDENCE
 * (higher binds tighter). Anything not understood keeps its parentheses.
 */
const edge = 0;
const orLevel = 1;
const andLevel = 2;
const notLevel = 3;
const isLevel = 4;
const comparisonLevel = 5;
const likeLevel = 6;
const otherOperatorLevel = 7;
const additiveLevel = 8;
const multiplicativeLevel = 9;
const exponentLevel = 10;
const atomLevel = Number.POSITIVE_INFINITY;

const comparisonOps = new Set(["=", "<>", "!=", "<", ">", "<=", ">="]);

/** Levels where `(a op b) op c` is `a op b op c` (left-associative or associative). */
const leftAssociativeLevels = new Set([orLevel, andLevel, otherOperatorLevel, additiveLevel, multiplicativeLevel]);

/** Levels where `a op (b op c)` is `a op b op c` too (AND, OR). */
const associativeLevels = new Set([orLevel, andLevel]);

function operatorLevel(text: string): number {
  if (comparisonOps.has(text)) return comparisonLevel;
  if (text === "+" || text === "-") return additiveLevel;
  if (text === "*" || text === "/" || text === "%") return multiplicativeLevel;
  if (text === "^") return exponentLevel;
  return otherOperatorLevel;
}

/** Keywords that are part of an operand, never an operator of their own. */
const neutralWords = new Set(["ARRAY", "CAST", "DISTINCT", "FROM", "COLLATE"]);

function wordLevel(items: readonly SqlNode[], i: number): number | undefined {
  const word = items[i];
  if (word.kind !== "word") return undefined;
  const upper = word.text.toUpperCase();
  switch (upper) {
    case "OR":
      return orLevel;
    case "AND":
      return andLevel;
    case "NOT":
      // `a NOT LIKE b`, `x NOT IN (...)`: part of the comparison that follows.
      return isWord(items[i + 1], "LIKE", "ILIKE", "SIMILAR", "IN", "BETWEEN") ? likeLevel : notLevel;
    case "IS":
    case "ISNULL":
    case "NOTNULL":
      return isLevel;
    case "LIKE":
    case "ILIKE":
    case "SIMILAR":
    case "IN":
    case "BETWEEN":
      return likeLevel;
    default:
      return undefined;
  }
}

function isSign(items: readonly SqlNode[], i: number): boolean {
  return isOp(items[i], "-", "+") && !isOperandEnd(items[i - 1]);
}

/** The loosest-binding operator at the top level of a group's content; `edge` when unknown. */
function contentLevel(items: readonly SqlNode[]): number {
  let level = atomLevel;
  for (let i = 0; i < items.length; i += 1) {
    const node = items[i];
    if (node.kind === "op") {
      if (isOp(node, ".", "::") || isSign(items, i)) continue;
      if (isOp(node, ",", ";")) return edge;
      level = Math.min(level, operatorLevel(node.text));
    } else if (node.kind === "word") {
      const known = wordLevel(items, i);
      if (known !== undefined) level = Math.min(level, known);
      else if (isKeyword(node.text) && !isOperandEnd(node) && !neutralWords.has(node.text.toUpperCase())) {
        // CASE, AT TIME ZONE, OVERLAPS …: not worth reasoning about.
        const call = isParenGroup(items[i + 1]);
        if (!call) return edge;
      }
    }
  }
  return level;
}

/** How tightly the neighbour of a group binds; 0 at an edge, undefined when it must stay. */
function neighbourLevel(items: readonly SqlNode[], i: number, side: "left" | "right"): number | undefined {
  const node = items[i];
  if (node === undefined || isOp(node, ",")) return edge;
  if (node.kind === "op") {
    if (isOp(node, ".", "::", ";") || (side === "left" && isSign(items, i))) return undefined;
    return operatorLevel(node.text);
  }
  if (isWord(node, "WHEN", "THEN", "ELSE", "END")) return edge;
  if (side === "right" && isWord(node, "NOT")) return wordLevel(items, i) === likeLevel ? likeLevel : undefined;
  if (side === "left" && isWord(node, "NOT", "IS", "LIKE", "ILIKE", "SIMILAR", "BETWEEN", "IN")) {
    return isWord(node, "NOT") ? notLevel : undefined;
  }
  return wordLevel(items, i);
}

/** True when `items` is one operand: a literal, a (qualified) name, a call, `ARRAY[...]`, with casts. */
function isSingleOperand(items: readonly SqlNode[]): boolean {
  let i = 0;
  const first = items[0];
  if (first === undefined) return false;
  if (first.kind === "string" || first.kind === "number") {
    i = 1;
  } else if (isWord(first, "ARRAY") && items[1]?.kind === "group") {
    i = 2;
  } else if (first.kind === "ident" || first.kind === "word") {
    if (first.kind === "word" && isKeyword(first.text) && !isOperandEnd(first) && !isParenGroup(items[1])) return false;
    i = 1;
    while (isOp(items[i], ".") && (items[i + 1]?.kind === "ident" || items[i + 1]?.kind === "word")) i += 2;
    if (isParenGroup(items[i])) i += 1;
  } else if (isParenGroup(first)) {
    i = 1;
  } else {
    return false;
  }
  while (isOp(items[i], "::")) {
    const end = readTypeEnd(items, i + 1);
    if (end === i + 1) return false;
    i = end;
  }
  return i === items.length;
}

/** True for a query (`SELECT`, `WITH`, `VALUES`, `TABLE`) or nothing at all. */
export function startsQuery(items: readonly SqlNode[]): boolean {
  return items.length === 0 || isWord(items[0], "SELECT", "WITH", "VALUES", "TABLE");
}

/** True for `name` or `schema.table.column`: what may take a subscript without parentheses. */
function isName(items: readonly SqlNode[]): boolean {
  return (
    items.every((n, i) => (i % 2 === 0 ? n.kind === "ident" || n.kind === "word" : isOp(n, "."))) &&
    items.length % 2 === 1
  );
}

/** True when the parentheses of the group at `index` are redundant where it stands. */
function isRedundantGroup(items: readonly SqlNode[], index: number): boolean {
  const group = items[index];
  if (!isParenGroup(group) || startsQuery(group.items)) return false;
  // A parenthesised list is a row: `IN ((1, 2))` is not `IN (1, 2)`.
  if (group.items.some((n) => isOp(n, ","))) return false;
  // After a name, a value or most keywords a group is a call or a clause (`f(x)`, `IN (...)`, `ANY (...)`).
  const left = neighbourLevel(items, index - 1, "left");
  if (left === undefined) return false;
  const next = items[index + 1];
  if (isSingleOperand(group.items)) {
    // `(ARRAY[1])[1]` and `(x::int[])[1]` need theirs; `(t.a)[1]` does not.
    if (next?.kind === "group") return next.open === "[" && isName(group.items);
    return true;
  }
  const right = neighbourLevel(items, index + 1, "right");
  if (right === undefined) return false;
  const level = contentLevel(group.items);
  if (level === edge) return false;
  if (level > left && level > right) return true;
  if (level === right && level > left) return leftAssociativeLevels.has(level);
  if (level === left && level >= right) return associativeLevels.has(level);
  return false;
}

/** Removes parentheses that change nothing: around one operand, or around a tighter-binding term. */
export function unwrapGroups(items: readonly SqlNode[]): SqlNode[] {
  const out: SqlNode[] = [];
  items.forEach((item, index) => {
    if (item.kind === "group" && isRedundantGroup(items, index)) out.push(...item.items);
    else out.push(item);
  });
  return out;
}
