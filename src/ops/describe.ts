import { qualifiedName } from "../model/keys";
import { assertNever } from "../util/assert-never";
import type { Operation } from "./types";

/** A schema-qualified object name (`schema` omitted for the default schema). */
export interface QualifiedObject {
  readonly schema?: string;
  readonly name: string;
}

/**
 * The table an operation works on, or `undefined` for operations on enums, views and raw SQL.
 * A rename answers with its old name. Runners use this to group operations per table (SQLite
 * rebuilds a table once for several changes).
 */
export function operationTable(op: Operation): QualifiedObject | undefined {
  switch (op.kind) {
    case "createTable":
    case "dropTable":
      return withSchema(op.table.schema, op.table.name);
    case "renameTable":
      return withSchema(op.schema, op.from);
    case "addColumn":
    case "dropColumn":
    case "alterColumn":
    case "renameColumn":
    case "createIndex":
    case "dropIndex":
    case "createUnique":
    case "dropUnique":
    case "createForeignKey":
    case "dropForeignKey":
    case "createCheck":
    case "dropCheck":
    case "createExclusion":
    case "dropExclusion":
    case "createPrimaryKey":
    case "dropPrimaryKey":
    case "setTableComment":
      return withSchema(op.schema, op.table);
    case "createEnum":
    case "dropEnum":
    case "alterEnum":
    case "createView":
    case "dropView":
    case "execute":
      return undefined;
    default:
      return assertNever(op, "operation");
  }
}

/** One human line naming what an operation does: `add column users.email`. */
export function describeOperation(op: Operation): string {
  const table = (): string => {
    const target = operationTable(op);
    return target === undefined ? "" : qualifiedName(target);
  };
  switch (op.kind) {
    case "createTable":
      return `create table ${table()}`;
    case "dropTable":
      return `drop table ${table()}`;
    case "renameTable":
      return `rename table ${table()} to ${op.to}`;
    case "addColumn":
      return `add column ${table()}.${op.column.name}`;
    case "dropColumn":
      return `drop column ${table()}.${op.column.name}`;
    case "alterColumn":
      return `alter column ${table()}.${op.from.name}`;
    case "renameColumn":
      return `rename column ${table()}.${op.from} to ${op.to}`;
    case "createIndex":
      return `create index ${op.index.name} on ${table()}`;
    case "dropIndex":
      return `drop index ${op.index.name} on ${table()}`;
    case "createUnique":
      return `create unique constraint ${op.unique.name} on ${table()}`;
    case "dropUnique":
      return `drop unique constraint ${op.unique.name} on ${table()}`;
    case "createForeignKey":
      return `create foreign key ${op.foreignKey.name} on ${table()}`;
    case "dropForeignKey":
      return `drop foreign key ${op.foreignKey.name} on ${table()}`;
    case "createCheck":
      return `create check ${op.check.name} on ${table()}`;
    case "dropCheck":
      return `drop check ${op.check.name} on ${table()}`;
    case "createExclusion":
      return `create exclusion ${op.exclusion.name} on ${table()}`;
    case "dropExclusion":
      return `drop exclusion ${op.exclusion.name} on ${table()}`;
    case "createPrimaryKey":
      return `create primary key on ${table()}`;
    case "dropPrimaryKey":
      return `drop primary key on ${table()}`;
    case "setTableComment":
      return `set comment on ${table()}`;
    case "createEnum":
      return `create enum ${qualifiedName(op.enumType)}`;
    case "dropEnum":
      return `drop enum ${qualifiedName(op.enumType)}`;
    case "alterEnum":
      return `alter enum ${qualifiedName(op)}`;
    case "createView":
      return `create ${op.view.materialized ? "materialized " : ""}view ${qualifiedName(op.view)}`;
    case "dropView":
      return `drop ${op.view.materialized ? "materialized " : ""}view ${qualifiedName(op.view)}`;
    case "execute":
      return `execute ${firstLine(op.sql)}`;
    default:
      return assertNever(op, "operation");
  }
}

function withSchema(schema: string | undefined, name: string): QualifiedObject {
  return schema === undefined ? { name } : { schema, name };
}

function firstLine(sql: string): string {
  const line = sql.trim().split("\n", 1)[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
