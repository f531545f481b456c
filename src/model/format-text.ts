/**
 * A SchemaModel as readable text (`retort inspect`): one block per table with its columns
 * aligned (type, null, default, identity, ...), then its keys, indexes and constraints; then
 * enums and views. Pure: no dialect, no I/O. Types are written in the model's canonical spelling.
 */
import { assertNever } from "../util/assert-never";
import { qualifiedName } from "./keys";
import type { Column, ColumnType, ForeignKey, Index, SchemaModel, TableModel } from "./types";

/** A canonical column type as text: `varchar(255)`, `timestamp(3) with time zone`, `integer[]`. */
export function formatColumnType(type: ColumnType): string {
  switch (type.kind) {
    case "smallint":
    case "integer":
    case "bigint":
    case "real":
    case "double":
    case "boolean":
    case "text":
    case "uuid":
    case "json":
    case "jsonb":
    case "blob":
    case "date":
    case "interval":
      return type.kind;
    case "numeric":
      if (type.precision === undefined) return "numeric";
      return type.scale === undefined ? `numeric(${type.precision})` : `numeric(${type.precision},${type.scale})`;
    case "varchar":
    case "char":
      return type.length === undefined ? type.kind : `${type.kind}(${type.length})`;
    case "time":
    case "timestamp":
      return `${type.kind}${type.precision === undefined ? "" : `(${type.precision})`}${type.withTimeZone ? " with time zone" : ""}`;
    case "enum":
      return `enum ${qualifiedName(type)}`;
    case "inline-enum":
      return `enum(${type.values.map(quote).join(", ")})`;
    case "array":
      return `${formatColumnType(type.element)}[]`;
    case "native":
      return type.sql;
    default:
      return assertNever(type, "column type");
  }
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function list(names: readonly string[]): string {
  return `(${names.join(", ")})`;
}

function describeColumn(column: Column): string[] {
  const parts = [formatColumnType(column.type), column.nullable ? "null" : "not null"];
  if (column.default !== undefined) parts.push(`default ${column.default}`);
  if (column.identity !== undefined) parts.push(`identity ${column.identity}`);
  if (column.computed !== undefined) {
    parts.push(`generated as (${column.computed.expression}) ${column.computed.stored ? "stored" : "virtual"}`);
  }
  if (column.collation !== undefined) parts.push(`collate ${column.collation}`);
  if (column.comment !== undefined) parts.push(`comment ${quote(column.comment)}`);
  return parts;
}

function padColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  // Pad only the first three cells (name, type, null); the rest run on, separated by spaces.
  return rows.map((row) =>
    row
      .map((cell, i) => (i < 3 && i < row.length - 1 ? cell.padEnd(widths[i]!) : cell))
      .join("  ")
      .trimEnd(),
  );
}

function describeIndex(index: Index): string {
  const parts = [`${index.unique ? "unique index" : "index"} ${index.name} ${list(index.columns)}`];
  if (index.spatial === true) parts.push("spatial");
  if (index.where !== undefined) parts.push(`where ${index.where}`);
  return parts.join(" ");
}

function describeForeignKey(fk: ForeignKey): string {
  const target = qualifiedName({ name: fk.referencedTable, ...(fk.referencedSchema === undefined ? {} : { schema: fk.referencedSchema }) });
  const parts = [`foreign key ${fk.name} ${list(fk.columns)} -> ${target} ${list(fk.referencedColumns)}`];
  parts.push(`on delete ${fk.onDelete}`, `on update ${fk.onUpdate}`);
  if (fk.deferrable !== undefined) parts.push(`deferrable ${fk.deferrable.toLowerCase()}`);
  return parts.join(" ");
}

function formatTable(table: TableModel): string[] {
  const lines = [`table ${qualifiedName(table)}`];
  if (table.comment !== undefined) lines.push(`  comment ${quote(table.comment)}`);
  const rows = table.columns.map((column) => [column.name, ...describeColumn(column)]);
  lines.push(...padColumns(rows).map((row) => `  ${row}`));
  if (table.primaryKey !== undefined) {
    const name = table.primaryKey.name === undefined ? "" : ` ${table.primaryKey.name}`;
    lines.push(`  primary key${name} ${list(table.primaryKey.columns)}`);
  }
  for (const index of table.indexes) lines.push(`  ${describeIndex(index)}`);
  for (const unique of table.uniques) lines.push(`  unique ${unique.name} ${list(unique.columns)}`);
  for (const fk of table.foreignKeys) lines.push(`  ${describeForeignKey(fk)}`);
  for (const check of table.checks) lines.push(`  check ${check.name} (${check.expression})`);
  for (const exclusion of table.exclusions) lines.push(`  exclude ${exclusion.name} ${exclusion.expression}`);
  return lines;
}

/**
 * The whole model as text, blocks separated by blank lines; `(no tables)` for an empty model.
 * Follows the model's order, so a sorted model gives stable output.
 */
export function formatModelText(model: SchemaModel): string {
  const blocks: string[][] = model.tables.map(formatTable);
  for (const enumType of model.enums) {
    blocks.push([`enum ${qualifiedName(enumType)} ${list(enumType.values.map(quote))}`]);
  }
  for (const view of model.views) {
    blocks.push([`${view.materialized ? "materialized view" : "view"} ${qualifiedName(view)}`, `  as ${view.definition}`]);
  }
  if (blocks.length === 0) return "(no tables)";
  return blocks.map((block) => block.join("\n")).join("\n\n");
}
