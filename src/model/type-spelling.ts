import type { ColumnType } from "./types";

/**
 * The dialect-neutral spelling of canonical column types that migration files use:
 * `"varchar(255)"`, `"numeric(10,2)"`, `"timestamptz(6)"`, `"integer[]"`. Types without such a
 * spelling (enum references, inline enums, native types) are written as their `ColumnType`
 * object instead. `parseTypeSpelling(spellColumnType(t))` gives back `t`.
 */
export type TypeSpelling = string;

const simple = [
  "smallint",
  "integer",
  "bigint",
  "real",
  "double",
  "boolean",
  "text",
  "uuid",
  "json",
  "jsonb",
  "blob",
  "date",
  "interval",
] as const;
type SimpleKind = (typeof simple)[number];
const simpleKinds: ReadonlySet<string> = new Set(simple);

/** Returns the neutral spelling of a type, or `undefined` when it has none (enum, native...). */
export function spellColumnType(type: ColumnType): TypeSpelling | undefined {
  const args = (...values: (number | undefined)[]): string => {
    const present = values.filter((v): v is number => v !== undefined);
    return present.length === 0 ? "" : `(${present.join(",")})`;
  };
  switch (type.kind) {
    case "numeric":
      return type.precision === undefined && type.scale !== undefined
        ? undefined
        : `numeric${args(type.precision, type.scale)}`;
    case "varchar":
    case "char":
      return `${type.kind}${args(type.length)}`;
    case "time":
      return `${type.withTimeZone ? "timetz" : "time"}${args(type.precision)}`;
    case "timestamp":
      return `${type.withTimeZone ? "timestamptz" : "timestamp"}${args(type.precision)}`;
    case "array": {
      const element = spellColumnType(type.element);
      return element === undefined || type.element.kind === "array" ? undefined : `${element}[]`;
    }
    case "enum":
    case "inline-enum":
    case "native":
      return undefined;
    default:
      return simpleKinds.has(type.kind) ? type.kind : undefined;
  }
}

const pattern = /^([a-z]+)(?:\((\d+)(?:,(\d+))?\))?(\[\])?$/;

/** Parses a neutral spelling; returns `undefined` when the text is not one. */
export function parseTypeSpelling(text: TypeSpelling): ColumnType | undefined {
  const match = pattern.exec(text.replace(/\s+/g, "").toLowerCase());
  if (match === null) return undefined;
  const [, name, first, second, array] = match;
  const a = first === undefined ? undefined : Number(first);
  const b = second === undefined ? undefined : Number(second);
  const element = parseBase(name ?? "", a, b);
  if (element === undefined) return undefined;
  return array === undefined ? element : { kind: "array", element };
}

function parseBase(name: string, a: number | undefined, b: number | undefined): ColumnType | undefined {
  const only = <T>(value: T): T | undefined => (b === undefined ? value : undefined);
  const withOptional = <K extends string, P extends string>(kind: K, key: P, value: number | undefined) =>
    (value === undefined ? { kind } : { kind, [key]: value }) as { kind: K } & { [Q in P]?: number };
  switch (name) {
    case "numeric":
      return {
        kind: "numeric",
        ...(a === undefined ? {} : { precision: a }),
        ...(b === undefined ? {} : { scale: b }),
      };
    case "varchar":
    case "char":
      return only(withOptional(name, "length", a));
    case "time":
    case "timetz":
      return only({ ...withOptional("time", "precision", a), withTimeZone: name === "timetz" });
    case "timestamp":
    case "timestamptz":
      return only({ ...withOptional("timestamp", "precision", a), withTimeZone: name === "timestamptz" });
    default:
      return simpleKinds.has(name) && a === undefined ? { kind: name as SimpleKind } : undefined;
  }
}
