import { isOp, isWord, type SqlNode } from "./sql-tree";

/** First words of multi-word type names and what may follow them. */
const continuations: Readonly<Record<string, readonly string[]>> = {
  character: ["VARYING"],
  char: ["VARYING"],
  national: ["CHARACTER", "CHAR", "VARYING"],
  nchar: ["VARYING"],
  bit: ["VARYING"],
  double: ["PRECISION"],
};

/**
 * Returns the index just after the type name that starts at `start` (the item after `::`):
 * a possibly schema-qualified, possibly multi-word name (`character varying`,
 * `timestamp(3) with time zone`), its modifiers and any `[]` suffixes. Returns `start` when no
 * type name starts there.
 */
export function readTypeEnd(items: readonly SqlNode[], start: number): number {
  const first = items[start];
  if (first === undefined || (first.kind !== "word" && first.kind !== "ident")) return start;
  let i = start + 1;
  if (isOp(items[i], ".") && (items[i + 1]?.kind === "word" || items[i + 1]?.kind === "ident")) i += 2;
  const head = first.kind === "word" ? first.text.toLowerCase() : "";
  const more = continuations[head] ?? [];
  while (more.length > 0 && isWord(items[i], ...more)) i += 1;
  const modifiers = items[i];
  if (modifiers?.kind === "group" && modifiers.open === "(") i += 1;
  if ((head === "time" || head === "timestamp") && isWord(items[i], "WITH", "WITHOUT")) {
    if (isWord(items[i + 1], "TIME") && isWord(items[i + 2], "ZONE")) i += 3;
  }
  for (;;) {
    const suffix = items[i];
    if (suffix?.kind === "group" && suffix.open === "[") i += 1;
    else if (isWord(suffix, "ARRAY")) i += 1;
    else break;
  }
  return i;
}

/** The lower-case words of a type span, without modifiers or array suffixes. */
function typeWords(items: readonly SqlNode[]): string[] {
  const words: string[] = [];
  for (const item of items) {
    if (item.kind === "word") words.push(item.text.toLowerCase());
    else if (item.kind === "ident") words.push(item.name);
  }
  return words.filter((w) => w !== "array");
}

/** True for `text`, `varchar`, `character varying` and `bpchar` (with or without length or `[]`). */
export function isTextType(items: readonly SqlNode[]): boolean {
  const name = typeWords(items).join(" ");
  return ["text", "varchar", "character varying", "char varying", "bpchar"].includes(name);
}

/** True for the integer and numeric types PostgreSQL writes `'-1'::integer` for. */
export function isNumericType(items: readonly SqlNode[]): boolean {
  if (items.some((item) => item.kind === "group" && item.open === "[")) return false;
  const name = typeWords(items).join(" ");
  return [
    "integer",
    "int",
    "int4",
    "bigint",
    "int8",
    "smallint",
    "int2",
    "numeric",
    "decimal",
    "real",
    "float4",
    "double precision",
    "float8",
  ].includes(name);
}
