import type { ColumnType } from "../../model/types";
import { assertNever } from "../../util/assert-never";
import { RetortError } from "../../util/errors";
import { rememberByText } from "../../util/remember-by-text";

/**
 * SQLite keeps a column's declared type as text and only derives an affinity from it
 * (https://www.sqlite.org/datatype3.html#determination_of_column_affinity), so canonical types
 * mirror the spellings TypeORM declares. Both readers call `parseSqliteType`: the entity side with
 * `driver.createFullType(...)`, the live side with `pragma table_xinfo`'s `type` (which SQLite
 * upper-cases for INT/INTEGER/TEXT/REAL/BLOB). Rules, after lower-casing and collapsing spaces:
 *
 * - `int`, `integer` → integer; `smallint`, `int2` → smallint; `bigint`, `int8` → bigint
 * - `boolean`, `bool` → boolean
 * - `varchar`, `character varying`, `varying character`, `nvarchar`, `national varchar` (n) → varchar
 * - `character`, `char`, `nchar`, `native character`, `national character` (n) → char
 * - `text`, `clob` → text; `blob`, `bytea` → blob; `json`, `jsonb`, `uuid`, `interval` → themselves
 * - `real`, `float4` → real; `double`, `double precision`, `float`, `float8` → double
 * - `numeric`, `decimal` [(p[,s])] → numeric
 * - `date` → date; `time` [(p)] → time; `timetz`, `time with time zone` → time with time zone
 * - `datetime`, `timestamp`, `timestamp without time zone` [(p)] → timestamp without time zone;
 *   `timestamptz`, `timestamp with time zone` → timestamp with time zone
 * - a type from the list above with arguments it does not take (`text(100)`, `float(5)`), and
 *   anything else → `{kind: "native", sql}` with sql lower-cased and whitespace collapsed.
 *
 * A schema repeats a handful of spellings thousands of times, so results are remembered by text
 * (each call still returns its own object).
 */
export function parseSqliteType(sql: string): ColumnType {
  return { ...parseTypeTextOnce(sql) };
}

const parseTypeTextOnce = rememberByText(parseTypeText);

function parseTypeText(sql: string): ColumnType {
  const normalized = normalizeTypeText(sql);
  const match = /^([a-z_][a-z0-9_ ]*?)(?: ?\(([+-]?\d+)(?:,([+-]?\d+))?\))?$/.exec(normalized);
  if (match === null) return { kind: "native", sql: normalized };
  const base = match[1] as string;
  const first = match[2] === undefined ? undefined : Number(match[2]);
  const second = match[3] === undefined ? undefined : Number(match[3]);
  const plain = (type: ColumnType): ColumnType => (first === undefined ? type : { kind: "native", sql: normalized });
  const withLength = (kind: "varchar" | "char"): ColumnType =>
    second !== undefined
      ? { kind: "native", sql: normalized }
      : first === undefined
        ? { kind }
        : { kind, length: first };
  const temporal = (kind: "time" | "timestamp", withTimeZone: boolean): ColumnType =>
    second !== undefined
      ? { kind: "native", sql: normalized }
      : { kind, ...(first === undefined ? {} : { precision: first }), withTimeZone };
  switch (base) {
    case "int":
    case "integer":
      return plain({ kind: "integer" });
    case "smallint":
    case "int2":
      return plain({ kind: "smallint" });
    case "bigint":
    case "int8":
      return plain({ kind: "bigint" });
    case "boolean":
    case "bool":
      return plain({ kind: "boolean" });
    case "varchar":
    case "character varying":
    case "varying character":
    case "nvarchar":
    case "national varchar":
      return withLength("varchar");
    case "character":
    case "char":
    case "nchar":
    case "native character":
    case "national character":
      return withLength("char");
    case "text":
    case "clob":
      return plain({ kind: "text" });
    case "blob":
    case "bytea":
      return plain({ kind: "blob" });
    case "json":
      return plain({ kind: "json" });
    case "jsonb":
      return plain({ kind: "jsonb" });
    case "uuid":
      return plain({ kind: "uuid" });
    case "interval":
      return plain({ kind: "interval" });
    case "real":
    case "float4":
      return plain({ kind: "real" });
    case "double":
    case "double precision":
    case "float":
    case "float8":
      return plain({ kind: "double" });
    case "numeric":
    case "decimal":
      return {
        kind: "numeric",
        ...(first === undefined ? {} : { precision: first }),
        ...(second === undefined ? {} : { scale: second }),
      };
    case "date":
      return plain({ kind: "date" });
    case "time":
    case "time without time zone":
      return temporal("time", false);
    case "timetz":
    case "time with time zone":
      return temporal("time", true);
    case "datetime":
    case "timestamp":
    case "timestamp without time zone":
      return temporal("timestamp", false);
    case "timestamptz":
    case "timestamp with time zone":
      return temporal("timestamp", true);
    default:
      return { kind: "native", sql: normalized };
  }
}

/** Lower-cases a type and collapses its spaces: `DECIMAL ( 10 , 2 )` → `decimal(10,2)`. */
function normalizeTypeText(sql: string): string {
  return sql
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/ ?\( ?/g, "(")
    .replace(/ ?, ?/g, ",")
    .replace(/ ?\)/g, ")");
}

function suffix(...args: (number | undefined)[]): string {
  const present = args.filter((arg): arg is number => arg !== undefined);
  return present.length === 0 ? "" : `(${present.join(",")})`;
}

/**
 * Writes a canonical type the way TypeORM declares it on SQLite, so that
 * `parseSqliteType(formatSqliteType(t))` equals `t` for every type SQLite can hold:
 * timestamp → `datetime`, double → `double`, char → `character`, inline-enum → `varchar` (the
 * `CHECK (... IN ...)` that restricts it is written by the column emitter, not here).
 * Named enums and arrays do not exist on SQLite and throw.
 */
export function formatSqliteType(type: ColumnType): string {
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
    case "real":
    case "double":
    case "boolean":
    case "text":
    case "uuid":
    case "json":
    case "jsonb":
    case "blob":
    case "date":
    case "interval":
      return type.kind;
    case "numeric":
      return `numeric${type.precision === undefined ? "" : suffix(type.precision, type.scale)}`;
    case "varchar":
      return `varchar${suffix(type.length)}`;
    case "char":
      return `character${suffix(type.length)}`;
    case "time":
      return `${type.withTimeZone ? "timetz" : "time"}${suffix(type.precision)}`;
    case "timestamp":
      return `${type.withTimeZone ? "timestamptz" : "datetime"}${suffix(type.precision)}`;
    case "inline-enum":
      return "varchar";
    case "native":
      return type.sql;
    case "enum":
    case "array":
      throw new RetortError("internal", `SQLite has no ${type.kind} types: ${JSON.stringify(type)}`);
    default:
      return assertNever(type, "column type");
  }
}
