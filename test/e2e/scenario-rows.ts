/**
 * Rows around a migration: insert a few rows into every table of a live model (values chosen
 * from each column's type), snapshot every table, and check after the migration that every
 * row is still there with the same values in every column that still exists.
 */
import assert from "node:assert/strict";
import type { Column, SchemaModel, TableModel } from "../../src/model/types";
import { placeholder, quoteName } from "./scenario-database";
import type { Row, ScenarioDatabase } from "./scenario-database";

/** Every table's rows in primary-key order, values as comparable text (null stays null). */
export type RowSnapshot = ReadonlyMap<string, readonly Readonly<Record<string, string | null>>[]>;

// One counter for the whole process, so values never repeat across steps (unique columns).
let counter = 0;

/** Columns that hold keys of another table without a foreign key (yet): `"books.authorId": "authors.id"`. */
export type KeyHints = Readonly<Record<string, string>>;

/**
 * Inserts `perTable` rows into every table of `model` (the live schema), referenced tables
 * first. Foreign-key columns, and columns named in `hints`, take an existing key of the
 * referenced table; identity and computed columns are left to the database.
 */
export async function seedRows(db: ScenarioDatabase, model: SchemaModel, hints: KeyHints = {}, perTable = 2): Promise<void> {
  const withHints = applyHints(model.tables, hints);
  for (const table of orderByReferences(withHints)) {
    for (let i = 0; i < perTable; i++) {
      const columns = table.columns.filter((column) => column.identity === undefined && column.computed === undefined);
      const values: unknown[] = [];
      for (const column of columns) values.push(await valueFor(db, model, table, column, i));
      const names = columns.map((column) => quoteName(column.name)).join(", ");
      const marks = columns.map((_, index) => placeholder(db.dialect, index + 1)).join(", ");
      await db.query(`INSERT INTO ${quoteName(table.name)} (${names}) VALUES (${marks})`, values);
    }
  }
}

/** The tables with every hint turned into a foreign key of the model (only seeding sees it). */
function applyHints(tables: readonly TableModel[], hints: KeyHints): TableModel[] {
  return tables.map((table) => {
    const extra = Object.entries(hints)
      .map(([from, to]) => [from.split("."), to.split(".")] as const)
      .filter(([[name, column]]) => name === table.name && table.columns.some((c) => c.name === column))
      .filter(([[, column]]) => !table.foreignKeys.some((fk) => fk.columns.includes(column!)))
      .map(([[, column], [referencedTable, referencedColumn]]) => ({
        name: `hint_${column}`,
        columns: [column!],
        referencedTable: referencedTable!,
        referencedColumns: [referencedColumn!],
        onDelete: "NO ACTION" as const,
        onUpdate: "NO ACTION" as const,
      }));
    return extra.length === 0 ? table : { ...table, foreignKeys: [...table.foreignKeys, ...extra] };
  });
}

function orderByReferences(tables: readonly TableModel[]): TableModel[] {
  const ordered: TableModel[] = [];
  const visit = (table: TableModel, path: ReadonlySet<string>): void => {
    if (ordered.includes(table) || path.has(table.name)) return;
    for (const fk of table.foreignKeys) {
      const target = tables.find((candidate) => candidate.name === fk.referencedTable);
      if (target !== undefined && target !== table) visit(target, new Set([...path, table.name]));
    }
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

async function valueFor(db: ScenarioDatabase, model: SchemaModel, table: TableModel, column: Column, row: number): Promise<unknown> {
  const fk = table.foreignKeys.find((candidate) => candidate.columns.includes(column.name));
  if (fk !== undefined) {
    const referenced = fk.referencedColumns[fk.columns.indexOf(column.name)]!;
    const rows = await db.query(
      `SELECT ${quoteName(referenced)} AS v FROM ${quoteName(fk.referencedTable)} ORDER BY ${quoteName(referenced)} LIMIT 1`,
    );
    if (rows.length > 0) return rows[0]!.v;
    assert.ok(column.nullable, `no row in ${fk.referencedTable} for the NOT NULL column ${table.name}.${column.name}`);
    return null;
  }
  const n = ++counter;
  const type = column.type;
  switch (type.kind) {
    case "varchar":
    case "char":
    case "text":
      return `r${n}`.slice(0, type.kind === "text" ? undefined : (type.length ?? 255));
    case "smallint":
    case "integer":
    case "bigint":
      return n;
    case "real":
    case "double":
    case "numeric":
      return n + 0.5;
    case "boolean":
      return db.dialect === "postgres" ? n % 2 === 0 : n % 2;
    case "enum": {
      const values = model.enums.find((candidate) => candidate.name === type.name)?.values ?? [];
      assert.ok(values.length > 0, `enum ${type.name} of ${table.name}.${column.name} has values`);
      return values[row % values.length];
    }
    case "inline-enum":
      return type.values[row % type.values.length];
    default:
      throw new Error(`seedRows has no value for ${table.name}.${column.name} of type ${type.kind}`);
  }
}

/** Reads every table of `model` in primary-key order. */
export async function snapshotRows(db: ScenarioDatabase, model: SchemaModel): Promise<RowSnapshot> {
  const snapshot = new Map<string, Readonly<Record<string, string | null>>[]>();
  for (const table of model.tables) {
    const keys = table.primaryKey?.columns ?? table.columns.map((column) => column.name);
    const rows = await db.query(`SELECT * FROM ${quoteName(table.name)} ORDER BY ${keys.map(quoteName).join(", ")}`);
    snapshot.set(table.name, rows.map(toComparable));
  }
  return snapshot;
}

function toComparable(row: Row): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [name, value] of Object.entries(row)) {
    // Drivers return integers as numbers or (PostgreSQL bigint) strings: compare the text.
    out[name] = value === null || value === undefined ? null : value instanceof Date ? value.toISOString() : String(value);
  }
  return out;
}

/**
 * Asserts that every table of `before` that still exists in `after` has the same number of
 * rows, with equal values in every column present on both sides. Returns how many values
 * were compared, so a caller can insist the check was not vacuous.
 */
export function assertRowsKept(before: RowSnapshot, after: RowSnapshot): number {
  let compared = 0;
  for (const [table, rows] of before) {
    const now = after.get(table);
    if (now === undefined) continue;
    assert.equal(now.length, rows.length, `${table}: ${rows.length} rows before the migration, ${now.length} after`);
    rows.forEach((row, index) => {
      const current = now[index]!;
      for (const [column, value] of Object.entries(row)) {
        if (!(column in current)) continue;
        assert.equal(current[column], value, `${table} row ${index + 1}, column ${column}: ${value} before, ${current[column]} after`);
        compared++;
      }
    });
  }
  return compared;
}
