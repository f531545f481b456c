import type { ColumnType } from "../../model/types";
import { assertNever } from "../../util/assert-never";
import { RetortError } from "../../util/errors";
import { quoteIdent } from "./quote";

/** Lower-cases and collapses whitespace outside double-quoted parts; tightens `( , )`. */
function normalizeSpelling(sql: string): string {
  const parts = sql.trim().split(/("(?:[^"]|"")*")/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .toLowerCase()
        .replace(/\s+/g, " ")
        .replace(/\s*([(),\[\]])\s*/g, "$1")
        .replace(/\)(?=[a-z])/g, ") ");
    })
    .join("")
    .trim();
}

/** Strips array suffixes (`[]`, `[3]`, ` array`, ` array[3]`); PostgreSQL ignores dimensions. */
function stripArray(spelling: string): string | undefined {
  const match = /^(.*?)(?:\[\d*\]| array(?:\[\d*\])?)+$/.exec(spelling);
  return match === null ? undefined : match[1].trim();
}

const fixedKinds: Readonly<Record<string, ColumnType>> = {
  smallint: { kind: "smallint" },
  int2: { kind: "smallint" },
  smallserial: { kind: "smallint" },
  serial2: { kind: "smallint" },
  integer: { kind: "integer" },
  int: { kind: "integer" },
  int4: { kind: "integer" },
  serial: { kind: "integer" },
  serial4: { kind: "integer" },
  bigint: { kind: "bigint" },
  int8: { kind: "bigint" },
  bigserial: { kind: "bigint" },
  serial8: { kind: "bigint" },
  real: { kind: "real" },
  float4: { kind: "real" },
  "double precision": { kind: "double" },
  float8: { kind: "double" },
  boolean: { kind: "boolean" },
  bool: { kind: "boolean" },
  text: { kind: "text" },
  // TypeORM stores these as text (PostgresDriver.normalizeType).
  "simple-array": { kind: "text" },
  "simple-json": { kind: "text" },
  uuid: { kind: "uuid" },
  json: { kind: "json" },
  jsonb: { kind: "jsonb" },
  bytea: { kind: "blob" },
  date: { kind: "date" },
  interval: { kind: "interval" },
};

/** Native types PostgreSQL reports under another name than the one commonly written. */
const nativeAliases: Readonly<Record<string, string>> = {
  varbit: "bit varying",
  bit: "bit(1)",
  timetz: "time with time zone",
};

function parseArgs(args: string | undefined): number[] | undefined {
  if (args === undefined) return [];
  const parts = args.split(",");
  if (!parts.every((p) => /^\d+$/.test(p))) return undefined;
  return parts.map(Number);
}

function parseBase(spelling: string): ColumnType {
  const native: ColumnType = { kind: "native", sql: spelling };
  const match = /^([^()]+?)(?:\(([^()]*)\))?(?: (with|without) time zone)?$/.exec(spelling);
  if (match === null) return native;
  const [, name, rawArgs, zone] = match;
  const args = parseArgs(rawArgs);
  if (args === undefined) return native;
  const [first, second] = args;
  const length = first === undefined ? {} : { length: first };
  const precision = first === undefined ? {} : { precision: first };
  if (zone === undefined && args.length === 0 && fixedKinds[name] !== undefined) return fixedKinds[name];
  switch (name) {
    case "character varying":
    case "varchar":
    case "char varying":
      return args.length <= 1 && zone === undefined ? { kind: "varchar", ...length } : native;
    case "character":
    case "char":
      // A bare `character` column is `character(1)` (PostgreSQL datatype-character docs).
      return args.length <= 1 && zone === undefined ? { kind: "char", length: first ?? 1 } : native;
    case "bpchar":
      return args.length <= 1 && zone === undefined ? { kind: "char", ...length } : native;
    case "numeric":
    case "decimal":
      if (zone !== undefined || args.length > 2) return native;
      // `numeric(10)` is stored and reported as `numeric(10,0)`.
      return first === undefined ? { kind: "numeric" } : { kind: "numeric", precision: first, scale: second ?? 0 };
    case "float":
      if (zone !== undefined || args.length > 1) return native;
      // float(p): p ≤ 24 is real, above (or no p) is double precision.
      return first !== undefined && first <= 24 ? { kind: "real" } : { kind: "double" };
    case "time":
    case "timestamp":
      if (args.length > 1) return native;
      return { kind: name === "time" ? "time" : "timestamp", ...precision, withTimeZone: zone === "with" };
    case "timetz":
    case "timestamptz":
      if (args.length > 1 || zone !== undefined) return native;
      return { kind: name === "timetz" ? "time" : "timestamp", ...precision, withTimeZone: true };
    default:
      return { kind: "native", sql: nativeAliases[spelling] ?? spelling.replace(/^varbit\(/, "bit varying(") };
  }
}

/**
 * Parses a PostgreSQL type spelling, TypeORM's (`varchar(255)`, `int4`, `timestamptz`,
 * `TIMESTAMP(3) WITH TIME ZONE`, `text array`) or the catalog's `format_type` output
 * (`character varying(255)`, `timestamp(3) with time zone`, `integer[]`), into a canonical type.
 * Serial pseudo-types map to their integer type (the sequence is an identity, not a type).
 * Unknown types become `{ kind: "native" }` lower-cased with whitespace collapsed.
 */
export function parseType(sql: string): ColumnType {
  const spelling = normalizeSpelling(sql);
  const element = stripArray(spelling);
  if (element !== undefined && element !== "") {
    const parsed = parseBase(element);
    return { kind: "array", element: parsed };
  }
  return parseBase(spelling);
}

function withPrecision(name: string, precision: number | undefined): string {
  return precision === undefined ? name : `${name}(${precision})`;
}

/** Writes a canonical type in PostgreSQL's own spelling (the one `format_type` reports). */
export function formatType(type: ColumnType): string {
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
    case "real":
    case "boolean":
    case "text":
    case "uuid":
    case "json":
    case "jsonb":
    case "date":
    case "interval":
      return type.kind;
    case "double":
      return "double precision";
    case "numeric":
      if (type.precision === undefined) return "numeric";
      return type.scale === undefined ? `numeric(${type.precision})` : `numeric(${type.precision},${type.scale})`;
    case "varchar":
      return type.length === undefined ? "character varying" : `character varying(${type.length})`;
    case "char":
      return type.length === undefined ? "bpchar" : `character(${type.length})`;
    case "blob":
      return "bytea";
    case "time":
    case "timestamp":
      return `${withPrecision(type.kind, type.precision)} ${type.withTimeZone ? "with" : "without"} time zone`;
    case "enum":
      return type.schema === undefined ? quoteIdent(type.name) : `${quoteIdent(type.schema)}.${quoteIdent(type.name)}`;
    case "inline-enum":
      throw new RetortError("internal", "An inline enum has no PostgreSQL spelling; PostgreSQL enums are named types.");
    case "array":
      return `${formatType(type.element.kind === "array" ? type.element.element : type.element)}[]`;
    case "native":
      return type.sql;
    default:
      return assertNever(type, "column type");
  }
}
