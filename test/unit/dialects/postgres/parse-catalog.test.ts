import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseCatalog } from "../../../../src/dialects/postgres/parse-catalog";
import type { SchemaModel, TableModel } from "../../../../src/model/types";
import { capturedCatalog } from "./captured-catalog";

const excludeTables = ["migrations", "typeorm_metadata", "retort_version"];

function table(model: SchemaModel, name: string, schema?: string): TableModel {
  const found = model.tables.find((t) => t.name === name && t.schema === schema);
  assert.ok(found, `table ${schema ?? ""}.${name}`);
  return found;
}

describe("postgres parseCatalog on rows captured from PostgreSQL 15", () => {
  const model = parseCatalog(capturedCatalog, { excludeTables });

  test("lists tables of every schema, the default schema omitted, partitions and bookkeeping left out", () => {
    assert.deepEqual(
      model.tables.map((t) => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`)),
      ["audit.event", "line", "measure", "post", "shipment", "user"],
    );
  });

  test("reads the user table completely", () => {
    assert.deepEqual(table(model, "user"), {
      name: "user",
      comment: "people",
      columns: [
        { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" },
        { name: "email", type: { kind: "varchar", length: 255 }, nullable: false },
        { name: "role", type: { kind: "enum", name: "user_role_enum" }, nullable: false, default: "'user'" },
        {
          name: "roles",
          type: { kind: "array", element: { kind: "enum", name: "user_role_enum" } },
          nullable: false,
          default: "'{guest}'",
        },
        { name: "tags", type: { kind: "array", element: { kind: "text" } }, nullable: false, default: "'{}'" },
        { name: "age", type: { kind: "integer" }, nullable: true, comment: "years" },
        { name: "createdAt", type: { kind: "timestamp", withTimeZone: false }, nullable: false, default: "now()" },
        {
          name: "updatedAt",
          type: { kind: "timestamp", precision: 3, withTimeZone: true },
          nullable: false,
          default: "now()",
        },
        { name: "birthday", type: { kind: "date" }, nullable: true, default: "CURRENT_DATE" },
        { name: "nick", type: { kind: "text" }, nullable: true, collation: "C" },
        { name: "score", type: { kind: "numeric", precision: 10, scale: 2 }, nullable: false, default: "'0'" },
        { name: "active", type: { kind: "boolean" }, nullable: false, default: "true" },
        { name: "settings", type: { kind: "jsonb" }, nullable: false, default: `'{"size":2,"theme":"dark"}'` },
        { name: "code", type: { kind: "char", length: 2 }, nullable: true },
        {
          name: "fullName",
          type: { kind: "varchar" },
          nullable: true,
          computed: { expression: "email || '!'", stored: true },
        },
      ],
      primaryKey: { name: "PK_cace4a159ff9f2512dd42373760", columns: ["id"] },
      indexes: [],
      uniques: [{ name: "UQ_e12875dfb3b1d92d7d7c5377e22", columns: ["email"] }],
      foreignKeys: [],
      checks: [
        { name: "CHK_age", expression: "age >= 0" },
        { name: "CHK_code", expression: "code IN ('aa', 'bb')" },
      ],
      exclusions: [],
    });
  });

  test("reads indexes that back no constraint: partial, expression, unique, GiST", () => {
    assert.deepEqual(table(model, "post").indexes, [
      { name: "IDX_post_location", columns: ["location"], unique: false, spatial: true },
      { name: "IDX_post_lower", columns: ["lower(title)"], unique: true },
      { name: "IDX_post_title", columns: ["title", "authorId"], unique: false, where: "body IS NOT NULL" },
    ]);
  });

  test("reads identity columns and uuid defaults", () => {
    const columns = table(model, "post").columns;
    assert.deepEqual(columns[0], { name: "id", type: { kind: "uuid" }, nullable: false, default: "gen_random_uuid()" });
    assert.deepEqual(columns[4], { name: "seq", type: { kind: "integer" }, nullable: false, identity: "always" });
    assert.deepEqual(table(model, "event", "audit").columns[0], {
      name: "id",
      type: { kind: "bigint" },
      nullable: false,
      identity: "by-default",
    });
  });

  test("reads foreign keys with actions, deferrability, other schemas and column order", () => {
    assert.deepEqual(table(model, "post").foreignKeys, [
      {
        name: "FK_post_author",
        columns: ["authorId"],
        referencedTable: "user",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
        deferrable: "INITIALLY DEFERRED",
      },
    ]);
    assert.deepEqual(table(model, "event", "audit").foreignKeys, [
      {
        name: "FK_event_user",
        columns: ["userId"],
        referencedTable: "user",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "RESTRICT",
      },
    ]);
    assert.deepEqual(table(model, "shipment").foreignKeys[0].columns, ["lineNo", "orderId"]);
    assert.deepEqual(table(model, "shipment").foreignKeys[0].referencedColumns, ["lineNo", "orderId"]);
    assert.deepEqual(table(model, "line").primaryKey, { name: "PK_line", columns: ["lineNo", "orderId"] });
  });

  test("reads exclusion constraints and enum columns of another schema", () => {
    const event = table(model, "event", "audit");
    assert.deepEqual(event.exclusions, [{ name: "XCL_event", expression: "USING gist(during WITH &&)" }]);
    assert.deepEqual(event.columns[1].type, { kind: "enum", name: "event_kind_enum", schema: "audit" });
  });

  test("reads enums with ordered values", () => {
    assert.deepEqual(model.enums, [
      { schema: "audit", name: "event_kind_enum", values: ["create", "delete"] },
      { name: "user_role_enum", values: ["admin", "user", "guest"] },
    ]);
  });

  test("reads views, preferring TypeORM's recorded query", () => {
    assert.deepEqual(model.views, [
      {
        schema: "audit",
        name: "event_counts",
        materialized: true,
        definition: "SELECT event.kind, count(*) AS n FROM audit.event GROUP BY event.kind",
      },
      {
        name: "user_emails",
        materialized: false,
        definition: `SELECT u.email AS email FROM "user" u WHERE u.active = true`,
      },
    ]);
  });

  test("falls back to the catalog's text without typeorm_metadata", () => {
    const bare = parseCatalog({ ...capturedCatalog, metadata: [] }, { excludeTables });
    const view = bare.views.find((v) => v.name === "user_emails");
    assert.equal(view?.definition, `SELECT u.email FROM "user" u WHERE u.active = true`);
    const fullName = table(bare, "user").columns.find((c) => c.name === "fullName");
    // The catalog's ((email)::text || '!'::text) normalises to TypeORM's "email" || '!'.
    assert.deepEqual(fullName?.computed, { expression: "email || '!'", stored: true });
  });

  test("omits the schema given as default instead of the current one", () => {
    const audit = parseCatalog(capturedCatalog, { excludeTables, defaultSchema: "audit" });
    assert.deepEqual(
      audit.tables.map((t) => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`)),
      ["event", "public.line", "public.measure", "public.post", "public.shipment", "public.user"],
    );
    assert.equal(table(audit, "event").foreignKeys[0].referencedSchema, "public");
    assert.deepEqual(table(audit, "event").columns[1].type, { kind: "enum", name: "event_kind_enum" });
    assert.deepEqual(table(audit, "user", "public").columns[2].type, {
      kind: "enum",
      name: "user_role_enum",
      schema: "public",
    });
  });

  test("leaves out excluded tables even when their rows are present", () => {
    const fewer = parseCatalog(capturedCatalog, { excludeTables: [...excludeTables, "post", "user_emails"] });
    assert.equal(
      fewer.tables.some((t) => t.name === "post"),
      false,
    );
    assert.equal(
      fewer.views.some((v) => v.name === "user_emails"),
      false,
    );
  });

  test("is deterministic and JSON-clean (no undefined members)", () => {
    const again = parseCatalog(capturedCatalog, { excludeTables });
    assert.equal(JSON.stringify(again), JSON.stringify(model));
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
  });

  test("rejects rows of the wrong shape loudly", () => {
    const broken = { ...capturedCatalog, tables: [{ schema: "public", name: 42 }] };
    assert.throws(() => parseCatalog(broken, { excludeTables }), { code: "internal" });
  });
});
