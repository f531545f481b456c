/**
 * The operation lists the golden tests render. Together they use every operation kind and
 * every optional member of the model at least once. Operations are in model form: optional
 * members absent, never `undefined` (what the readers and the diff produce).
 */
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import type { Column, ColumnType, ForeignKey, TableModel } from "../../../src/model/types";
import { reverseAll } from "../../../src/ops";
import type { Operation } from "../../../src/ops/types";
import type { MigrationFileInput, MigrationHeader } from "../../../src/render";

const t = {
  int: { kind: "integer" } as ColumnType,
  bigint: { kind: "bigint" } as ColumnType,
  text: { kind: "text" } as ColumnType,
  bool: { kind: "boolean" } as ColumnType,
  uuid: { kind: "uuid" } as ColumnType,
  varchar: (length?: number): ColumnType => (length === undefined ? { kind: "varchar" } : { kind: "varchar", length }),
};

function col(name: string, type: ColumnType, extra: Partial<Omit<Column, "name" | "type">> = {}): Column {
  return { name, type, nullable: false, ...extra };
}

function table(name: string, columns: readonly Column[], extra: Partial<TableModel> = {}): TableModel {
  return { name, columns, indexes: [], uniques: [], foreignKeys: [], checks: [], exclusions: [], ...extra };
}

function fk(name: string, columns: string[], referencedTable: string, extra: Partial<ForeignKey> = {}): ForeignKey {
  return { name, columns, referencedTable, referencedColumns: ["id"], onDelete: "NO ACTION", onUpdate: "NO ACTION", ...extra };
}

function header(id: string, message: string, downRevisions: readonly string[] = ["0a1b2c3d4e5f"]): MigrationHeader {
  return { id, downRevisions, message, createdAt: "2026-11-21T10:00:00.000Z" };
}

/** A case whose `down` is the reverse of its `up`, as autogenerate writes it. */
function reversible(name: string, input: Omit<MigrationFileInput, "downOps">): GoldenCase {
  return { name, input: { ...input, downOps: reverseAll(input.upOps) } };
}

export interface GoldenCase {
  readonly name: string;
  readonly input: MigrationFileInput;
}

const prompts = table(
  "prompts",
  [
    col("id", t.int, { identity: "increment" }),
    col("title", t.varchar(255)),
    col("user_id", t.int, { nullable: true }),
    col("created_at", { kind: "timestamp", withTimeZone: false }, { default: "now()" }),
  ],
  {
    primaryKey: { name: "PK_0a5b1f4c3f3e4d5a6b7c8d9e0f1", columns: ["id"] },
    foreignKeys: [fk("FK_4a4f2d9c1b3e", ["user_id"], "users", { onDelete: "CASCADE" })],
  },
);

const createTableUpOps: Operation[] = [
  { kind: "createTable", table: prompts },
  { kind: "createIndex", table: "prompts", index: { name: "IDX_prompts_title", columns: ["title"], unique: false } },
];

const addColumnsUpOps: Operation[] = [
  { kind: "addColumn", table: "products", column: col("price", { kind: "numeric", precision: 10, scale: 2 }, { default: "0" }) },
  { kind: "addColumn", table: "products", column: col("tags", { kind: "array", element: t.text }, { nullable: true }) },
  { kind: "addColumn", table: "products", column: col("sku", t.uuid, { default: "gen_random_uuid()" }) },
  { kind: "addColumn", table: "products", column: col("seen_at", { kind: "timestamp", precision: 6, withTimeZone: true }) },
  {
    kind: "addColumn",
    table: "products",
    column: col("name_lower", t.text, { nullable: true, computed: { expression: "lower(name)", stored: true } }),
  },
  { kind: "addColumn", table: "products", column: col("code", t.varchar(20), { collation: "C", comment: "Supplier code" }) },
  { kind: "addColumn", table: "products", column: col("serial", t.bigint, { identity: "always" }) },
  { kind: "addColumn", table: "products", column: col("extra", { kind: "native", sql: "citext" }, { nullable: true }) },
  { kind: "dropColumn", table: "products", column: col("legacy_flag", t.bool, { default: "false" }) },
  { kind: "dropColumn", table: "orders", column: col("note", { kind: "char", length: 3 }, { nullable: true }) },
];

