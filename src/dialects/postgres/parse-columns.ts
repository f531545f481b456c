import type { Column, ColumnType, Identity } from "../../model/types";
import { RetortError } from "../../util/errors";
import type { Row } from "../dialect";
import { readBoolean, readOptionalText, readText } from "./catalog-rows";
import { normalizeDefault } from "./defaults";
import { normalizeExpression } from "./expressions";
import { parseType } from "./types";

/** What column parsing needs to know beyond the row itself. */
export interface ColumnContext {
  /** The schema omitted from the model (the connection's current schema). */
  readonly defaultSchema: string;
  /** TypeORM's recorded expression of a generated column, when `typeorm_metadata` has one. */
  generatedExpression(schema: string, table: string, column: string): string | undefined;
}

function parseEnumReference(name: string, schema: string, defaultSchema: string): ColumnType {
  return schema === defaultSchema ? { kind: "enum", name } : { kind: "enum", name, schema };
}

/** The column's type: enums (and arrays of enums) by name, everything else from `format_type`. */
function parseColumnType(row: Row, defaultSchema: string): ColumnType {
  if (readOptionalText(row, "type_kind") === "e") {
    return parseEnumReference(readText(row, "type_name"), readText(row, "type_schema"), defaultSchema);
  }
  if (readOptionalText(row, "element_kind") === "e") {
    const element = parseEnumReference(readText(row, "element_name"), readText(row, "element_schema"), defaultSchema);
    return { kind: "array", element };
  }
  return parseType(readText(row, "type"));
}

function parseIdentity(row: Row, rawDefault: string | undefined): Identity | undefined {
  const identity = readOptionalText(row, "identity") ?? "";
  switch (identity) {
    case "a":
      return "always";
    case "d":
      return "by-default";
    case "":
      // serial / bigserial: a sequence default (TypeORM's "increment" strategy).
      return rawDefault !== undefined && /^nextval\(/i.test(rawDefault.trim()) ? "increment" : undefined;
    default:
      throw new RetortError("internal", `Unknown pg_attribute.attidentity ${JSON.stringify(identity)}`);
  }
}

/**
 * Builds a column from one row of the columns query. A sequence default becomes
 * `identity: "increment"` and is not kept as a default; a stored generated column keeps its
 * expression (TypeORM's recorded text when there is one) as `computed`, not as a default; a
 * `NULL` default is no default.
 */
export function parseColumnRow(row: Row, context: ColumnContext): Column {
  const schema = readText(row, "schema");
  const table = readText(row, "table");
  const name = readText(row, "name");
  const rawDefault = readOptionalText(row, "default");
  const identity = parseIdentity(row, rawDefault);
  const generated = readOptionalText(row, "generated") ?? "";
  const column: { -readonly [K in keyof Column]: Column[K] } = {
    name,
    type: parseColumnType(row, context.defaultSchema),
    nullable: !readBoolean(row, "not_null"),
  };
  if (generated === "s" && rawDefault !== undefined) {
    const expression = context.generatedExpression(schema, table, name) ?? rawDefault;
    column.computed = { expression: normalizeExpression(expression), stored: true };
  } else if (identity !== undefined) {
    column.identity = identity;
  } else if (rawDefault !== undefined) {
    const normalized = normalizeDefault(rawDefault);
    if (normalized !== "NULL") column.default = normalized;
  }
  const collation = readOptionalText(row, "collation");
  if (collation !== undefined) column.collation = collation;
  const comment = readOptionalText(row, "comment");
  if (comment !== undefined) column.comment = comment;
  return column;
}
