import { isNumericType, isTextType, readTypeEnd } from "./sql-cast";
import { renderSql } from "./sql-render";
import { isOp, isParenGroup, isWord, parseSqlTree, type SqlNode } from "./sql-tree";

/**
 * Operators PostgreSQL's deparser spells differently from what people write
 * (`LIKE` is stored as `~~`, `!=` as `<>`).
 */
const operatorSpellings: Readonly<Record<string, readonly string[]>> = {
  "~~": ["LIKE"],
  "~~*": ["ILIKE"],
  "!~~": ["NOT", "LIKE"],
  "!~~*": ["NOT", "ILIKE"],
  "!=": ["<>"],
};

/** Comparison operators: a literal next to one of these keeps its meaning without a cast. */
const comparisonOps = new Set(["=", "<>", "!=", "<", ">", "<=", ">=", "~~", "!~~", "~~*", "!~~*"]);

/** Keywords after which a parenthesised operand may lose its parentheses. */
const operandLeaders = new Set(["AND", "OR", "NOT", "WHEN", "THEN", "ELSE", "WHERE", "BETWEEN", "SELECT"]);

function isArithmetic(node: SqlNode | undefined): boolean {
  return node !== undefined && node.kind === "op" && !comparisonOps.has(node.text) && ![",", ";", ".", "::"].includes(node.text);
}

/**
 * Drops casts that only restate a type PostgreSQL inferred: casts on string literals (unless the
 * literal takes part in arithmetic, where the cast picks the operator), and casts to text types
 * (`(name)::text`, `(ARRAY[...])::text[]`) that the deparser adds for varchar columns.
 * `'-1'::integer` becomes `-1`.
 */
function dropCasts(items: SqlNode[]): SqlNode[] {
  const out = [...items];
  let i = 1;
  while (i < out.length) {
    if (!isOp(out[i], "::")) {
      i += 1;
      continue;
    }
    const operand = out[i - 1];
    const end = readTypeEnd(out, i + 1);
    const type = out.slice(i + 1, end);
    const literal = operand.kind === "string" && !operand.text.startsWith("E") && !isArithmetic(out[i - 2]) && !isArithmetic(out[end]);
    const textual = isTextType(type) && (operand.kind === "group" || operand.kind === "ident" || operand.kind === "word" || operand.kind === "string");
    if (end > i + 1 && (literal || textual)) {
      if (operand.kind === "string" && isNumericType(type) && /^'-?\d+(\.\d+)?'$/.test(operand.text)) {
        out[i - 1] = { kind: "number", text: operand.text.slice(1, -1) };
      }
      out.splice(i, end - i);
    } else {
      i += 1;
    }
  }
  return out;
}

/** The loosest boolean operator at the top level of a group: 1 OR, 2 AND, 3 NOT, 4 none. */
function bindingLevel(items: readonly SqlNode[]): number {
  if (isWord(items[0], "NOT")) return 3;
  let level = 4;
  for (const item of items) {
    if (isWord(item, "OR")) level = Math.min(level, 1);
    else if (isWord(item, "AND")) level = Math.min(level, 2);
  }
  return level;
}

