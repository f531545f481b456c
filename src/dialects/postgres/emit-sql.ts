import type { Check, Exclusion, ForeignKey, Index, PrimaryKey, TableModel, Unique } from "../../model/types";
import type { Statement } from "../statement";
import { quoteIdent, quoteLiteral } from "./quote";

/** `"schema"."name"`, or `"name"` in the default schema (where the model omits the schema). */
export function qualify(schema: string | undefined, name: string): string {
  return schema === undefined ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** `"a", "b"` */
export function quoteList(names: readonly string[]): string {
  return names.map(quoteIdent).join(", ");
}

/** A single statement without parameters. */
export function statement(sql: string): Statement {
  return { sql };
}

/** `CONSTRAINT "name" ` when named (the model always names PostgreSQL keys, but stays lenient). */
function constraintPrefix(name: string | undefined): string {
  return name === undefined ? "" : `CONSTRAINT ${quoteIdent(name)} `;
}

/** The `PRIMARY KEY (...)` table constraint. */
export function primaryKeyClause(key: PrimaryKey): string {
  return `${constraintPrefix(key.name)}PRIMARY KEY (${quoteList(key.columns)})`;
}

export function uniqueClause(unique: Unique): string {
  return `${constraintPrefix(unique.name)}UNIQUE (${quoteList(unique.columns)})`;
}

/** The expression is normalised SQL from the model; it is code, not a literal. */
export function checkClause(check: Check): string {
  return `${constraintPrefix(check.name)}CHECK (${check.expression})`;
}

/** `expression` is everything after `EXCLUDE` (`USING gist ("room" WITH =)`). */
export function exclusionClause(exclusion: Exclusion): string {
  return `${constraintPrefix(exclusion.name)}EXCLUDE ${exclusion.expression}`;
}

export function foreignKeyClause(fk: ForeignKey): string {
  const deferrable = fk.deferrable === undefined ? "" : ` DEFERRABLE ${fk.deferrable}`;
  return (
    `${constraintPrefix(fk.name)}FOREIGN KEY (${quoteList(fk.columns)}) ` +
    `REFERENCES ${qualify(fk.referencedSchema, fk.referencedTable)} (${quoteList(fk.referencedColumns)}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${deferrable}`
  );
}

/**
 * An index key item: a column of the table is quoted; anything else is an expression the
 * introspector read from the catalog (`lower("email")`) and is written as it is.
 */
export function indexItem(table: TableModel | undefined, item: string): string {
  const isColumn = table === undefined || table.columns.some((c) => c.name === item);
  return isColumn ? quoteIdent(item) : `(${item})`;
}

/** `CREATE [UNIQUE] INDEX "name" ON table [USING gist] (...) [WHERE ...]`. */
export function createIndexStatement(
  schema: string | undefined,
  tableName: string,
  index: Index,
  table: TableModel | undefined,
): Statement {
  const unique = index.unique ? "UNIQUE " : "";
  const using = index.spatial === true ? " USING gist" : "";
  const items = index.columns.map((c) => indexItem(table, c)).join(", ");
  const where = index.where === undefined ? "" : ` WHERE ${index.where}`;
  return statement(
    `CREATE ${unique}INDEX ${quoteIdent(index.name)} ON ${qualify(schema, tableName)}${using} (${items})${where}`,
  );
}

/** An index lives in its table's schema, so it is dropped through that schema. */
export function dropIndexStatement(schema: string | undefined, index: Index): Statement {
  return statement(`DROP INDEX ${qualify(schema, index.name)}`);
}

/** `COMMENT ON TABLE ... IS '...'`, or `IS NULL` to remove it. */
export function tableCommentStatement(
  schema: string | undefined,
  table: string,
  comment: string | undefined,
): Statement {
  return statement(`COMMENT ON TABLE ${qualify(schema, table)} IS ${commentValue(comment)}`);
}

export function columnCommentStatement(
  schema: string | undefined,
  table: string,
  column: string,
  comment: string | undefined,
): Statement {
  return statement(`COMMENT ON COLUMN ${qualify(schema, table)}.${quoteIdent(column)} IS ${commentValue(comment)}`);
}

function commentValue(comment: string | undefined): string {
  return comment === undefined ? "NULL" : quoteLiteral(comment);
}

/** `ALTER TABLE table <action>` */
export function alterTable(schema: string | undefined, table: string, action: string): Statement {
  return statement(`ALTER TABLE ${qualify(schema, table)} ${action}`);
}
