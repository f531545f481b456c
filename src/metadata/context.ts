import type { DataSource } from "typeorm";
import type { Driver } from "typeorm/driver/Driver";
import type { Dialect } from "../dialects/dialect";
import type { TypeormBehaviour } from "./dialect-behaviour";

/** Everything the metadata readers share while turning one DataSource into a model. */
export interface ReadContext {
  readonly dataSource: DataSource;
  readonly driver: Driver;
  readonly dialect: Dialect;
  readonly behaviour: TypeormBehaviour;
  /** The schema unqualified names live in; the model omits it (CONVENTIONS.md point 1). */
  readonly defaultSchema: string;
}

/**
 * The schema as the model writes it: absent when the dialect has no schemas, when TypeORM did
 * not resolve one, or when it is the default schema.
 */
export function toModelSchema(context: ReadContext, schema: string | undefined): string | undefined {
  if (!context.dialect.capabilities.schemas) return undefined;
  if (schema === undefined || schema === "" || schema === context.defaultSchema) return undefined;
  return schema;
}

/**
 * The schema unqualified names resolve to: PostgreSQL's `current_schema()` once the DataSource
 * is connected (TypeORM keeps it as the driver's `searchSchema`), the dialect's default before.
 */
export function resolveDefaultSchema(driver: Driver, dialect: Dialect): string {
  const searchSchema: unknown = (driver as { searchSchema?: unknown }).searchSchema;
  return typeof searchSchema === "string" && searchSchema !== "" ? searchSchema : dialect.defaultSchema;
}
