import { Table } from "typeorm";
import type { EntityMetadata } from "typeorm";
import type { TableModel } from "../model/types";
import { readColumn } from "./columns";
import { readChecks, readExclusions, readForeignKeys, readPrimaryKey, readUniques } from "./constraints";
import type { ReadContext } from "./context";
import { toModelSchema } from "./context";
import { readIndexes } from "./indexes";

/** An entity to be synchronized, with the `Table` TypeORM's schema builder makes of it. */
export interface EntityTable {
  readonly metadata: EntityMetadata;
  readonly table: Table;
}

/**
 * Builds the `Table` that `RdbmsSchemaBuilder.createNewTables` passes to `createTable`, through
 * TypeORM's own `Table.create`, so that names, types and defaults are TypeORM's.
 */
export function createEntityTable(context: ReadContext, metadata: EntityMetadata): EntityTable {
  return { metadata, table: Table.create(metadata, context.driver) };
}

/**
 * One table as `synchronize()` leaves it: `createTable` (columns, primary key, uniques, checks,
 * exclusions, indexes, comment) followed by `createForeignKeys`.
 */
export function readTable(context: ReadContext, { metadata, table }: EntityTable): TableModel {
  const { schema, tableName } = context.driver.parseTableName(table);
  const modelSchema = toModelSchema(context, schema);
  const primaryKey = readPrimaryKey(context, table);
  const comment = context.dialect.capabilities.comments && table.comment ? table.comment : undefined;
  return {
    ...(modelSchema === undefined ? {} : { schema: modelSchema }),
    name: tableName,
    columns: table.columns.map((column) => readColumn(context, table, column)),
    ...(primaryKey === undefined ? {} : { primaryKey }),
    indexes: readIndexes(context, table),
    uniques: readUniques(context, table),
    foreignKeys: readForeignKeys(context, table, metadata.foreignKeys),
    checks: readChecks(context, table),
    exclusions: readExclusions(context, table),
    ...(comment === undefined ? {} : { comment }),
  };
}
