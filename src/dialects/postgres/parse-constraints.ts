import type { Check, Exclusion, ForeignKey, Index, PrimaryKey, ReferentialAction, Unique } from "../../model/types";
import { RetortError } from "../../util/errors";
import type { Row } from "../dialect";
import { readBoolean, readOptionalText, readText, readTextArray } from "./catalog-rows";
import { normalizeExpression } from "./expressions";

/** A table's constraints, as the constraints query reports them. */
export interface TableConstraints {
  primaryKey?: PrimaryKey;
  readonly uniques: Unique[];
  readonly foreignKeys: ForeignKey[];
  readonly checks: Check[];
  readonly exclusions: Exclusion[];
}

/** pg_constraint.confdeltype / confupdtype codes. */
function parseAction(code: string): ReferentialAction {
  switch (code) {
    case "a":
      return "NO ACTION";
    case "r":
      return "RESTRICT";
    case "c":
      return "CASCADE";
    case "n":
      return "SET NULL";
    case "d":
      return "SET DEFAULT";
    default:
      throw new RetortError("internal", `Unknown referential action code ${JSON.stringify(code)}`);
  }
}

function parseForeignKey(row: Row, defaultSchema: string): ForeignKey {
  const referencedSchema = readText(row, "referenced_schema");
  const fk: { -readonly [K in keyof ForeignKey]: ForeignKey[K] } = {
    name: readText(row, "name"),
    columns: readTextArray(row, "columns"),
    referencedTable: readText(row, "referenced_table"),
    referencedColumns: readTextArray(row, "referenced_columns"),
    onDelete: parseAction(readText(row, "on_delete")),
    onUpdate: parseAction(readText(row, "on_update")),
  };
  if (referencedSchema !== defaultSchema) fk.referencedSchema = referencedSchema;
  if (readBoolean(row, "deferrable")) {
    fk.deferrable = readBoolean(row, "deferred") ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE";
  }
  return fk;
}

/** Adds one row of the constraints query to its table's constraints. */
export function addConstraintRow(target: TableConstraints, row: Row, defaultSchema: string): void {
  const name = readText(row, "name");
  const type = readText(row, "type");
  switch (type) {
    case "p":
      target.primaryKey = { name, columns: readTextArray(row, "columns") };
      return;
    case "u":
      target.uniques.push({ name, columns: readTextArray(row, "columns") });
      return;
    case "f":
      target.foreignKeys.push(parseForeignKey(row, defaultSchema));
      return;
    case "c":
      target.checks.push({ name, expression: normalizeExpression(readText(row, "definition")) });
      return;
    case "x":
      target.exclusions.push({ name, expression: normalizeExpression(readText(row, "definition")) });
      return;
    default:
      throw new RetortError("internal", `Unexpected constraint type ${JSON.stringify(type)} for ${name}`);
  }
}

/**
 * Builds an index from one row of the indexes query. Key entries that are not column names
 * are expressions and are normalised; GiST indexes are `spatial` (TypeORM's `spatial: true`
 * creates them `USING gist`).
 */
export function parseIndexRow(row: Row, columnNames: ReadonlySet<string>): Index {
  const index: { -readonly [K in keyof Index]: Index[K] } = {
    name: readText(row, "name"),
    columns: readTextArray(row, "columns").map((c) => (columnNames.has(c) ? c : normalizeExpression(c))),
    unique: readBoolean(row, "unique"),
  };
  const predicate = readOptionalText(row, "predicate");
  if (predicate !== undefined) index.where = normalizeExpression(predicate);
  if (readText(row, "method") === "gist") index.spatial = true;
  return index;
}