/** How tightly a neighbour binds: 0 at an edge or comma, 1 OR, 2 AND, undefined otherwise. */
function neighbourLevel(node: SqlNode | undefined): number | undefined {
  if (node === undefined || isOp(node, ",")) return 0;
  if (isWord(node, "OR")) return 1;
  if (isWord(node, "AND")) return 2;
  return undefined;
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
    if (first.kind === "word" && /^(select|with|values|not)$/i.test(first.text)) return false;
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

function startsQuery(items: readonly SqlNode[]): boolean {
  return items.length === 0 || isWord(items[0], "SELECT", "WITH", "VALUES", "TABLE");
}

/** True when the parentheses of the group at `index` are redundant where it stands. */
function isRedundantGroup(items: readonly SqlNode[], index: number): boolean {
  const group = items[index];
  if (!isParenGroup(group) || startsQuery(group.items)) return false;
  const prev = items[index - 1];
  // A group right after a name or keyword is a call or a clause (`f(x)`, `IN (...)`, `ANY (...)`).
  const leader = prev === undefined || (prev.kind === "op" && !isOp(prev, ".", "::")) || (prev.kind === "word" && operandLeaders.has(prev.text.toUpperCase()));
  if (!leader) return false;
  const next = items[index + 1];
  if (isSingleOperand(group.items) && !group.items.some((n) => isOp(n, ","))) return true;
  const left = neighbourLevel(prev);
  const right = neighbourLevel(next);
  if (left === undefined || right === undefined) return false;
  return bindingLevel(group.items) >= Math.max(left, right);
}

/** Removes parentheses that change nothing: around one operand, doubled, or around a tighter-binding term. */
function unwrapGroups(items: readonly SqlNode[]): SqlNode[] {
  const out: SqlNode[] = [];
  items.forEach((item, index) => {
    if (isRedundantGroup(items, index) && item.kind === "group") out.push(...item.items);
    else out.push(item);
  });
  return out;
}

/** `x = ANY (ARRAY[a, b])` → `x IN (a, b)`; `x <> ALL (ARRAY[a, b])` → `x NOT IN (a, b)`. */
function rewriteArrayMembership(items: readonly SqlNode[]): SqlNode[] {
  const out: SqlNode[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const list = items[i + 2];
    const arrayGroup = isParenGroup(list) && list.items.length === 2 && isWord(list.items[0], "ARRAY") ? list.items[1] : undefined;
    if (arrayGroup?.kind === "group" && arrayGroup.open === "[") {
      const inList: SqlNode = { kind: "group", open: "(", items: arrayGroup.items };
      if (isOp(items[i], "=") && isWord(items[i + 1], "ANY", "SOME")) {
        out.push({ kind: "word", text: "IN" }, inList);
        i += 2;
        continue;
      }
      if (isOp(items[i], "<>", "!=") && isWord(items[i + 1], "ALL")) {
        out.push({ kind: "word", text: "NOT" }, { kind: "word", text: "IN" }, inList);
        i += 2;
        continue;
      }
    }
    out.push(items[i]);
  }
  return out;
}

function respellOperators(items: readonly SqlNode[]): SqlNode[] {
  return items.flatMap((item): SqlNode[] => {
    const spelling = item.kind === "op" ? operatorSpellings[item.text] : undefined;
    if (spelling === undefined) return [item];
    return spelling.map((text): SqlNode => (text === "<>" ? { kind: "op", text } : { kind: "word", text }));
  });
}

/** Normalises one list of sibling nodes, children first, until nothing changes. */
export function normalizeNodes(items: readonly SqlNode[]): SqlNode[] {
  let current: SqlNode[] = items.map((item) => {
    if (item.kind !== "group") return item;
    let inner = normalizeNodes(item.items);
    // `((x))` → `(x)`, unless the inner group is a row (`IN ((1, 2))` is not `IN (1, 2)`).
    while (inner.length === 1 && isParenGroup(inner[0]) && item.open === "(" && !inner[0].items.some((n) => isOp(n, ","))) {
      inner = [...inner[0].items];
    }
    return { kind: "group", open: item.open, items: inner };
  });
  for (let round = 0; round < 100; round += 1) {
    const before = renderSql(current);
    current = rewriteArrayMembership(unwrapGroups(dropCasts(respellOperators(current))));
    if (renderSql(current) === before) break;
  }
  return current;
}

/**
 * Normalises a boolean expression, index predicate, exclusion body, generated-column expression
 * or view query so that TypeORM's spelling and PostgreSQL's deparsed one compare equal:
 * drops a leading `CHECK`/`EXCLUDE` and trailing `;`, redundant parentheses, casts the deparser
 * adds, quotes around simple lower-case identifiers; upper-cases keywords, collapses whitespace;
 * writes `= ANY (ARRAY[...])` as `IN (...)` and `~~` as `LIKE`. Idempotent.
 */
export function normalizeExpression(sql: string): string {
  let items = parseSqlTree(sql);
  while (isOp(items[items.length - 1], ";")) items = items.slice(0, -1);
  if (isWord(items[0], "CHECK", "EXCLUDE")) items = items.slice(1);
  let nodes = normalizeNodes(items);
  while (nodes.length === 1 && isParenGroup(nodes[0])) nodes = normalizeNodes(nodes[0].items);
  return renderSql(nodes);
}
