import type { Check, Column, ForeignKey, Index, TableModel, Unique } from "../../model/types";
import { MigrationError } from "../../util/errors";
import type { Statement } from "../statement";
import { quoteIdent, quoteLiteral } from "./quote";
import { formatSqliteType } from "./types";

/** `"a", "b"` */
export function quoteList(names: readonly string[]): string {
  return names.map(quoteIdent).join(", ");
}

function cannot(what: string): never {
  throw new MigrationError(`SQLite cannot do this: ${what}.`);
}

/** The column that carries `PRIMARY KEY AUTOINCREMENT` inline, if the table has one. */
export function autoincrementColumn(table: TableModel): Column | undefined {
  const key = table.primaryKey?.columns;
  return table.columns.find((c) => c.identity === "increment" && key?.length === 1 && key[0] === c.name);
}

/**
 * A column definition as TypeORM writes it on SQLite: type, the inline enum check
 * `CHECK( "col" IN ('a','b') )`, `PRIMARY KEY AUTOINCREMENT` for the auto-incremented key,
 * NOT NULL, `DEFAULT (expr)`, COLLATE and `GENERATED ALWAYS AS (expr) STORED|VIRTUAL`.
 */
export function sqliteColumnDefinition(column: Column, autoincrement: boolean): string {
  const name = quoteIdent(column.name);
  const parts = [name, formatSqliteType(column.type)];
  if (column.type.kind === "inline-enum") {
    parts.push(`CHECK( ${name} IN (${column.type.values.map(quoteLiteral).join(",")}) )`);
  }
  if (column.identity !== undefined && !(column.identity === "increment" && autoincrement)) {
    cannot(
      column.identity === "increment"
        ? `column "${column.name}" auto-increments, which SQLite allows only on a single-column INTEGER PRIMARY KEY`
        : `column "${column.name}" is an identity column (GENERATED ${column.identity.toUpperCase()})`,
    );
  }
  if (autoincrement) {
    if (column.type.kind !== "integer") cannot(`AUTOINCREMENT on "${column.name}", which is not INTEGER`);
    parts.push("PRIMARY KEY AUTOINCREMENT");
  }
  if (!column.nullable) parts.push("NOT NULL");
  if (column.default !== undefined) parts.push(`DEFAULT (${column.default})`);
  if (column.collation !== undefined) parts.push(`COLLATE ${quoteIdent(column.collation)}`);
  if (column.computed !== undefined) {
    parts.push(`GENERATED ALWAYS AS (${column.computed.expression}) ${column.computed.stored ? "STORED" : "VIRTUAL"}`);
  }
  return parts.join(" ");
}

export function sqliteUniqueClause(unique: Unique): string {
  return `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE (${quoteList(unique.columns)})`;
}

export function sqliteCheckClause(check: Check): string {
  return `CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`;
}

export function sqliteForeignKeyClause(fk: ForeignKey): string {
  if (fk.referencedSchema !== undefined) {
    cannot(`foreign key "${fk.name}" references another schema (${fk.referencedSchema})`);
  }
  const deferrable = fk.deferrable === undefined ? "" : ` DEFERRABLE ${fk.deferrable}`;
  return (
    `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY (${quoteList(fk.columns)}) ` +
    `REFERENCES ${quoteIdent(fk.referencedTable)} (${quoteList(fk.referencedColumns)}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${deferrable}`
  );
}

/**
 * `CREATE TABLE name (...)` for `table`, written under `name` (the table's own name, or the
 * temporary name of a rebuild). Foreign keys must be declared here: SQLite cannot add them later.
 * The primary key is unnamed on SQLite (the model omits its name), so no name is written.
 */
export function createTableSql(table: TableModel, name: string = table.name): string {
  if (table.schema !== undefined) cannot(`table "${table.name}" lives in schema "${table.schema}"`);
  if (table.exclusions.length > 0) cannot(`EXCLUDE constraints on "${table.name}"`);
  const auto = autoincrementColumn(table);
  const items = [
    ...table.columns.map((c) => sqliteColumnDefinition(c, c === auto)),
    ...(table.primaryKey === undefined || auto !== undefined
      ? []
      : [`PRIMARY KEY (${quoteList(table.primaryKey.columns)})`]),
    ...table.uniques.map(sqliteUniqueClause),
    ...table.checks.map(sqliteCheckClause),
    ...table.foreignKeys.map(sqliteForeignKeyClause),
  ];
  return `CREATE TABLE ${quoteIdent(name)} (${items.join(", ")})`;
}

/**
 * An index key item: a column of the table is quoted; anything else is an expression the
 * introspector read from `CREATE INDEX` and is written as it is.
 */
function indexItem(table: TableModel | undefined, item: string): string {
  const isColumn = table === undefined || table.columns.some((c) => c.name.toLowerCase() === item.toLowerCase());
  return isColumn ? quoteIdent(item) : `(${item})`;
}

/** `CREATE [UNIQUE] INDEX "name" ON "table" (...) [WHERE ...]` */
export function createIndexStatement(tableName: string, index: Index, table: TableModel | undefined): Statement {
  if (index.spatial === true) cannot(`spatial index "${index.name}"`);
  const unique = index.unique ? "UNIQUE " : "";
  const items = index.columns.map((c) => indexItem(table, c)).join(", ");
  const where = index.where === undefined ? "" : ` WHERE ${index.where}`;
  return { sql: `CREATE ${unique}INDEX ${quoteIdent(index.name)} ON ${quoteIdent(tableName)} (${items})${where}` };
}

/** `CREATE TABLE` with everything inline, then its indexes. Comments do not exist on SQLite. */
export function emitSqliteCreateTable(table: TableModel): Statement[] {
  return [
    { sql: createTableSql(table) },
    ...table.indexes.map((index) => createIndexStatement(table.name, index, table)),
  ];
}
