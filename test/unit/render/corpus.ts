/**
 * A deterministic (seeded) generator of migration file inputs for the layout tests: every
 * operation kind, with names and texts chosen to be awkward for a printer (both quote kinds,
 * backslashes, wide and combining characters, emoji sequences, line breaks, very long names
 * and SQL, empty texts where the model allows them), many parents and branch labels, and the
 * hazard comments that follow from the operations. Values are in model form (optional members
 * absent, never `undefined`) and valid for the `op` API, so files load back to the same list.
 */
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import type { Column, ColumnType, ForeignKey, Index, ReferentialAction, TableModel } from "../../../src/model/types";
import type { Operation, OperationKind, SqlParameter } from "../../../src/ops/types";
import type { MigrationFileInput } from "../../../src/render";
import { assertNever } from "../../../src/util/assert-never";
import { operationKinds } from "../../helpers/operation-kinds";

/** A small seeded generator (mulberry32): the same seed gives the same corpus on every run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  list<T>(min: number, max: number, make: () => T): T[] {
    return Array.from({ length: this.int(min, max) }, make);
  }
}

const WORDS = ["id", "user_id", "name", "created_at", "a", "x", "tenant", "order", "price", "data", "select", "class", "value"];
const PIECES = [
  '"', "'", "\\", "\n", "\r\n", "\t", "\u0000", "\u007f", "\u2028", "\u2029", " ", "  ", "`", "${x}", "*/", "/*", "//",
  "ü", "ñ", "é", "e\u0301", "日本語", "表", "한국어", "ｆｕｌｌ", "😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "©", "©️", "1\u20e3", "\u200b", "\ufeff", "ключ",
  "\ud800", "'it''s'", '"quoted"', "a-b", "x y", "1",
];
const SQL = [
  "SELECT 1",
  "age >= 18",
  "lower(name)",
  "length(name) > 0 AND name <> ''",
  `"ключ" <> 0 AND 'a\\b' <> ''`,
  "USING gist (room_id WITH =, period WITH &&)",
  "SELECT id, name, email, created_at, updated_at FROM users WHERE active AND deleted_at IS NULL ORDER BY created_at DESC",
  "UPDATE counters\nSET value = value + $1\nWHERE id = $2",
  `INSERT INTO "odd ""table""" ("a", "b") VALUES ('it''s', 'say "hi"')`,
];

/** A word, a long run of words, or a mix of awkward pieces; never empty. */
function name(r: Random): string {
  switch (r.int(0, 5)) {
    case 0:
    case 1:
      return r.pick(WORDS);
    case 2:
      return r.list(1, 4, () => r.pick(WORDS)).join("_");
    case 3:
      return r.list(6, 30, () => r.pick(WORDS)).join("_");
    default:
      return r.list(1, 6, () => (r.chance(0.5) ? r.pick(PIECES) : r.pick(WORDS))).join("");
  }
}

/** Text that may be empty (comments, enum values). */
function text(r: Random): string {
  return r.chance(0.1) ? "" : r.chance(0.3) ? r.pick(SQL) : name(r);
}

function sql(r: Random): string {
  return r.chance(0.6) ? r.pick(SQL) : r.list(1, 12, () => (r.chance(0.5) ? r.pick(SQL) : name(r))).join(" ");
}

function distinct(r: Random, min: number, max: number, make: (r: Random) => string): string[] {
  return [...new Set(r.list(min, max, () => make(r)))];
}

function columnType(r: Random, depth = 0): ColumnType {
  const length = (): number => r.pick([1, 20, 255, 10485760]);
  switch (r.int(0, 15)) {
    case 0:
      return { kind: r.pick(["smallint", "integer", "bigint", "real", "double", "boolean", "text", "uuid"] as const) };
    case 1:
      return { kind: r.pick(["json", "jsonb", "blob", "date", "interval"] as const) };
    case 2:
      return r.chance(0.5) ? { kind: "varchar", length: length() } : { kind: "varchar" };
    case 3:
      return r.chance(0.5) ? { kind: "char", length: length() } : { kind: "char" };
    case 4:
      return r.pick<ColumnType>([{ kind: "numeric" }, { kind: "numeric", precision: 10 }, { kind: "numeric", precision: 10, scale: 2 }, { kind: "numeric", scale: 3 }]);
    case 5:
      return { kind: r.pick(["time", "timestamp"] as const), withTimeZone: r.chance(0.5), ...(r.chance(0.5) ? { precision: r.int(0, 6) } : {}) };
    case 6:
    case 7:
      return { kind: "enum", name: name(r), ...(r.chance(0.3) ? { schema: name(r) } : {}) };
    case 8:
      return { kind: "inline-enum", values: distinct(r, 0, 6, text) };
    case 9:
    case 10:
      return depth < 2 ? { kind: "array", element: columnType(r, depth + 1) } : { kind: "text" };
    default:
      return { kind: "native", sql: r.chance(0.5) ? r.pick(["citext", "geometry(Point,4326)", "tsvector"]) : sql(r) };
  }
}

