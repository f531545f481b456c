import { sortModel } from "../../model/sort";
import type { Column, EnumType, Index, SchemaModel, TableModel, View } from "../../model/types";
import type { IntrospectOptions, Row } from "../dialect";
import { readBoolean, readOptionalText, readText, readTextArray, type CatalogRows } from "./catalog-rows";
import { normalizeExpression } from "./expressions";
import { parseColumnRow } from "./parse-columns";
import { addConstraintRow, parseIndexRow, type TableConstraints } from "./parse-constraints";

/** TypeORM's `typeorm_metadata.type` values that carry expressions we read. */
type MetadataKind = "VIEW" | "MATERIALIZED_VIEW" | "GENERATED_COLUMN";

function tableKey(schema: string, table: string): string {
  return `${schema}\u0000${table}`;
}

function metadataKey(kind: MetadataKind, schema: string, table: string, name: string): string {
  return [kind, schema, table, name].join("\u0000");
}

/** Indexes TypeORM's recorded expressions by kind, schema (its NULL is the default schema), table and name. */
function indexMetadata(rows: readonly Row[], defaultSchema: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    const type = readOptionalText(row, "type");
    const value = readOptionalText(row, "value");
    if (value === undefined || (type !== "VIEW" && type !== "MATERIALIZED_VIEW" && type !== "GENERATED_COLUMN"))
      continue;
    const schema = readOptionalText(row, "schema") ?? defaultSchema;
    map.set(
      metadataKey(type, schema, readOptionalText(row, "table") ?? "", readOptionalText(row, "name") ?? ""),
      value,
    );
  }
  return map;
}

function groupByTable(rows: readonly Row[], excluded: ReadonlySet<string>): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const table = readText(row, "table");
    if (excluded.has(table)) continue;
    const key = tableKey(readText(row, "schema"), table);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [row]);
    else group.push(row);
  }
  return groups;
}

function withSchema<T extends object>(object: T, schema: string, defaultSchema: string): T & { schema?: string } {
  return schema === defaultSchema ? object : { schema, ...object };
}

function parseEnumRow(row: Row, defaultSchema: string): EnumType {
  const base = { name: readText(row, "name"), values: readTextArray(row, "values") };
  return withSchema(base, readText(row, "schema"), defaultSchema);
}

function parseViewRow(row: Row, defaultSchema: string, metadata: ReadonlyMap<string, string>): View {
  const schema = readText(row, "schema");
  const name = readText(row, "name");
  const materialized = readBoolean(row, "materialized");
  // TypeORM records the query it created the view with; prefer it to the deparsed text.
  const recorded = metadata.get(metadataKey(materialized ? "MATERIALIZED_VIEW" : "VIEW", schema, "", name));
  const definition = normalizeExpression(recorded ?? readText(row, "definition"));
  return withSchema({ name, definition, materialized }, schema, defaultSchema);
}

/**
 * Builds the schema model from the rows of the catalog queries: pure, so it is tested with
 * rows captured from a real database. Schemas equal to the default schema (the option, else the
 * connection's `current_schema()`) are omitted; excluded tables are left out even if present.
 */
export function parseCatalog(rows: CatalogRows, options: IntrospectOptions): SchemaModel {
  const context = rows.context[0];
  const defaultSchema =
    options.defaultSchema ??
    (context === undefined ? undefined : readOptionalText(context, "current_schema")) ??
    "public";
  const excluded = new Set(options.excludeTables);
  const metadata = indexMetadata(rows.metadata, defaultSchema);
  const columnRows = groupByTable(rows.columns, excluded);
  const constraintRows = groupByTable(rows.constraints, excluded);
  const indexRows = groupByTable(rows.indexes, excluded);
  const columnContext = {
    defaultSchema,
    generatedExpression: (schema: string, table: string, column: string) =>
      metadata.get(metadataKey("GENERATED_COLUMN", schema, table, column)),
  };

  const tables: TableModel[] = [];
  for (const row of rows.tables) {
    const schema = readText(row, "schema");
    const name = readText(row, "name");
    if (excluded.has(name)) continue;
    const key = tableKey(schema, name);
    const columns: Column[] = (columnRows.get(key) ?? []).map((r) => parseColumnRow(r, columnContext));
    const constraints: TableConstraints = { uniques: [], foreignKeys: [], checks: [], exclusions: [] };
    for (const r of constraintRows.get(key) ?? []) addConstraintRow(constraints, r, defaultSchema);
    const columnNames = new Set(columns.map((c) => c.name));
    const indexes: Index[] = (indexRows.get(key) ?? []).map((r) => parseIndexRow(r, columnNames));
    const table: { -readonly [K in keyof TableModel]: TableModel[K] } = {
      name,
      columns,
      indexes,
      uniques: constraints.uniques,
      foreignKeys: constraints.foreignKeys,
      checks: constraints.checks,
      exclusions: constraints.exclusions,
    };
    if (constraints.primaryKey !== undefined) table.primaryKey = constraints.primaryKey;
    const comment = readOptionalText(row, "comment");
    if (comment !== undefined) table.comment = comment;
    tables.push(withSchema(table, schema, defaultSchema));
  }

  return sortModel({
    tables,
    enums: rows.enums.map((row) => parseEnumRow(row, defaultSchema)),
    views: rows.views
      .filter((row) => !excluded.has(readText(row, "name")))
      .map((row) => parseViewRow(row, defaultSchema, metadata)),
  });
}
