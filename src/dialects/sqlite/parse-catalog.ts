import type { Row } from "../dialect";
import { sortModel } from "../../model/sort";
import type { SchemaModel, TableModel, View } from "../../model/types";
import { groupRows, intCell, textCell } from "./catalog-rows";
import type { SqliteCatalogRows } from "./catalog-rows";
import { buildChecks, buildColumns } from "./build-columns";
import { buildForeignKeys, buildIndexes, buildUniques } from "./build-constraints";
import { normalizeSqliteExpression } from "./normalize";
import { parseCreateTable } from "./parse-create-table";
import { parseCreateView } from "./parse-create-view";

/** Each table's primary-key columns in key order, for foreign keys that name no parent columns. */
function collectPrimaryKeys(tables: ReadonlyMap<string, readonly Row[]>): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  for (const [table, rows] of tables) {
    const columns = rows
      .filter((row) => intCell(row, "pk") > 0)
      .sort((a, b) => intCell(a, "pk") - intCell(b, "pk"))
      .map((row) => textCell(row, "column_name"));
    keys.set(table, columns);
  }
  return keys;
}

function buildView(row: Row): View {
  const parsed = parseCreateView(textCell(row, "view_sql"));
  return {
    name: textCell(row, "view_name"),
    definition: normalizeSqliteExpression(parsed.definition),
    materialized: false,
  };
}

/**
 * Builds the schema model from the rows of the SQLite introspection queries. Pure: no I/O, so
 * unit tests can feed it captured rows. Returns the model in canonical order (`sortModel`).
 */
export function buildSqliteModel(rows: SqliteCatalogRows): SchemaModel {
  const columnsByTable = groupRows(rows.columns, "table_name");
  const indexesByTable = groupRows(rows.indexes, "table_name");
  const foreignKeysByTable = groupRows(rows.foreignKeys, "table_name");
  const primaryKeys = collectPrimaryKeys(columnsByTable);
  const tables = [...columnsByTable].map(([name, columnRows]): TableModel => {
    const parsed = parseCreateTable(textCell(columnRows[0] as Row, "table_sql"));
    const indexRows = indexesByTable.get(name) ?? [];
    const { columns, primaryKey } = buildColumns(parsed, columnRows);
    return {
      name,
      columns,
      ...(primaryKey === undefined ? {} : { primaryKey }),
      indexes: buildIndexes(indexRows),
      uniques: buildUniques(parsed, indexRows),
      foreignKeys: buildForeignKeys(parsed, foreignKeysByTable.get(name) ?? [], primaryKeys),
      checks: buildChecks(parsed),
      exclusions: [],
    };
  });
  return sortModel({ tables, enums: [], views: rows.views.map(buildView) });
}
