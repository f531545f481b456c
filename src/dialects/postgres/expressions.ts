import { isNumericType, isTextType, readTypeEnd } from "./sql-cast";
import { startsQuery, unwrapGroups } from "./parentheses";
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

function isArithmetic(node: SqlNode | undefined): boolean {
  return (
    node !== undefined &&
    node.kind === "op" &&
    !comparisonOps.has(node.text) &&
    ![",", ";", ".", "::"].includes(node.text)
  );
}

/**
 * Literals whose value depends on when they are cast: `('now'::text)::date` is evaluated per
 * row, `'now'::date` once, when the default is created. Their casts always stay.
 * https://www.postgresql.org/docs/current/datatype-datetime.html#DATATYPE-DATETIME-SPECIAL-VALUES
 */
export function isTimeSensitiveLiteral(node: SqlNode): boolean {
  return node.kind === "string" && /^'\s*(now|today|tomorrow|yesterday)\s*'$/i.test(node.text);
}

/** A string or number literal, possibly in parentheses (`(0)::numeric`). */
function isLiteral(node: SqlNode): boolean {
  if (node.kind === "string") return node.text.startsWith("'");
  if (node.kind === "number") return true;
  return isParenGroup(node) && node.items.length === 1 && isLiteral(node.items[0]);
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
    const literal = isLiteral(operand) && !isArithmetic(out[i - 2]) && !isArithmetic(out[end]);
    const textual =
      isTextType(type) &&
      (operand.kind === "group" || operand.kind === "ident" || operand.kind === "word" || operand.kind === "string");
    if (end > i + 1 && (literal || textual) && !isTimeSensitiveLiteral(operand)) {
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

/** `x = ANY (ARRAY[a, b])` → `x IN (a, b)`; `x <> ALL (ARRAY[a, b])` → `x NOT IN (a, b)`. */
function rewriteArrayMembership(items: readonly SqlNode[]): SqlNode[] {
  const out: SqlNode[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const list = items[i + 2];
    const arrayGroup =
      isParenGroup(list) && list.items.length === 2 && isWord(list.items[0], "ARRAY") ? list.items[1] : undefined;
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
    while (
      inner.length === 1 &&
      isParenGroup(inner[0]) &&
      item.open === "(" &&
      !inner[0].items.some((n) => isOp(n, ","))
    ) {
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
 * writes `= ANY (ARRAY[...])` as `IN (...)` and `~~` as `LIKE`. A query (`SELECT`, `WITH`,
 * `VALUES`) only gets the canonical layout. Idempotent.
 */
export function normalizeExpression(sql: string): string {
  let items = parseSqlTree(sql);
  while (isOp(items[items.length - 1], ";")) items = items.slice(0, -1);
  if (isWord(items[0], "CHECK", "EXCLUDE")) items = items.slice(1);
  // A view query is compared with TypeORM's own recorded text, so it only needs a canonical
  // layout; its casts and parentheses are kept because they shape the view's columns.
  if (startsQuery(items)) return renderSql(items);
  let nodes = normalizeNodes(items);
  while (nodes.length === 1 && isParenGroup(nodes[0])) nodes = normalizeNodes(nodes[0].items);
  return renderSql(nodes);
}