function column(r: Random, columnName = name(r)): Column {
  const identity = r.chance(0.15) ? { identity: r.pick(["increment", "always", "by-default"] as const) } : {};
  return {
    name: columnName,
    type: columnType(r),
    nullable: r.chance(0.4),
    ...(r.chance(0.3) ? { default: r.chance(0.5) ? r.pick(["0", "now()", "'draft'", "false", "gen_random_uuid()"]) : sql(r) } : {}),
    ...identity,
    ...(r.chance(0.1) ? { computed: { expression: sql(r), stored: r.chance(0.5) } } : {}),
    ...(r.chance(0.2) ? { comment: text(r) } : {}),
    ...(r.chance(0.1) ? { collation: name(r) } : {}),
  };
}

const ACTIONS: readonly ReferentialAction[] = ["NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"];

function foreignKey(r: Random, fkName: string): ForeignKey {
  const columns = distinct(r, 1, 4, name);
  return {
    name: fkName,
    columns,
    ...(r.chance(0.3) ? { referencedSchema: name(r) } : {}),
    referencedTable: name(r),
    referencedColumns: columns.map(() => name(r)),
    onDelete: r.pick(ACTIONS),
    onUpdate: r.pick(ACTIONS),
    ...(r.chance(0.2) ? { deferrable: r.pick(["INITIALLY DEFERRED", "INITIALLY IMMEDIATE"] as const) } : {}),
  };
}

function index(r: Random, indexName: string): Index {
  return {
    name: indexName,
    columns: distinct(r, 1, 5, name),
    unique: r.chance(0.3),
    ...(r.chance(0.2) ? { where: sql(r) } : {}),
    ...(r.chance(0.1) ? { spatial: true } : {}),
  };
}

function table(r: Random): TableModel {
  const columns = distinct(r, 1, 9, name).map((c) => column(r, c));
  // Index names and constraint names must each be distinct within the table.
  const names = distinct(r, 0, 8, name);
  const take = (count: number): string[] => names.splice(0, Math.min(count, names.length));
  const indexNames = distinct(r, 0, 3, name);
  return {
    ...(r.chance(0.2) ? { schema: name(r) } : {}),
    name: name(r),
    columns,
    ...(r.chance(0.7) ? { primaryKey: { ...(r.chance(0.8) ? { name: name(r) } : {}), columns: distinct(r, 1, 3, name) } } : {}),
    indexes: indexNames.map((n) => index(r, n)),
    uniques: take(r.int(0, 2)).map((n) => ({ name: n, columns: distinct(r, 1, 3, name) })),
    foreignKeys: take(r.int(0, 2)).map((n) => foreignKey(r, n)),
    checks: take(r.int(0, 2)).map((n) => ({ name: n, expression: sql(r) })),
    exclusions: take(r.int(0, 1)).map((n) => ({ name: n, expression: sql(r) })),
    ...(r.chance(0.2) ? { comment: text(r) } : {}),
  };
}

function target(r: Random): { schema?: string; table: string } {
  return { ...(r.chance(0.25) ? { schema: name(r) } : {}), table: name(r) };
}

function parameter(r: Random): SqlParameter {
  switch (r.int(0, 5)) {
    case 0:
      return text(r);
    case 1:
      return r.chance(0.5);
    case 2:
      return null;
    default:
      return r.pick([0, 1, -1, -0, 2.5, 42, 1e21, 1.5e-7, 123456789, -3.25, Number.MAX_SAFE_INTEGER]);
  }
}

/** Parameters: sometimes all numbers (prettier fills those), sometimes mixed, sometimes none. */
function parameters(r: Random): SqlParameter[] {
  return r.chance(0.4) ? r.list(0, 40, () => r.pick([1, 22, 333, -4, 0.5, 1e21])) : r.list(0, 8, () => parameter(r));
}

