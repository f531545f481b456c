import { rememberByText } from "../../util/remember-by-text";
import { findClosingParen, isPunct, isWord, tokenize, type Token } from "./tokenize";

/** Keywords written upper-case whatever the source says, so `null` and `NULL` compare equal. */
const upperCaseWords = new Set(["NULL", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME"]);

/**
 * Drops trailing `;`, an optional leading keyword wrapping the whole text (`CHECK (...)`), and
 * parentheses that enclose the whole expression, as often as they appear.
 */
function stripWrapping(tokens: readonly Token[], leadingKeyword?: string): Token[] {
  let result = [...tokens];
  while (result.length > 0 && isPunct(result[result.length - 1], ";")) result = result.slice(0, -1);
  if (leadingKeyword !== undefined && isWord(result[0], leadingKeyword) && isPunct(result[1], "(")) {
    if (findClosingParen(result, 1) === result.length - 1) result = result.slice(1);
  }
  while (result.length >= 2 && isPunct(result[0], "(") && findClosingParen(result, 0) === result.length - 1) {
    result = result.slice(1, -1);
  }
  return result;
}

/**
 * Writes tokens back with canonical spacing: one space after `,`; otherwise one space where the
 * source had any whitespace or comment between two tokens, but none after `(` or before `)`/`,`. Everything else (quotes,
 * case of identifiers, literals) is kept as written, because both readers see the same text.
 */
function joinTokens(tokens: readonly Token[]): string {
  let out = "";
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const gap = previous !== undefined && previous.end < token.start;
    const spaced =
      isPunct(previous, ",") || (gap && !isPunct(previous, "(") && !isPunct(token, ")") && !isPunct(token, ","));
    if (spaced) out += " ";
    out +=
      token.kind === "word" && upperCaseWords.has(token.text.toUpperCase()) ? token.text.toUpperCase() : token.text;
  });
  return out;
}

/** Tokenises, unwraps and re-joins; a second pass sees exactly the spaces the first wrote. */
function normalizeTokens(sql: string, leadingKeyword?: string): string {
  return joinTokens(stripWrapping(tokenize(sql), leadingKeyword));
}

/**
 * Normalises a SQLite boolean/check/predicate/view/generated expression so that TypeORM's text
 * and the catalog's text compare equal. Idempotent. Rules:
 * 1. comments dropped; whitespace runs outside literals and quoted names become one space;
 *    none after `(` or before `)` and `,`; exactly one after `,` (`IN ('a','b')` → `IN ('a', 'b')`);
 * 2. trailing `;` dropped; a leading `CHECK` keyword wrapping the rest dropped;
 * 3. parentheses around the whole expression dropped, repeatedly;
 * 4. `NULL`, `CURRENT_TIMESTAMP`, `CURRENT_DATE`, `CURRENT_TIME` upper-cased;
 * 5. everything else (identifier quoting, case, literals) kept as written.
 */
export function normalizeSqliteExpression(sql: string): string {
  return normalizeTokens(sql, "CHECK");
}

/**
 * Normalises a SQLite column default (TypeORM's `DEFAULT (x)` text, or pragma `dflt_value`).
 * Idempotent. The expression rules above (without the `CHECK` rule), plus: a whole default of
 * `TRUE`/`FALSE` becomes `1`/`0` (what SQLite stores and TypeORM writes for booleans).
 * A default of `NULL` normalises to `NULL`; introspection treats that as no default.
 * Results are remembered by text: a schema repeats a few defaults thousands of times.
 */
export const normalizeSqliteDefault: (sql: string) => string = rememberByText(normalizeDefaultText);

function normalizeDefaultText(sql: string): string {
  const normalized = normalizeTokens(sql);
  const upper = normalized.toUpperCase();
  if (upper === "TRUE") return "1";
  if (upper === "FALSE") return "0";
  return normalized;
}
