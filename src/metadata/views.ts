import type { EntityMetadata } from "typeorm";
import type { View } from "../model/types";
import type { ReadContext } from "./context";
import { toModelSchema } from "./context";
import { RetortError } from "../util/errors";

/**
 * A view entity as `createView` writes it: the query TypeORM records (the string expression, or
 * the query builder's SQL), normalised by the dialect; materialized only where the database has
 * materialized views (TypeORM writes a plain view on SQLite).
 */
export function readView(context: ReadContext, metadata: EntityMetadata): View {
  const { schema } = context.driver.parseTableName(metadata);
  const modelSchema = toModelSchema(context, schema);
  const materialized =
    context.behaviour.materializedViews && metadata.tableMetadataArgs.materialized === true;
  return {
    ...(modelSchema === undefined ? {} : { schema: modelSchema }),
    name: metadata.tableName,
    definition: context.dialect.normalizeExpression(readViewExpression(context, metadata)),
    materialized,
  };
}

function readViewExpression(context: ReadContext, metadata: EntityMetadata): string {
  const expression = metadata.expression;
  if (typeof expression === "string") return expression.trim();
  if (typeof expression === "function") return expression(context.dataSource).getQuery();
  throw new RetortError("internal", `View entity ${metadata.name} has no expression`);
}