/** One operation of `kind`, valid for the `op` API. */
export function operationOf(r: Random, kind: OperationKind): Operation {
  switch (kind) {
    case "createTable":
    case "dropTable":
      return { kind, table: table(r) };
    case "renameTable":
      return { kind, ...(r.chance(0.3) ? { schema: name(r) } : {}), from: name(r), to: name(r) };
    case "addColumn":
    case "dropColumn":
      return { kind, ...target(r), column: column(r) };
    case "alterColumn": {
      const columnName = name(r);
      return { kind, ...target(r), from: column(r, columnName), to: column(r, columnName), ...(r.chance(0.2) ? { using: sql(r) } : {}) };
    }
    case "renameColumn":
      return { kind, ...target(r), from: name(r), to: name(r) };
    case "createIndex":
    case "dropIndex":
      return { kind, ...target(r), index: index(r, name(r)) };
    case "createUnique":
    case "dropUnique":
      return { kind, ...target(r), unique: { name: name(r), columns: distinct(r, 1, 4, name) } };
    case "createForeignKey":
    case "dropForeignKey":
      return { kind, ...target(r), foreignKey: foreignKey(r, name(r)) };
    case "createCheck":
    case "dropCheck":
      return { kind, ...target(r), check: { name: name(r), expression: sql(r) } };
    case "createExclusion":
    case "dropExclusion":
      return { kind, ...target(r), exclusion: { name: name(r), expression: sql(r) } };
    case "createPrimaryKey":
    case "dropPrimaryKey":
      return { kind, ...target(r), primaryKey: { ...(r.chance(0.7) ? { name: name(r) } : {}), columns: distinct(r, 1, 4, name) } };
    case "setTableComment":
      return { kind, ...target(r), ...(r.chance(0.7) ? { from: text(r) } : {}), ...(r.chance(0.7) ? { to: text(r) } : {}) };
    case "createEnum":
    case "dropEnum":
      return { kind, enumType: { ...(r.chance(0.3) ? { schema: name(r) } : {}), name: name(r), values: distinct(r, 0, 8, text) } };
    case "alterEnum":
      return {
        kind,
        ...(r.chance(0.3) ? { schema: name(r) } : {}),
        name: name(r),
        from: distinct(r, 0, 6, text),
        to: distinct(r, 0, 6, text),
        usedBy: r.list(0, 3, () => ({ ...target(r), column: column(r) })),
      };
    case "createView":
    case "dropView":
      return { kind, view: { ...(r.chance(0.3) ? { schema: name(r) } : {}), name: name(r), definition: sql(r), materialized: r.chance(0.3) } };
    case "execute": {
      const reverse = r.chance(0.5) ? { reverseSql: sql(r), ...(r.chance(0.5) ? { reverseParams: parameters(r) } : {}) } : {};
      return { kind, sql: sql(r), ...(r.chance(0.6) ? { params: parameters(r) } : {}), ...reverse };
    }
    default:
      return assertNever(kind, "operation kind");
  }
}

/** Operations of random kinds (short names repeat, so some neighbours share a table and form a block). */
function operations(r: Random, count: number): Operation[] {
  return Array.from({ length: count }, () => operationOf(r, r.pick(operationKinds)));
}

const CAPABILITIES = [postgresDialect.capabilities, sqliteDialect.capabilities];

/** The input generated from `seed` (the same for the same seed). */
export function corpusInput(seed: number): MigrationFileInput {
  const r = new Random(seed);
  const labels = r.chance(0.3) ? distinct(r, 1, 5, name) : [];
  return {
    header: {
      id: r.chance(0.8) ? r.int(0, 0xffffffff).toString(16).padStart(12, "0") : name(r),
      downRevisions: r.chance(0.2) ? [] : distinct(r, 1, r.chance(0.2) ? 12 : 2, (x) => x.int(0, 0xffffffff).toString(16).padStart(12, "a")),
      message: r.chance(0.5) ? r.pick(["add prompts table", "initial", ""]) : sql(r),
      createdAt: "2026-11-21T10:00:00.000Z",
      ...(labels.length > 0 ? { branchLabels: labels } : {}),
    },
    upOps: operations(r, r.int(0, 12)),
    downOps: operations(r, r.int(0, 6)),
    ...(r.chance(0.6) ? { capabilities: r.pick(CAPABILITIES) } : {}),
  };
}
