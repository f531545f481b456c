import type { ColumnType, EnumType } from "../../model/types";
import type { AlterEnumOp, EnumUsage, Operation } from "../../ops/types";
import type { Statement } from "../statement";
import { alterTable, qualify, statement } from "./emit-sql";
import { quoteIdent, quoteLiteral } from "./quote";
import { formatType } from "./types";

/** `CREATE TYPE ... AS ENUM ('a', 'b')` */
export function emitCreateEnum(enumType: EnumType): Statement[] {
  const values = enumType.values.map(quoteLiteral).join(", ");
  return [statement(`CREATE TYPE ${qualify(enumType.schema, enumType.name)} AS ENUM (${values})`)];
}

export function emitDropEnum(enumType: EnumType): Statement[] {
  return [statement(`DROP TYPE ${qualify(enumType.schema, enumType.name)}`)];
}

/**
 * True when `to` keeps every value of `from`, in the same order, and only inserts values:
 * then `ALTER TYPE ... ADD VALUE` is enough and no column is touched.
 */
export function onlyInsertsValues(from: readonly string[], to: readonly string[]): boolean {
  if (to.length <= from.length || new Set(to).size !== to.length) return false;
  const kept = to.filter((value) => from.includes(value));
  return kept.length === from.length && kept.every((value, i) => value === from[i]);
}

/** The positions renamed when `to` is `from` with some labels replaced by new ones, in place. */
function pureRenames(from: readonly string[], to: readonly string[]): [string, string][] | undefined {
  if (to.length !== from.length || new Set(to).size !== to.length) return undefined;
  const renames: [string, string][] = [];
  for (let i = 0; i < from.length; i++) {
    const [old, next] = [from[i] as string, to[i] as string];
    if (old === next) continue;
    if (to.includes(old) || from.includes(next)) return undefined;
    renames.push([old, next]);
  }
  return renames.length === 0 ? undefined : renames;
}

/** True when the operation adds enum values, which PostgreSQL lets no one use before commit. */
export function postgresAddsEnumValues(op: Operation): boolean {
  return op.kind === "alterEnum" && onlyInsertsValues(op.from, op.to);
}

/**
 * Changes an enum's values. Three strategies, cheapest first:
 * - only insertions: `ADD VALUE 'v' [BEFORE|AFTER 'w']` for each new value. PostgreSQL ≥ 12
 *   allows it inside a transaction, but the new value cannot be used until that transaction
 *   commits (https://www.postgresql.org/docs/current/sql-altertype.html);
 * - labels replaced in place: `RENAME VALUE` (stored data follows the label);
 * - anything else (removal, reordering): rename the old type away, create the new one, re-type
 *   every column in `usedBy` through text (failing if a row holds a removed value), drop the old.
 */
export function emitAlterEnum(op: AlterEnumOp): Statement[] {
  const type = qualify(op.schema, op.name);
  if (onlyInsertsValues(op.from, op.to)) return emitAddValues(type, op.from, op.to);
  const renames = pureRenames(op.from, op.to);
  if (renames !== undefined) {
    return renames.map(([old, next]) =>
      statement(`ALTER TYPE ${type} RENAME VALUE ${quoteLiteral(old)} TO ${quoteLiteral(next)}`),
    );
  }
  const oldName = `${op.name}__retort_old`;
  return [
    statement(`ALTER TYPE ${type} RENAME TO ${quoteIdent(oldName)}`),
    ...emitCreateEnum({ ...(op.schema === undefined ? {} : { schema: op.schema }), name: op.name, values: op.to }),
    ...op.usedBy.flatMap(retypeColumn),
    statement(`DROP TYPE ${qualify(op.schema, oldName)}`),
  ];
}

function emitAddValues(type: string, from: readonly string[], to: readonly string[]): Statement[] {
  const out: Statement[] = [];
  to.forEach((value, i) => {
    if (from.includes(value)) return;
    const atEnd = to.slice(i).every((v) => !from.includes(v));
    // Values before `value` in `to` exist by now (added in order), so AFTER the previous works;
    // a leading value goes BEFORE the first old one.
    const place = atEnd
      ? ""
      : i === 0
        ? ` BEFORE ${quoteLiteral(from[0] as string)}`
        : ` AFTER ${quoteLiteral(to[i - 1] as string)}`;
    out.push(statement(`ALTER TYPE ${type} ADD VALUE ${quoteLiteral(value)}${place}`));
  });
  return out;
}

/** `text` for an enum, `text[]` for an array of it: the spelling values pass through. */
function textOf(type: ColumnType): string {
  return type.kind === "array" ? `${textOf(type.element)}[]` : "text";
}

/**
 * Re-types a column onto the re-created enum (its type spelling already names the new type).
 * A default is cast to the old type, so it is dropped first and set again after.
 */
function retypeColumn(usage: EnumUsage): Statement[] {
  const { column } = usage;
  const name = quoteIdent(column.name);
  const alter = (action: string): Statement => alterTable(usage.schema, usage.table, `ALTER COLUMN ${name} ${action}`);
  const newType = formatType(column.type);
  return [
    ...(column.default === undefined ? [] : [alter("DROP DEFAULT")]),
    alter(`TYPE ${newType} USING ${name}::${textOf(column.type)}::${newType}`),
    ...(column.default === undefined ? [] : [alter(`SET DEFAULT ${column.default}`)]),
  ];
}
