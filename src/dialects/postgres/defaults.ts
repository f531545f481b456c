import { isTimeSensitiveLiteral, normalizeNodes } from "./expressions";
import { readTypeEnd } from "./sql-cast";
import { renderSql } from "./sql-render";
import { isOp, isParenGroup, isWord, parseSqlTree, type SqlNode } from "./sql-tree";

/**
 * The SQL functions TypeORM rewrites as `('now'::text)::<type>` (PostgresDriver
 * normalizeDatetimeFunction), keyed by that type; PostgreSQL 10+ stores the functions under
 * their own names, so both spellings map to the function.
 */
function datetimeFunction(typeText: string): string | undefined {
  const match = /^(timestamp|time)(?:\((\d+)\))? with(out)? time zone$|^date$/.exec(typeText);
  if (match === null) return undefined;
  if (typeText === "date") return "CURRENT_DATE";
  const [, kind, precision, without] = match;
  const suffix = precision === undefined ? "" : `(${precision})`;
  if (kind === "timestamp") {
    if (without !== undefined) return `LOCALTIMESTAMP${suffix}`;
    return precision === undefined ? "now()" : `CURRENT_TIMESTAMP${suffix}`;
  }
  return without !== undefined ? `LOCALTIME${suffix}` : `CURRENT_TIME${suffix}`;
}

/** Strips parentheses that wrap the whole list. */
function unwrapWhole(items: readonly SqlNode[]): readonly SqlNode[] {
  let current = items;
  while (current.length === 1 && isParenGroup(current[0])) current = current[0].items;
  return current;
}

/** `('now'::text)::date` and friends → `CURRENT_DATE` …; undefined when it is not that shape. */
function readNowCast(items: readonly SqlNode[]): string | undefined {
  const [inner, cast] = items;
  if (!isParenGroup(inner) || !isOp(cast, "::") || readTypeEnd(items, 2) !== items.length) return undefined;
  const literal = unwrapWhole(inner.items);
  if (literal.length !== 3 || literal[0].kind !== "string" || literal[0].text.toLowerCase() !== "'now'")
    return undefined;
  if (!isOp(literal[1], "::") || !isWord(literal[2], "TEXT")) return undefined;
  // Rendered after its `::` so the words are read as a type name, then the `::` is dropped.
  return datetimeFunction(renderSql(items.slice(1)).slice(2));
}

/** A literal default, its casts stripped; undefined when `items` is something else. */
type Literal = { readonly kind: "number" | "string"; readonly text: string };

/** Reads a literal with any casts and parentheses around it (`('a'::character varying)::text`, `'-1'::integer`). */
function readCastLiteral(items: readonly SqlNode[]): Literal | undefined {
  let current = unwrapWhole(items);
  for (;;) {
    const [first, second] = current;
    if (first === undefined) return undefined;
    if (current.length === 1 && first.kind === "number") return { kind: "number", text: first.text };
    if (current.length === 1 && first.kind === "string") {
      // A time-sensitive literal is only a literal without a cast (see isTimeSensitiveLiteral).
      return current === items || !isTimeSensitiveLiteral(first) ? { kind: "string", text: first.text } : undefined;
    }
    if (current.length === 2 && isOp(first, "-", "+") && second?.kind === "number") {
      return { kind: "number", text: `${isOp(first, "-") ? "-" : ""}${second.text}` };
    }
    const castAt = current.findIndex((n) => isOp(n, "::"));
    if (castAt < 1 || readTypeEnd(current, castAt + 1) !== current.length) return undefined;
    current = unwrapWhole(current.slice(0, castAt));
  }
}

/** Writes JSON with object keys sorted, as jsonb would order them for equal comparison. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Canonical form of a literal default: quoted, numbers included; JSON documents re-serialised. */
function canonicalLiteral(literal: Literal): string {
  if (literal.kind === "number") return `'${literal.text}'`;
  const text = literal.text;
  // E'', B'', X'' literals are kept as written.
  if (!/^'[{[]/.test(text)) return text;
  const content = text.slice(1, -1).replaceAll("''", "'");
  try {
    const parsed: unknown = JSON.parse(content);
    if (parsed === null || typeof parsed !== "object") return text;
    return `'${canonicalJson(parsed).replaceAll("'", "''")}'`;
  } catch {
    return text;
  }
}

/**
 * Normalises a column default so that TypeORM's spelling (PostgresDriver.normalizeDefault) and
 * the catalog's (`pg_get_expr(adbin, adrelid)`) compare equal. Idempotent.
 *
 * - literals lose their casts and are always quoted: `42`, `'42'`, `'-1'::integer` → `'42'`,
 *   `'-1'`; `'abc'::character varying` → `'abc'`; JSON documents are re-serialised compactly
 *   with sorted keys (jsonb reorders keys);
 * - `NULL` and `NULL::type` → `NULL` (introspection treats it as no default);
 * - `CURRENT_TIMESTAMP`, `now()`, `transaction_timestamp()`, `('now'::text)::timestamp with time zone` → `now()`;
 *   `('now'::text)::date` → `CURRENT_DATE`, and likewise for `CURRENT_TIME`, `LOCALTIME`,
 *   `LOCALTIMESTAMP` with their precision;
 * - anything else goes through `normalizeExpression` rules (parentheses, casts, keywords).
 */
export function normalizeDefault(sql: string): string {
  const items = unwrapWhole(parseSqlTree(sql));
  const now = readNowCast(items);
  if (now !== undefined) return now;
  if (items.length === 1 && isWord(items[0], "NULL")) return "NULL";
  const literal = readCastLiteral(items);
  if (literal !== undefined) return canonicalLiteral(literal);
  if (items.length >= 1 && isWord(items[0], "NULL") && isOp(items[1], "::") && readTypeEnd(items, 2) === items.length)
    return "NULL";
  const text = renderSql(unwrapWhole(normalizeNodes([...items])));
  if (/^(current_timestamp|now\(\)|transaction_timestamp\(\))$/i.test(text)) return "now()";
  return text;
}
