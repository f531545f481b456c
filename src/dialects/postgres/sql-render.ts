import { isKeyword } from "./keywords";
import { readTypeEnd } from "./sql-cast";
import { isOp, type SqlNode } from "./sql-tree";

/** Keywords that are values, so a `-` after them is binary, not a sign. */
const valueKeywords = new Set([
  "NULL",
  "TRUE",
  "FALSE",
  "END",
  "CURRENT_DATE",
  "CURRENT_TIME",
  "CURRENT_TIMESTAMP",
  "LOCALTIME",
  "LOCALTIMESTAMP",
  "CURRENT_USER",
  "SESSION_USER",
  "USER",
  "CURRENT_SCHEMA",
  "CURRENT_ROLE",
  "CURRENT_CATALOG",
]);

/**
 * Keywords written like functions, `COALESCE(a, b)`, `CURRENT_TIMESTAMP(3)`: no space before
 * their parenthesis (other keywords, `IN (`, `ANY (`, `EXISTS (`, take one, as in pg_get_expr).
 */
const callKeywords = new Set([
  "CAST",
  "COALESCE",
  "GREATEST",
  "LEAST",
  "NULLIF",
  "EXTRACT",
  "OVERLAY",
  "POSITION",
  "SUBSTRING",
  "TRIM",
  "TREAT",
  "NORMALIZE",
  "GROUPING",
  "ROW",
  "CURRENT_TIME",
  "CURRENT_TIMESTAMP",
  "LOCALTIME",
  "LOCALTIMESTAMP",
  "XMLATTRIBUTES",
  "XMLCONCAT",
  "XMLELEMENT",
  "XMLEXISTS",
  "XMLFOREST",
  "XMLPARSE",
  "XMLPI",
  "XMLROOT",
  "XMLSERIALIZE",
]);

const simpleIdentifier = /^[a-z_][a-z0-9_$]*$/;

/** Writes an identifier the way PostgreSQL's deparser does: bare when it can be, quoted otherwise. */
export function renderIdentifier(name: string): string {
  if (simpleIdentifier.test(name) && !isKeyword(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Writes a keyword-or-identifier word: keywords in upper case (except `true`/`false`, which
 * PostgreSQL prints in lower case), other words folded to lower case as PostgreSQL folds them.
 */
function renderWord(text: string, asName: boolean): string {
  const lower = text.toLowerCase();
  // `BY` is unreserved, but never a column name in practice; `GROUP BY` reads better.
  if (!asName && lower === "by") return "BY";
  if (asName || !isKeyword(lower)) return lower;
  return lower === "true" || lower === "false" ? lower : lower.toUpperCase();
}

/** True when `node` ends an operand (a value, a name, a closing bracket), so a following `-` is binary. */
export function isOperandEnd(node: SqlNode | undefined): boolean {
  if (node === undefined) return false;
  switch (node.kind) {
    case "string":
    case "ident":
    case "number":
    case "group":
      return true;
    case "word":
      return !isKeyword(node.text) || valueKeywords.has(node.text.toUpperCase());
    case "op":
      return false;
  }
}

function isUnary(items: readonly SqlNode[], index: number, names: ReadonlySet<number>): boolean {
  return isOp(items[index], "-", "+") && !names.has(index - 1) && !isOperandEnd(items[index - 1]);
}

/** True when `(` after `prev` is a call or a type modifier, written without a space. */
function hugsParen(prev: SqlNode, prevIsName: boolean): boolean {
  if (prev.kind === "ident") return true;
  if (prev.kind === "word") return prevIsName || !isKeyword(prev.text) || callKeywords.has(prev.text.toUpperCase());
  return false;
}

/**
 * Renders nodes as canonical text: single spaces between items, none inside brackets, around
 * `.` and `::`, before `,` or after a unary sign; calls written `f(x)`, keywords upper case,
 * identifiers bare when PostgreSQL would print them bare.
 */
export function renderSql(items: readonly SqlNode[]): string {
  let out = "";
  // Words that are names, not keywords: type names after `::` and names after `.`.
  const names = new Set<number>();
  for (let i = 0; i < items.length; i += 1) {
    if (isOp(items[i], "::")) {
      const end = readTypeEnd(items, i + 1);
      for (let j = i + 1; j < end; j += 1) names.add(j);
    } else if (isOp(items[i], ".")) {
      names.add(i + 1);
    }
  }
  items.forEach((item, i) => {
    const prev = items[i - 1];
    const text = renderNode(item, names.has(i));
    if (prev !== undefined && needsSpace(prev, item, names.has(i - 1), isUnary(items, i - 1, names))) out += " ";
    out += text;
  });
  return out;
}

function needsSpace(prev: SqlNode, item: SqlNode, prevIsName: boolean, prevIsUnary: boolean): boolean {
  if (prevIsUnary) return false;
  if (isOp(item, ",", ".", "::", ";") || isOp(prev, ".", "::")) return false;
  if (item.kind === "group") {
    if (item.open === "[") return prev.kind === "op";
    return !hugsParen(prev, prevIsName);
  }
  return true;
}

function renderNode(node: SqlNode, asName: boolean): string {
  switch (node.kind) {
    case "string":
    case "number":
    case "op":
      return node.text;
    case "ident":
      return renderIdentifier(node.name);
    case "word":
      return renderWord(node.text, asName);
    case "group":
      return node.open === "(" ? `(${renderSql(node.items)})` : `[${renderSql(node.items)}]`;
  }
}
