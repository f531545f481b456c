import type { Table, TableColumn } from "typeorm";
import type { Column, Computed, Identity } from "../model/types";
import { readColumnType } from "./column-type";
import type { ReadContext } from "./context";
import { RetortError } from "../util/errors";

/**
 * One column as TypeORM's `CREATE TABLE` writes it (`buildCreateColumnSql` of each query
 * runner), in the model's conventions: optional members only when set, primary-key columns never
 * nullable, defaults and expressions through the dialect's normalisers.
 */
export function readColumn(context: ReadContext, table: Table, column: TableColumn): Column {
  const identity = readIdentity(context, column);
  const computed = readComputed(context, column);
  const defaultSql = readDefault(context, column, computed);
  const comment = context.dialect.capabilities.comments && column.comment ? column.comment : undefined;
  const collation = column.collation ? column.collation : undefined;
  return {
    name: column.name,
    type: readColumnType(context, table, column),
    nullable: column.isNullable && !column.isPrimary,
    ...(defaultSql === undefined ? {} : { default: defaultSql }),
    ...(identity === undefined ? {} : { identity }),
    ...(computed === undefined ? {} : { computed }),
    ...(comment === undefined ? {} : { comment }),
    ...(collation === undefined ? {} : { collation }),
  };
}

/**
 * How the database fills the column in (CONVENTIONS.md point 4): identity columns where the
 * dialect has them, serial columns for any non-uuid generation on PostgreSQL, `AUTOINCREMENT`
 * for the `increment` strategy on SQLite. uuid generation is a default, not an identity.
 */
function readIdentity(context: ReadContext, column: TableColumn): Identity | undefined {
  if (!column.isGenerated) return undefined;
  switch (column.generationStrategy) {
    case "uuid":
      return undefined;
    case "identity":
      if (!context.behaviour.identityColumns) return undefined;
      return column.generatedIdentity === "ALWAYS" ? "always" : "by-default";
    case "increment":
    case "rowid":
    case undefined:
      if (context.behaviour.increment === "serial") return "increment";
      return column.generationStrategy === "increment" ? "increment" : undefined;
  }
}

/** `GENERATED ALWAYS AS (...)`, for the kinds of computed column the dialect gets from TypeORM. */
function readComputed(context: ReadContext, column: TableColumn): Computed | undefined {
  if (!column.asExpression) return undefined;
  const kind = column.generatedType ?? "VIRTUAL";
  if (!context.behaviour.computedKinds.includes(kind)) return undefined;
  return { expression: context.dialect.normalizeExpression(column.asExpression), stored: kind === "STORED" };
}

/**
 * TypeORM's own rendering of the default (`driver.normalizeDefault`, already on the
 * `TableColumn`), or the uuid generator it adds for `@Generated("uuid")`, through the dialect's
 * `normalizeDefault`. A serial column's `nextval(...)` is its identity, never a default.
 */
function readDefault(context: ReadContext, column: TableColumn, computed: Computed | undefined): string | undefined {
  if (computed !== undefined && !context.behaviour.defaultOnComputed) return undefined;
  const given: unknown = column.default;
  if (given !== undefined && given !== null && given !== "") {
    return context.dialect.normalizeDefault(String(given));
  }
  if (column.isGenerated && column.generationStrategy === "uuid" && context.behaviour.uuidDefault) {
    return context.dialect.normalizeDefault(readUuidGenerator(context));
  }
  return undefined;
}

/** The PostgreSQL driver's uuid generator (`uuid_generate_v4()` or, with pgcrypto, `gen_random_uuid()`). */
function readUuidGenerator(context: ReadContext): string {
  const generator: unknown = (context.driver as { uuidGenerator?: unknown }).uuidGenerator;
  if (typeof generator !== "string") {
    throw new RetortError("internal", `The ${context.dataSource.options.type} driver has no uuid generator`);
  }
  return generator;
}
