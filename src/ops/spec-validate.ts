/**
 * Checks for values coming from migration files. They may be plain JavaScript (no type
 * checker) or hand-edited, so every spec is checked at run time: a misspelt option or type
 * must fail loudly, naming where, instead of silently producing a different schema.
 */
import type { ColumnType, ColumnTypeKind } from "../model/types";
import { InvalidOperationError } from "../util/errors";

/** Throws an {@link InvalidOperationError} saying what is wrong and where. */
export function invalid(where: string, problem: string): never {
  throw new InvalidOperationError(where, `${where}: ${problem}`);
}

/** Shows a value from a spec in a message, short and on one line. */
export function show(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "function") return "a function";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Checks that `value` is an object whose keys are all among `allowed`. */
export function requireRecord(
  value: unknown,
  allowed: readonly string[],
  where: string,
): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) invalid(where, `expected an object, got ${show(value)}`);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      invalid(where, `unknown option "${key}" (expected one of ${allowed.join(", ")})`);
    }
  }
  return value;
}

export function requireString(value: unknown, where: string): string {
  if (typeof value !== "string" || value.length === 0) {
    invalid(where, `expected a non-empty string, got ${show(value)}`);
  }
  return value;
}

/** A string that may be empty (comments, enum values). */
export function requireText(value: unknown, where: string): string {
  if (typeof value !== "string") invalid(where, `expected a string, got ${show(value)}`);
  return value;
}

export function requireBoolean(value: unknown, where: string): boolean {
  if (typeof value !== "boolean") invalid(where, `expected true or false, got ${show(value)}`);
  return value;
}

/** A list of strings; `nonEmpty` for the columns of a key or an index. */
export function requireStrings(value: unknown, where: string, nonEmpty: boolean): string[] {
  if (!Array.isArray(value)) invalid(where, `expected a list of strings, got ${show(value)}`);
  if (nonEmpty && value.length === 0) invalid(where, "expected at least one name");
  return value.map((item: unknown, i) => (nonEmpty ? requireString(item, `${where}[${i}]`) : requireText(item, `${where}[${i}]`)));
}

/** A list whose items are checked one by one. */
export function requireList(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) invalid(where, `expected a list, got ${show(value)}`);
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    invalid(where, `expected one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${show(value)}`);
  }
  return value as T;
}

/** Throws when two items share a name (two columns "id" in one table...). */
export function requireDistinct(names: readonly string[], what: string, where: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) invalid(where, `${what} "${name}" is declared twice`);
    seen.add(name);
  }
}

function optionalInteger(
  t: Readonly<Record<string, unknown>>,
  key: string,
  min: number,
  where: string,
): { [key: string]: number } {
  const value = t[key];
  if (value === undefined) return {};
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    invalid(where, `"${key}" must be an integer of at least ${min}, got ${show(value)}`);
  }
  return { [key]: value };
}

type Shape = (t: Readonly<Record<string, unknown>>, where: string) => ColumnType;

const simple =
  <K extends ColumnTypeKind>(kind: K): Shape =>
  (t, where) => {
    requireRecord(t, ["kind"], where);
    return { kind } as ColumnType;
  };

/** One checker per type kind; a new kind in the model is a compile error here until handled. */
const shapes: { readonly [K in ColumnTypeKind]: Shape } = {
  smallint: simple("smallint"),
  integer: simple("integer"),
  bigint: simple("bigint"),
  real: simple("real"),
  double: simple("double"),
  boolean: simple("boolean"),
  text: simple("text"),
  uuid: simple("uuid"),
  json: simple("json"),
  jsonb: simple("jsonb"),
  blob: simple("blob"),
  date: simple("date"),
  interval: simple("interval"),
  numeric: (t, where) => {
    requireRecord(t, ["kind", "precision", "scale"], where);
    return { kind: "numeric", ...optionalInteger(t, "precision", 1, where), ...optionalInteger(t, "scale", 0, where) };
  },
  varchar: (t, where) => {
    requireRecord(t, ["kind", "length"], where);
    return { kind: "varchar", ...optionalInteger(t, "length", 1, where) };
  },
  char: (t, where) => {
    requireRecord(t, ["kind", "length"], where);
    return { kind: "char", ...optionalInteger(t, "length", 1, where) };
  },
  time: (t, where) => {
    requireRecord(t, ["kind", "precision", "withTimeZone"], where);
    const withTimeZone = requireBoolean(t.withTimeZone, `${where} withTimeZone`);
    return { kind: "time", ...optionalInteger(t, "precision", 0, where), withTimeZone };
  },
  timestamp: (t, where) => {
    requireRecord(t, ["kind", "precision", "withTimeZone"], where);
    const withTimeZone = requireBoolean(t.withTimeZone, `${where} withTimeZone`);
    return { kind: "timestamp", ...optionalInteger(t, "precision", 0, where), withTimeZone };
  },
  enum: (t, where) => {
    requireRecord(t, ["kind", "name", "schema"], where);
    const name = requireString(t.name, `${where} name`);
    return t.schema === undefined
      ? { kind: "enum", name }
      : { kind: "enum", name, schema: requireString(t.schema, `${where} schema`) };
  },
  "inline-enum": (t, where) => {
    requireRecord(t, ["kind", "values"], where);
    return { kind: "inline-enum", values: requireStrings(t.values, `${where} values`, false) };
  },
  array: (t, where) => {
    requireRecord(t, ["kind", "element"], where);
    return { kind: "array", element: checkColumnType(t.element, `${where} element`) };
  },
  native: (t, where) => {
    requireRecord(t, ["kind", "sql"], where);
    return { kind: "native", sql: requireString(t.sql, `${where} sql`) };
  },
};

/** Checks a canonical type object and returns a clean copy (no unknown or undefined members). */
export function checkColumnType(value: unknown, where: string): ColumnType {
  if (!isRecord(value) || typeof value.kind !== "string" || !Object.hasOwn(shapes, value.kind)) {
    invalid(
      where,
      `${show(value)} is not a column type; use a spelling such as "varchar(255)" or an object with a known kind ` +
        `(${Object.keys(shapes).join(", ")})`,
    );
  }
  return shapes[value.kind as ColumnTypeKind](value, where);
}