const alterColumnsUpOps: Operation[] = [
  { kind: "alterColumn", table: "users", from: col("age", t.int, { nullable: true }), to: col("age", t.bigint, { nullable: true }) },
  { kind: "alterColumn", table: "users", from: col("name", t.varchar(255), { nullable: true }), to: col("name", t.varchar(100)) },
  {
    kind: "alterColumn",
    table: "users",
    from: col("status", t.text, { default: "'new'" }),
    to: col("status", t.text, { default: "'active'", comment: "Lifecycle state" }),
  },
  {
    kind: "alterColumn",
    table: "users",
    from: col("score", t.text, { nullable: true }),
    to: col("score", { kind: "numeric", precision: 5 }, { nullable: true }),
    using: "score::numeric(5)",
  },
];

const audit = { schema: "audit", table: "events" } as const;

const constraintsUpOps: Operation[] = [
  { kind: "dropUnique", table: "users", unique: { name: "UQ_users_email", columns: ["email"] } },
  { kind: "createUnique", table: "users", unique: { name: "UQ_users_email_tenant", columns: ["email", "tenant_id"] } },
  { kind: "createCheck", table: "users", check: { name: "CHK_users_age", expression: "age >= 18" } },
  { kind: "dropCheck", table: "users", check: { name: "CHK_users_name", expression: "length(name) > 0" } },
  { kind: "dropForeignKey", table: "posts", foreignKey: fk("FK_posts_author", ["author_id"], "users") },
  {
    kind: "createForeignKey",
    table: "posts",
    foreignKey: fk("FK_posts_author_cascade", ["author_id"], "users", {
      onDelete: "CASCADE",
      onUpdate: "SET NULL",
      deferrable: "INITIALLY DEFERRED",
    }),
  },
  {
    kind: "createForeignKey",
    ...audit,
    foreignKey: fk("FK_events_post", ["post_id", "post_version"], "posts", {
      referencedSchema: "public_v2",
      referencedColumns: ["id", "version"],
      onDelete: "RESTRICT",
      onUpdate: "SET DEFAULT",
      deferrable: "INITIALLY IMMEDIATE",
    }),
  },
];

const primaryKeysUpOps: Operation[] = [
  { kind: "dropPrimaryKey", table: "tags", primaryKey: { name: "PK_tags", columns: ["id"] } },
  { kind: "createPrimaryKey", table: "tags", primaryKey: { name: "PK_tags_name", columns: ["name", "scope"] } },
  { kind: "createPrimaryKey", table: "sqlite_pairs", primaryKey: { columns: ["left_id", "right_id"] } },
];

const exclusionsUpOps: Operation[] = [
  {
    kind: "createExclusion",
    table: "bookings",
    exclusion: { name: "XCL_bookings_room_period", expression: "USING gist (room_id WITH =, period WITH &&)" },
  },
  { kind: "dropExclusion", table: "bookings", exclusion: { name: "XCL_bookings_old", expression: "USING gist (period WITH &&)" } },
  { kind: "createIndex", table: "places", index: { name: "IDX_places_location", columns: ["location"], unique: false, spatial: true } },
  {
    kind: "createIndex",
    table: "places",
    index: { name: "UQ_places_slug_live", columns: ["slug"], unique: true, where: "deleted_at IS NULL" },
  },
  { kind: "dropIndex", table: "places", index: { name: "IDX_places_name", columns: ["name", "city"], unique: false } },
];

const commentsUpOps: Operation[] = [
  { kind: "setTableComment", table: "users", to: "People who can sign in" },
  { kind: "setTableComment", table: "orders", from: "Orders", to: "Customer orders" },
  { kind: "setTableComment", ...audit, from: "Audit trail" },
];

const mood: ColumnType = { kind: "enum", name: "mood" };
const enumsUpOps: Operation[] = [
  { kind: "createEnum", enumType: { name: "mood", values: ["happy", "sad"] } },
  { kind: "createEnum", enumType: { schema: "billing", name: "plan", values: [] } },
  {
    kind: "alterEnum",
    name: "status",
    from: ["draft", "published", "archived"],
    to: ["draft", "live", "archived", "deleted"],
    usedBy: [
      { table: "posts", column: col("status", { kind: "enum", name: "status" }, { default: "'draft'" }) },
      { ...audit, column: col("statuses", { kind: "array", element: { kind: "enum", name: "status" } }, { nullable: true }) },
    ],
  },
  { kind: "alterEnum", schema: "billing", name: "currency", from: ["eur"], to: ["eur", "usd"], usedBy: [] },
  { kind: "addColumn", table: "users", column: col("mood", mood, { nullable: true }) },
  { kind: "addColumn", table: "users", column: col("kind", { kind: "inline-enum", values: ["a", "b"] }, { default: "'a'" }) },
  { kind: "dropEnum", enumType: { name: "legacy_mood", values: ["ok"] } },
];

