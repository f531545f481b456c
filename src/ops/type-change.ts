/**
 * Classifies a column type change, for hazard reporting.
 *
 * | from → to                                         | change     | PostgreSQL rewrites |
 * |---------------------------------------------------|------------|---------------------|
 * | varchar(n) → varchar(m ≥ n), varchar, text          | widening   | no                  |
 * | text → varchar (no length)                         | widening   | no                  |
 * | varchar(n)/varchar/text → varchar(m < n)           | narrowing  | no (checks values)  |
 * | char(n) → char(m > n)                              | widening   | yes                 |
 * | char(n) → varchar(m ≥ n), varchar, text             | widening   | yes                 |
 * | char/varchar/text → char(m) (shorter or unknown)   | narrowing  | yes                 |
 * | smallint → integer → bigint                        | widening   | yes                 |
 * | bigint → integer → smallint                        | narrowing  | yes                 |
 * | smallint/integer/bigint → numeric with room         | widening   | yes                 |
 * | smallint/integer → double, smallint → real          | widening   | yes                 |
 * | other integer → real/double                        | narrowing  | yes (precision)     |
 * | real → double                                      | widening   | yes                 |
 * | double → real, real/double/numeric → integers       | narrowing  | yes                 |
 * | numeric(p,s) → numeric(q ≥ p, s)                   | widening   | no                  |
 * | numeric(p,s) → numeric(q,t), t > s, q−t ≥ p−s       | widening   | yes                 |
 * | numeric(p,s) → numeric (unconstrained)             | widening   | no                  |
 * | numeric → numeric(p,s); precision or scale reduced | narrowing  | yes                 |
 * | time/timestamp(p) → same kind, (q ≥ p) or none      | widening   | no                  |
 * | time/timestamp(p) → same kind, q < p                | narrowing  | yes                 |
 * | timestamp ↔ timestamptz, time ↔ timetz              | cast       | yes                 |
 * | date → timestamp/timestamptz                       | widening   | yes                 |
 * | timestamp/timestamptz → date                       | narrowing  | yes                 |
 * | inline-enum → superset of its values               | widening   | no                  |
 * | inline-enum → fewer values                         | narrowing  | no                  |
 * | enum/inline-enum → text, varchar (no length)       | widening   | yes                 |
 * | anything else → text                               | widening   | yes                 |
 * | anything else (text → integer, json ↔ jsonb, ...)  | cast       | yes (may fail)      |
 *
 * `narrowing` may lose data (or fail, depending on the database); `cast` converts every value
 * and fails on any that does not convert.
 */
import { stableJson } from "../model/compare";
import type { ColumnType } from "../model/types";

export type TypeChangeClass = "same" | "widening" | "narrowing" | "cast";

export interface TypeChange {
  readonly change: TypeChangeClass;
  /** PostgreSQL rewrites the whole table (and its indexes) for this change. */
  readonly rewrite: boolean;
}

/** Digits before the decimal point each integer type needs. */
const integerDigits = { smallint: 5, integer: 10, bigint: 19 } as const;
const integerRank = { smallint: 1, integer: 2, bigint: 3 } as const;

const same: TypeChange = { change: "same", rewrite: false };
const widenInPlace: TypeChange = { change: "widening", rewrite: false };
const widen: TypeChange = { change: "widening", rewrite: true };
const narrowInPlace: TypeChange = { change: "narrowing", rewrite: false };
const narrow: TypeChange = { change: "narrowing", rewrite: true };
const cast: TypeChange = { change: "cast", rewrite: true };

/** Classifies a type change; see the table in this file's header. */
export function classifyTypeChange(from: ColumnType, to: ColumnType): TypeChange {
  if (stableJson(from) === stableJson(to)) return same;
  switch (from.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return fromInteger(from.kind, to);
    case "real":
      if (to.kind === "double") return widen;
      return towardsText(to) ?? (isInteger(to) || to.kind === "numeric" ? narrow : cast);
    case "double":
      return (
        towardsText(to) ??
        (isInteger(to) || to.kind === "real" || to.kind === "numeric" ? narrow : cast)
      );
    case "numeric":
      return fromNumeric(from, to);
    case "varchar":
    case "text":
      return fromString(from.kind === "varchar" ? from.length : undefined, to, false);
    case "char":
      return fromString(from.length ?? 1, to, true);
    case "time":
    case "timestamp":
      if (to.kind === from.kind) {
        if (to.withTimeZone !== from.withTimeZone) return cast;
        return (to.precision ?? 6) >= (from.precision ?? 6) ? widenInPlace : narrow;
      }
      if (from.kind === "timestamp" && to.kind === "date") return narrow;
      return towardsText(to) ?? cast;
    case "date":
      if (to.kind === "timestamp") return widen;
      return towardsText(to) ?? cast;
    case "inline-enum": {
      if (to.kind === "inline-enum") {
        const kept = new Set(to.values);
        return from.values.every((v) => kept.has(v)) ? widenInPlace : narrowInPlace;
      }
      return towardsText(to) ?? cast;
    }
    case "boolean":
    case "uuid":
    case "json":
    case "jsonb":
    case "blob":
    case "interval":
    case "enum":
    case "array":
    case "native":
      return towardsText(to) ?? cast;
  }
}

function isInteger(type: ColumnType): boolean {
  return type.kind === "smallint" || type.kind === "integer" || type.kind === "bigint";
}

/** Every value has a text form, so a change to unbounded text never loses data. */
function towardsText(to: ColumnType): TypeChange | undefined {
  if (to.kind === "text" || (to.kind === "varchar" && to.length === undefined)) return widen;
  return undefined;
}

function fromInteger(kind: keyof typeof integerRank, to: ColumnType): TypeChange {
  switch (to.kind) {
    case "smallint":
    case "integer":
    case "bigint":
      return integerRank[to.kind] > integerRank[kind] ? widen : narrow;
    case "numeric": {
      if (to.precision === undefined) return widen;
      return to.precision - (to.scale ?? 0) >= integerDigits[kind] ? widen : narrow;
    }
    case "double":
      // A double holds 53 bits exactly; a real 24.
      return kind === "bigint" ? narrow : widen;
    case "real":
      return kind === "smallint" ? widen : narrow;
    default:
      return towardsText(to) ?? cast;
  }
}

function fromNumeric(
  from: { readonly precision?: number; readonly scale?: number },
  to: ColumnType,
): TypeChange {
  if (to.kind === "numeric") {
    if (to.precision === undefined) return widenInPlace;
    if (from.precision === undefined) return narrow;
    const fromScale = from.scale ?? 0;
    const toScale = to.scale ?? 0;
    if (toScale === fromScale) return to.precision >= from.precision ? widenInPlace : narrow;
    const room = to.precision - toScale >= from.precision - fromScale;
    return toScale > fromScale && room ? widen : narrow;
  }
  if (isInteger(to) || to.kind === "real" || to.kind === "double") return narrow;
  return towardsText(to) ?? cast;
}

function fromString(length: number | undefined, to: ColumnType, padded: boolean): TypeChange {
  switch (to.kind) {
    case "text":
      return padded ? widen : widenInPlace;
    case "varchar": {
      const fits = to.length === undefined || (length !== undefined && to.length >= length);
      if (padded) return fits ? widen : narrow;
      return fits ? widenInPlace : narrowInPlace;
    }
    case "char": {
      const fits = length !== undefined && (to.length ?? 1) >= length;
      return fits ? widen : narrow;
    }
    default:
      return cast;
  }
}
