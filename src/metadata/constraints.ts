import type { Table } from "typeorm";
import { TableForeignKey } from "typeorm";
import type { ForeignKeyMetadata } from "typeorm/metadata/ForeignKeyMetadata";
import type { Check, Exclusion, ForeignKey, PrimaryKey, ReferentialAction, Unique } from "../model/types";
import { ConfigError } from "../util/errors";
import type { ReadContext } from "./context";
import { toModelSchema } from "./context";

/**
 * The primary key TypeORM writes: the primary columns in column order, named by the first
 * column's `primaryKeyConstraintName` or the naming strategy (`PK_...`) where keys are named.
 */
export function readPrimaryKey(context: ReadContext, table: Table): PrimaryKey | undefined {
  const primaryColumns = table.columns.filter((column) => column.isPrimary);
  if (primaryColumns.length === 0) return undefined;
  const columns = primaryColumns.map((column) => column.name);
  if (!context.behaviour.namedPrimaryKey) return { columns };
  const name =
    primaryColumns[0]?.primaryKeyConstraintName ?? context.dataSource.namingStrategy.primaryKeyName(table, columns);
  return { name, columns };
}

/**
 * Unique constraints: TypeORM's `UQ_` (and one-to-one `REL_`) constraints, plus, as
 * `createTableSql` does, one for a `unique` column that no single-column constraint covers yet.
 */
export function readUniques(context: ReadContext, table: Table): Unique[] {
  const uniques: Unique[] = table.uniques.map((unique) => ({
    name: unique.name ?? context.dataSource.namingStrategy.uniqueConstraintName(table, unique.columnNames),
    columns: [...unique.columnNames],
  }));
  for (const column of table.columns) {
    if (!column.isUnique) continue;
    if (uniques.some((unique) => unique.columns.length === 1 && unique.columns[0] === column.name)) continue;
    uniques.push({
      name: context.dataSource.namingStrategy.uniqueConstraintName(table, [column.name]),
      columns: [column.name],
    });
  }
  return uniques;
}

/** `CHECK` constraints, expressions through the dialect's `normalizeExpression`. */
export function readChecks(context: ReadContext, table: Table): Check[] {
  return table.checks.map((check) => ({
    name: check.name ?? context.dataSource.namingStrategy.checkConstraintName(table, check.expression ?? ""),
    expression: context.dialect.normalizeExpression(check.expression ?? ""),
  }));
}

/** `EXCLUDE` constraints where TypeORM creates them; the expression is what follows `EXCLUDE`. */
export function readExclusions(context: ReadContext, table: Table): Exclusion[] {
  if (!context.behaviour.exclusions) return [];
  return table.exclusions.map((exclusion) => ({
    name:
      exclusion.name ?? context.dataSource.namingStrategy.exclusionConstraintName(table, exclusion.expression ?? ""),
    expression: context.dialect.normalizeExpression(exclusion.expression ?? ""),
  }));
}

/**
 * The foreign keys `synchronize()` creates for an entity, from TypeORM's own `TableForeignKey`
 * so that the referenced table resolves as the query runner's `getTablePath(foreignKey)` does.
 */
export function readForeignKeys(
  context: ReadContext,
  table: Table,
  foreignKeys: readonly ForeignKeyMetadata[],
): ForeignKey[] {
  return foreignKeys.map((metadata) => {
    const foreignKey = TableForeignKey.create(metadata, context.driver);
    const referenced = context.driver.parseTableName(foreignKey);
    const referencedSchema = toModelSchema(context, referenced.schema);
    const name =
      foreignKey.name ??
      context.dataSource.namingStrategy.foreignKeyName(
        table,
        foreignKey.columnNames,
        metadata.referencedTablePath,
        foreignKey.referencedColumnNames,
      );
    return {
      name,
      columns: [...foreignKey.columnNames],
      ...(referencedSchema === undefined ? {} : { referencedSchema }),
      referencedTable: referenced.tableName,
      referencedColumns: [...foreignKey.referencedColumnNames],
      onDelete: toReferentialAction(foreignKey.onDelete, name),
      onUpdate: toReferentialAction(foreignKey.onUpdate, name),
      ...(foreignKey.deferrable === undefined ? {} : { deferrable: toDeferrable(foreignKey.deferrable, name) }),
    };
  });
}

const referentialActions: Readonly<Record<ReferentialAction, true>> = {
  "NO ACTION": true,
  RESTRICT: true,
  CASCADE: true,
  "SET NULL": true,
  "SET DEFAULT": true,
};

function isReferentialAction(value: string): value is ReferentialAction {
  return Object.prototype.hasOwnProperty.call(referentialActions, value);
}

/** TypeORM writes no `ON DELETE`/`ON UPDATE` when unset, which the database reads as NO ACTION. */
function toReferentialAction(action: string | undefined, foreignKey: string): ReferentialAction {
  if (action === undefined || action === "") return "NO ACTION";
  const upper = action.toUpperCase();
  if (isReferentialAction(upper)) return upper;
  throw new ConfigError(`Foreign key ${foreignKey}: referential action "${action}" is not one retort knows.`);
}

function toDeferrable(deferrable: string, foreignKey: string): "INITIALLY DEFERRED" | "INITIALLY IMMEDIATE" {
  const upper = deferrable.toUpperCase();
  if (upper === "INITIALLY DEFERRED" || upper === "INITIALLY IMMEDIATE") return upper;
  throw new ConfigError(`Foreign key ${foreignKey}: deferrable "${deferrable}" is not one retort knows.`);
}