const viewsUpOps: Operation[] = [
  { kind: "dropView", view: { name: "active_users", definition: "SELECT id, name FROM users WHERE active", materialized: false } },
  {
    kind: "createView",
    view: { name: "active_users", definition: "SELECT id, name, email FROM users WHERE active", materialized: false },
  },
  {
    kind: "createView",
    view: { schema: "reports", name: "daily_totals", definition: "SELECT day, sum(total) AS total FROM orders GROUP BY day", materialized: true },
  },
];

const renamesUpOps: Operation[] = [
  { kind: "renameTable", from: "people", to: "users" },
  { kind: "renameColumn", table: "users", from: "fullname", to: "full_name" },
  { kind: "renameTable", schema: "audit", from: "log", to: "events" },
  { kind: "renameColumn", ...audit, from: "at", to: "occurred_at" },
];

const tricky = 'He said "hi" \\ then\nleft */ /* ok `tick` ${x} \u2028 ünïcødé 日本 😀';
const trickyUpOps: Operation[] = [
  {
    kind: "createTable",
    table: table(
      'odd "table"',
      [
        col("col\nwith newline", t.text, { default: "'it''s'", comment: tricky }),
        col("ключ", t.int, { nullable: true }),
      ],
      { comment: "a */ comment", checks: [{ name: "CHK_odd", expression: `"ключ" <> 0 AND 'a\\b' <> ''` }] },
    ),
  },
  { kind: "dropColumn", table: 'odd "table"', column: col("gone\r\nnow", t.text, { nullable: true }) },
];

export const goldenCases: readonly GoldenCase[] = [
  reversible("create-table", { header: header("7a8b9c0d1e2f", "add prompts table"), upOps: createTableUpOps }),
  reversible("add-drop-columns", { header: header("1c2d3e4f5a6b", "product details"), upOps: addColumnsUpOps }),
  reversible("alter-columns", { header: header("2d3e4f5a6b7c", "tighten users"), upOps: alterColumnsUpOps }),
  reversible("constraints", { header: header("3e4f5a6b7c8d", "constraints"), upOps: constraintsUpOps }),
  reversible("primary-keys", { header: header("4f5a6b7c8d9e", "re-key tags"), upOps: primaryKeysUpOps }),
  reversible("exclusions-and-indexes", {
    header: header("5a6b7c8d9e0f", "bookings and places"),
    upOps: exclusionsUpOps,
    capabilities: postgresDialect.capabilities,
  }),
  reversible("table-comments", { header: header("6b7c8d9e0f1a", "document tables"), upOps: commentsUpOps }),
  reversible("enums", { header: header("7c8d9e0f1a2b", "enum changes"), upOps: enumsUpOps }),
  reversible("views", { header: header("8d9e0f1a2b3c", "reporting views"), upOps: viewsUpOps }),
  reversible("renames", { header: header("9e0f1a2b3c4d", "rename people to users"), upOps: renamesUpOps }),
  {
    name: "execute",
    input: {
      header: header("0f1a2b3c4d5e", "backfill slugs"),
      upOps: [
        { kind: "execute", sql: "UPDATE posts SET slug = lower(title) WHERE slug IS NULL" },
        { kind: "execute", sql: "INSERT INTO settings (key, value) VALUES ($1, $2)", params: ["theme", "dark"], reverseSql: "DELETE FROM settings WHERE key = $1", reverseParams: ["theme"] },
        { kind: "execute", sql: "UPDATE counters\nSET value = value + $1\nWHERE id = $2", params: [1, null, true, -0, 2.5], reverseSql: "SELECT 1" },
        { kind: "execute", sql: "SELECT 1", params: [] },
      ],
      downOps: [{ kind: "execute", sql: "DELETE FROM settings WHERE key = 'theme'" }],
    },
  },
  { name: "empty", input: { header: header("1a2b3c4d5e6f", "initial", []), upOps: [], downOps: [] } },
  reversible("merge-sqlite-hazards", {
    header: {
      ...header("2b3c4d5e6f7a", "merge feature branches", ["aaaaaaaaaaaa", "bbbbbbbbbbbb"]),
      branchLabels: ["feature"],
    },
    upOps: [
      { kind: "addColumn", table: "users", column: col("email", t.varchar(320)) },
      { kind: "createIndex", table: "users", index: { name: "IDX_users_email", columns: ["email"], unique: true } },
      { kind: "dropColumn", table: "users", column: col("nickname", t.text, { nullable: true }) },
    ],
    capabilities: sqliteDialect.capabilities,
  }),
  reversible("tricky-strings", { header: header("3c4d5e6f7a8b", 'say "hi"\nto \\ everyone */ ✓'), upOps: trickyUpOps }),
];
