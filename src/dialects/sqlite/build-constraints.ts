import type { Row } from "../dialect";
import type { ForeignKey, Index, ReferentialAction, Unique } from "../../model/types";
import { RetortError } from "../../util/errors";
import { groupRows, intCell, optionalTextCell, textCell } from "./catalog-rows";
import { normalizeSqliteExpression } from "./normalize";
import { parseCreateIndex, type ParsedIndexItem } from "./parse-create-index";
import type { ParsedReference, ParsedTable } from "./parse-create-table";

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name.toLowerCase() === (b[i] as string).toLowerCase());
}

/** Takes the first unused candidate that matches, so two equal constraints get distinct names. */
function claim<T>(candidates: T[], matches: (candidate: T) => boolean): T | undefined {
  const at = candidates.findIndex(matches);
  return at === -1 ? undefined : candidates.splice(at, 1)[0];
}

function byIndexName(rows: readonly Row[]): Row[][] {
  return [...groupRows(rows, "index_name").values()].map((group) =>
    [...group].sort((a, b) => intCell(a, "seqno") - intCell(b, "seqno")),
  );
}

/**
 * Unique constraints: the catalog's `origin = 'u'` indexes give the columns, the CREATE TABLE text
 * gives the names (matched on the column list). An unnamed one is called `<table>_<cols>_key`.
 */
export function buildUniques(parsed: ParsedTable, indexRows: readonly Row[]): Unique[] {
  const declared: { name?: string; columns: readonly string[] }[] = [
    ...parsed.columns
      .filter((column) => column.unique !== undefined)
      .map((column) => ({ ...column.unique, columns: [column.name] })),
    ...parsed.constraints.flatMap((constraint) => (constraint.kind === "unique" ? [constraint] : [])),
  ];
  return byIndexName(indexRows.filter((row) => textCell(row, "origin") === "u")).map((group) => {
    const columns = group.map((row) => textCell(row, "column_name"));
    const name = claim(declared, (candidate) => sameNames(candidate.columns, columns))?.name;
    return { name: name ?? `${parsed.name}_${columns.join("_")}_key`, columns };
  });
}

function indexColumn(row: Row, items: readonly ParsedIndexItem[]): string {
  const column = optionalTextCell(row, "column_name");
  if (column !== undefined) return column;
  // An expression item (cid -2) has no name in the catalog; take its text from CREATE INDEX.
  const item = items[intCell(row, "seqno")];
  if (item !== undefined && "expression" in item) return normalizeSqliteExpression(item.expression);
  return intCell(row, "cid") === -1 ? "rowid" : "";
}

/**
 * Indexes made by CREATE INDEX (`origin = 'c'`); those backing a PRIMARY KEY or UNIQUE constraint
 * (`sqlite_autoindex_*`) are not indexes in the model. Columns in key order; `where` from the text.
 */
export function buildIndexes(indexRows: readonly Row[]): Index[] {
  return byIndexName(indexRows.filter((row) => textCell(row, "origin") === "c")).map((group) => {
    const first = group[0] as Row;
    const name = textCell(first, "index_name");
    const sql = optionalTextCell(first, "index_sql");
    if (sql === undefined) throw new RetortError("internal", `SQLite index ${name} has no CREATE INDEX text`);
    const parsed = parseCreateIndex(sql);
    return {
      name,
      columns: group.map((row) => indexColumn(row, parsed.items)),
      unique: intCell(first, "is_unique") !== 0,
      ...(parsed.where === undefined ? {} : { where: normalizeSqliteExpression(parsed.where) }),
    };
  });
}

const actions: readonly ReferentialAction[] = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];

function readAction(row: Row, key: string): ReferentialAction {
  const value = textCell(row, key).toUpperCase();
  const action = actions.find((candidate) => candidate === value);
  if (action === undefined) throw new RetortError("internal", `SQLite reported an unknown referential action ${value}`);
  return action;
}

/**
 * Foreign keys: pragma foreign_key_list gives columns and actions; the CREATE TABLE text gives the
 * name and DEFERRABLE (matched on referenced table and column list). A reference without columns
 * points at the parent's primary key (`primaryKeys` maps table name to its key columns).
 * An unnamed foreign key is called `<table>_<cols>_fkey`.
 */
export function buildForeignKeys(
  parsed: ParsedTable,
  foreignKeyRows: readonly Row[],
  primaryKeys: ReadonlyMap<string, readonly string[]>,
): ForeignKey[] {
  const declared: (ParsedReference & { name?: string; from: readonly string[] })[] = [
    ...parsed.columns.flatMap((column) =>
      column.references === undefined ? [] : [{ ...column.references, from: [column.name] }],
    ),
    ...parsed.constraints.flatMap((constraint) =>
      constraint.kind === "foreign-key"
        ? [
            {
              ...constraint.references,
              ...(constraint.name === undefined ? {} : { name: constraint.name }),
              from: constraint.columns,
            },
          ]
        : [],
    ),
  ];
  const groups = new Map<number, Row[]>();
  for (const row of foreignKeyRows) {
    const id = intCell(row, "id");
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [row]);
    else group.push(row);
  }
  return [...groups.values()].map((unsorted) => {
    const group = [...unsorted].sort((a, b) => intCell(a, "seq") - intCell(b, "seq"));
    const first = group[0] as Row;
    const referencedTable = textCell(first, "referenced_table");
    const columns = group.map((row) => textCell(row, "from_column"));
    const match = claim(
      declared,
      (candidate) =>
        candidate.table.toLowerCase() === referencedTable.toLowerCase() && sameNames(candidate.from, columns),
    );
    const named = group.map((row) => optionalTextCell(row, "to_column"));
    const referencedColumns = named.every((name): name is string => name !== undefined)
      ? named
      : [...(primaryKeys.get(referencedTable) ?? match?.columns ?? [])];
    return {
      name: match?.name ?? `${parsed.name}_${columns.join("_")}_fkey`,
      columns,
      referencedTable,
      referencedColumns,
      onDelete: readAction(first, "on_delete"),
      onUpdate: readAction(first, "on_update"),
      ...(match?.deferrable === undefined ? {} : { deferrable: match.deferrable }),
    };
  });
}
