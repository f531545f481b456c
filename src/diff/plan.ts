/**
 * The diff collects operations into buckets, one per step, and `orderPlan` concatenates them.
 * The order keeps every step valid on PostgreSQL and SQLite:
 *
 *  1. `renames`           renameTable, renameColumn (everything after uses the new names)
 *  2. `dropViews`         views removed or changed, and views that may read a changed table
 *                         (dependent views first)
 *  3. `dropForeignKeys`   FKs removed or changed, FKs whose columns or referenced key change,
 *                         FKs closing a cycle between dropped tables
 *  4. `dropTables`        tables removed, tables referencing others first
 *  5. `dropConstraints`   per table: indexes, uniques, checks, exclusions, primary key
 *  6. `enums`             createEnum, alterEnum (before any table or column using them)
 *  7. `createTables`      new tables, referenced tables first, FKs inline where possible
 *  8. `columns`           per table: dropColumn, alterColumn, addColumn, setTableComment
 *  9. `createConstraints` per table: primary key, uniques, indexes, checks, exclusions
 * 10. `createForeignKeys` FKs added, changed or deferred out of a createTable
 * 11. `dropEnums`         enums no column uses any more
 * 12. `createViews`       views added, changed or dropped in step 2, dependencies first
 */
import type { Operation } from "../ops/types";
import type { TableTarget } from "../ops/types";

export interface Plan {
  readonly renames: Operation[];
  readonly dropViews: Operation[];
  readonly dropForeignKeys: Operation[];
  readonly dropTables: Operation[];
  readonly dropConstraints: Operation[];
  readonly enums: Operation[];
  readonly createTables: Operation[];
  readonly columns: Operation[];
  readonly createConstraints: Operation[];
  readonly createForeignKeys: Operation[];
  readonly dropEnums: Operation[];
  readonly createViews: Operation[];
}

export function createPlan(): Plan {
  return {
    renames: [],
    dropViews: [],
    dropForeignKeys: [],
    dropTables: [],
    dropConstraints: [],
    enums: [],
    createTables: [],
    columns: [],
    createConstraints: [],
    createForeignKeys: [],
    dropEnums: [],
    createViews: [],
  };
}

/** The plan's operations in execution order (see this file's header). */
export function orderPlan(plan: Plan): Operation[] {
  return [
    ...plan.renames,
    ...plan.dropViews,
    ...plan.dropForeignKeys,
    ...plan.dropTables,
    ...plan.dropConstraints,
    ...plan.enums,
    ...plan.createTables,
    ...plan.columns,
    ...plan.createConstraints,
    ...plan.createForeignKeys,
    ...plan.dropEnums,
    ...plan.createViews,
  ];
}

/** The `schema?`/`table` pair naming a table in an operation. */
export function targetOf(table: { readonly schema?: string; readonly name: string }): TableTarget {
  return table.schema === undefined
    ? { table: table.name }
    : { schema: table.schema, table: table.name };
}
