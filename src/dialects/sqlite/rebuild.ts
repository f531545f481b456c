import { stableJson } from "../../model/compare";
import type { Column, SchemaModel, TableModel, View } from "../../model/types";
import type { AlterColumnOp, Operation } from "../../ops/types";
import { assertNever } from "../../util/assert-never";
import { MigrationError } from "../../util/errors";
import type { Statement } from "../statement";
import { autoincrementColumn, createIndexStatement, createTableSql } from "./emit-table";
import { quoteIdent, quoteLiteral } from "./quote";
import { tokenize } from "./tokenize";

/** The prefix of the table a rebuild copies rows into before it takes the old table's name. */
export const rebuildTablePrefix = "__retort_tmp_";

/** A literal SQLite accepts as the default of `ALTER TABLE ... ADD COLUMN` (a constant). */
const constantDefault = /^(?:[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|'(?:[^']|'')*'|x'[0-9a-f]*'|true|false)$/i;

/**
 * True when SQLite can add the column with `ALTER TABLE ... ADD COLUMN`
 * (https://www.sqlite.org/lang_altertable.html#altertabaddcol): no key, no identity, not a
 * STORED generated column, and either nullable or NOT NULL with a constant default.
 */
export function canAddColumnInPlace(column: Column): boolean {
  if (column.identity !== undefined) return false;
  if (column.computed !== undefined) return !column.computed.stored;
  if (column.default !== undefined) return constantDefault.test(column.default.trim());
  return column.nullable;
}

/** The column without what SQLite does not store (its comment). */
function storedPart(column: Column): string {
  const { comment: _ignored, ...rest } = column;
  return stableJson(rest);
}

/** True when an `alterColumn` changes anything SQLite stores, i.e. more than a comment. */
export function alterColumnChangesTable(op: AlterColumnOp): boolean {
  return storedPart(op.from) !== storedPart(op.to);
}

/**
 * True when {@link emitSqlite} rebuilds a table for `op`. The runner must then run the
 * migration with `PRAGMA foreign_keys = OFF` (set outside the transaction; with it on, dropping
 * the old table would cascade-delete or reject child rows) and `PRAGMA foreign_key_check`
 * before committing. See https://www.sqlite.org/lang_altertable.html#otheralter.
 */
export function sqliteNeedsForeignKeysOff(op: Operation, _before: SchemaModel): boolean {
  switch (op.kind) {
    case "addColumn":
      return !canAddColumnInPlace(op.column);
    case "alterColumn":
      return alterColumnChangesTable(op);
    case "dropColumn":
    case "createForeignKey":
    case "dropForeignKey":
    case "createUnique":
    case "dropUnique":
    case "createCheck":
    case "dropCheck":
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return true;
    case "createTable":
    case "dropTable":
    case "renameTable":
    case "renameColumn":
    case "createIndex":
    case "dropIndex":
    case "createExclusion":
    case "dropExclusion":
    case "setTableComment":
    case "createEnum":
    case "dropEnum":
    case "alterEnum":
    case "createView":
    case "dropView":
    case "execute":
      return false;
    default:
      return assertNever(op, "operation");
  }
}

function findTable(model: SchemaModel, name: string): TableModel {
  const table = model.tables.find((t) => t.schema === undefined && t.name === name);
  if (table === undefined) throw new MigrationError(`SQLite rebuild: table "${name}" is not in the model.`);
  return table;
}

/** Names a SQL text mentions (bare words and quoted identifiers), lower-cased. */
function mentionedNames(sql: string): Set<string> {
  const names = new Set<string>();
  for (const token of tokenize(sql)) {
    if (token.kind === "word") names.add(token.text.toLowerCase());
    if (token.kind === "quoted") names.add(token.value.toLowerCase());
  }
  return names;
}

/**
 * The views that read `table`, directly or through other views. SQLite refuses to rename a
 * table while any view refers to a missing table, so they are dropped for the rebuild and
 * created again after it.
 */
export function viewsReading(views: readonly View[], table: string): View[] {
  const reached = new Set<string>([table.toLowerCase()]);
  const found: View[] = [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const view of views) {
      if (found.includes(view)) continue;
      const names = mentionedNames(view.definition);
      if ([...reached].some((name) => names.has(name))) {
        found.push(view);
        reached.add(view.name.toLowerCase());
        grew = true;
      }
    }
  }
  return views.filter((view) => found.includes(view));
}

/** The SELECT expression filling `column` of the new table from the old one. */
function copyExpression(column: Column, old: Column, using: ReadonlyMap<string, string>): string {
  const value = using.get(column.name) ?? quoteIdent(old.name);
  // A column that became NOT NULL takes its default where the old rows hold NULL.
  const fill = !column.nullable && old.nullable && column.default !== undefined;
  return fill ? `COALESCE(${value}, ${column.default})` : value;
}

/**
 * The statements that rebuild table `name` from its shape in `before` to its shape in `after`
 * (https://www.sqlite.org/lang_altertable.html#otheralter): create `__retort_tmp_<name>` with
 * the new definition, copy the rows of the columns both shapes have (generated columns are
 * computed again), carry the AUTOINCREMENT counter over, drop the old table, rename the new one,
 * create the indexes again. Views reading the table are dropped first and created again last.
 * `using` maps a column name to an SQL expression over the old row that gives its new value.
 *
 * Triggers on the table are not in the model and are lost. Foreign keys of other tables keep
 * pointing at the table by name, so they hold once the new table has taken the name; the
 * runner must have foreign keys off (see {@link sqliteNeedsForeignKeysOff}).
 */
export function rebuildSqliteTable(
  before: SchemaModel,
  after: SchemaModel,
  name: string,
  using: ReadonlyMap<string, string> = new Map(),
): Statement[] {
  const oldTable = findTable(before, name);
  const newTable = findTable(after, name);
  const tmp = `${rebuildTablePrefix}${name}`;
  const copied = newTable.columns.flatMap((column) => {
    const old = oldTable.columns.find((c) => c.name === column.name);
    return old === undefined || column.computed !== undefined ? [] : [{ column, old }];
  });
  const views = viewsReading(before.views, name);
  const keepsCounter = autoincrementColumn(oldTable) !== undefined && autoincrementColumn(newTable) !== undefined;
  const sql: string[] = [
    ...views.map((view) => `DROP VIEW ${quoteIdent(view.name)}`),
    createTableSql(newTable, tmp),
    ...(copied.length === 0
      ? []
      : [
          `INSERT INTO ${quoteIdent(tmp)} (${copied.map(({ column }) => quoteIdent(column.name)).join(", ")}) ` +
            `SELECT ${copied.map(({ column, old }) => copyExpression(column, old, using)).join(", ")} FROM ${quoteIdent(name)}`,
        ]),
    ...(keepsCounter
      ? [
          `DELETE FROM "sqlite_sequence" WHERE "name" = ${quoteLiteral(tmp)}`,
          `INSERT INTO "sqlite_sequence" ("name", "seq") SELECT ${quoteLiteral(tmp)}, "seq" FROM "sqlite_sequence" WHERE "name" = ${quoteLiteral(name)}`,
        ]
      : []),
    `DROP TABLE ${quoteIdent(name)}`,
    `ALTER TABLE ${quoteIdent(tmp)} RENAME TO ${quoteIdent(name)}`,
  ];
  return [
    ...sql.map((text) => ({ sql: text })),
    ...newTable.indexes.map((index) => createIndexStatement(name, index, newTable)),
    ...viewsReading(after.views, name).map((view) => ({
      sql: `CREATE VIEW ${quoteIdent(view.name)} AS ${view.definition}`,
    })),
  ];
}
