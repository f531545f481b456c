import type { Row } from "../dialect";
import type { Check, Column, ColumnType, PrimaryKey } from "../../model/types";
import { RetortError } from "../../util/errors";
import { intCell, optionalTextCell, textCell } from "./catalog-rows";
import { normalizeSqliteDefault, normalizeSqliteExpression } from "./normalize";
import type { ParsedCheck, ParsedColumn, ParsedTable } from "./parse-create-table";
import { isPunct, isWord, splitTopLevel, tokenize } from "./tokenize";
import { parseSqliteType } from "./types";

/** pragma table_xinfo `hidden`: 1 hidden (virtual tables), 2 generated VIRTUAL, 3 generated STORED. */
const hiddenVirtual = 2;
const hiddenStored = 3;

/** Finds a column of the parsed CREATE TABLE by name; SQLite names are case-insensitive. */
export function findParsedColumn(parsed: ParsedTable, name: string): ParsedColumn | undefined {
  return (
    parsed.columns.find((column) => column.name === name) ??
    parsed.columns.find((column) => column.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * Recognises TypeORM's enum check `"col" IN ('a','b')` written inline on the column itself
 * (unnamed, naming that column, only string literals) and returns its values.
 */
export function readInlineEnum(column: ParsedColumn, check: ParsedCheck): string[] | undefined {
  if (check.name !== undefined) return undefined;
  const tokens = tokenize(check.expression);
  const [subject, keyword, open] = tokens;
  if (subject === undefined || !(subject.kind === "word" || subject.kind === "quoted")) return undefined;
  const subjectName = subject.kind === "word" ? subject.text : subject.value;
  if (subjectName.toLowerCase() !== column.name.toLowerCase()) return undefined;
  if (!isWord(keyword, "IN") || !isPunct(open, "(") || !isPunct(tokens[tokens.length - 1], ")")) return undefined;
  const values: string[] = [];
  for (const item of splitTopLevel(tokens.slice(3, -1))) {
    const literal = item[0];
    if (item.length !== 1 || literal === undefined || literal.kind !== "string") return undefined;
    values.push(literal.value);
  }
  return values.length === 0 ? undefined : values;
}

/** The column's inline enum check, when it has one: the first unnamed check that reads as one. */
function findInlineEnum(column: ParsedColumn): { check: ParsedCheck; values: string[] } | undefined {
  for (const check of column.checks) {
    const values = readInlineEnum(column, check);
    if (values !== undefined) return { check, values };
  }
  return undefined;
}

function buildColumn(row: Row, parsed: ParsedColumn | undefined): Column {
  const name = textCell(row, "column_name");
  const inlineEnum = parsed === undefined ? undefined : findInlineEnum(parsed);
  const type: ColumnType =
    inlineEnum === undefined
      ? parseSqliteType(optionalTextCell(row, "column_type") ?? "")
      : { kind: "inline-enum", values: inlineEnum.values };
  const hidden = intCell(row, "hidden");
  const rawDefault = optionalTextCell(row, "default_value");
  const normalizedDefault = rawDefault === undefined ? undefined : normalizeSqliteDefault(rawDefault);
  const computed = parsed?.computed;
  if ((hidden === hiddenVirtual || hidden === hiddenStored) && computed === undefined) {
    throw new RetortError("internal", `SQLite column ${name} is generated but its CREATE TABLE text has no AS (...)`);
  }
  return {
    name,
    type,
    nullable: intCell(row, "not_null") === 0 && intCell(row, "pk") === 0,
    ...(normalizedDefault === undefined || normalizedDefault === "NULL" ? {} : { default: normalizedDefault }),
    ...(parsed?.primaryKey?.autoincrement === true ? { identity: "increment" as const } : {}),
    ...(computed === undefined
      ? {}
      : { computed: { expression: normalizeSqliteExpression(computed.expression), stored: hidden === hiddenStored } }),
    ...(parsed?.collation === undefined ? {} : { collation: parsed.collation }),
  };
}

/**
 * Builds a table's columns (declared order, from pragma table_xinfo rows joined with the parsed
 * CREATE TABLE text) and its primary key (pragma `pk` order, unnamed on SQLite).
 */
export function buildColumns(
  parsed: ParsedTable,
  rows: readonly Row[],
): { columns: Column[]; primaryKey?: PrimaryKey } {
  const visible = rows.filter((row) => intCell(row, "hidden") !== 1);
  const ordered = [...visible].sort((a, b) => intCell(a, "cid") - intCell(b, "cid"));
  const columns = ordered.map((row) => buildColumn(row, findParsedColumn(parsed, textCell(row, "column_name"))));
  const keyColumns = ordered
    .filter((row) => intCell(row, "pk") > 0)
    .sort((a, b) => intCell(a, "pk") - intCell(b, "pk"))
    .map((row) => textCell(row, "column_name"));
  return keyColumns.length === 0 ? { columns } : { columns, primaryKey: { columns: keyColumns } };
}

/**
 * Builds the table's CHECK constraints from its CREATE TABLE text, column checks first (they come
 * first in the text), leaving out inline enum checks (they are the column's type). An unnamed
 * check is called `<table>_check_<n>`, n counting unnamed checks from 1 in declared order.
 */
export function buildChecks(parsed: ParsedTable): Check[] {
  const found: ParsedCheck[] = [];
  for (const column of parsed.columns) {
    const inlineEnum = findInlineEnum(column);
    found.push(...column.checks.filter((check) => check !== inlineEnum?.check));
  }
  for (const constraint of parsed.constraints) {
    if (constraint.kind === "check") found.push(constraint);
  }
  let unnamed = 0;
  return found.map((check) => ({
    name: check.name ?? `${parsed.name}_check_${++unnamed}`,
    expression: normalizeSqliteExpression(check.expression),
  }));
}
