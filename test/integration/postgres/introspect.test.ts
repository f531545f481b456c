import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PostgresDriver } from "typeorm/driver/postgres/PostgresDriver";
import { postgresDialect } from "../../../src/dialects/postgres";
import { readCatalog } from "../../../src/dialects/postgres/introspect";
import { parseCatalog } from "../../../src/dialects/postgres/parse-catalog";
import type { SchemaModel, TableModel } from "../../../src/model/types";
import { createPgDatabase, type TestDatabase } from "../../helpers/databases";
import { introspectionDdl, introspectionExcludes } from "./introspect-ddl";
import { connectExecutor } from "./introspect-executor";

const excludeTables = introspectionExcludes;

function findTable(model: SchemaModel, name: string, schema?: string): TableModel {
  const found = model.tables.find((t) => t.name === name && t.schema === schema);
  assert.ok(found, `table ${schema ?? ""}.${name} is in the model`);
  return found;
}

describe("postgres introspect against a live database", () => {
  let db: TestDatabase;
  let executor: Awaited<ReturnType<typeof connectExecutor>>;
  let model: SchemaModel;

  before(async () => {
    db = await createPgDatabase("introspect");
    executor = await connectExecutor(db.url);
    for (const sql of introspectionDdl) await executor.client.query(sql);
    model = await postgresDialect.introspect(executor, { excludeTables });
  });
  after(async () => {
    await executor?.client.end();
    await db?.drop();
  });

  test("reads every user schema, without partitions or bookkeeping tables", () => {
    assert.deepEqual(
      model.tables.map((t) => (t.schema === undefined ? t.name : `${t.schema}.${t.name}`)),
      ["audit.event", "line", "measure", "post", "shipment", "user"],
    );
  });

  test("reads columns, keys and checks of a TypeORM-shaped table", () => {
    const user = findTable(model, "user");
    assert.equal(user.comment, "people");
    assert.deepEqual(user.primaryKey, { name: "PK_cace4a159ff9f2512dd42373760", columns: ["id"] });
    assert.deepEqual(user.uniques, [{ name: "UQ_e12875dfb3b1d92d7d7c5377e22", columns: ["email"] }]);
    assert.deepEqual(user.checks, [
      { name: "CHK_age", expression: "age >= 0" },
      { name: "CHK_code", expression: "code IN ('aa', 'bb')" },
    ]);
    const byName = new Map(user.columns.map((c) => [c.name, c]));
    assert.deepEqual(byName.get("id"), {
      name: "id",
      type: { kind: "integer" },
      nullable: false,
      identity: "increment",
    });
    assert.deepEqual(byName.get("roles")?.type, { kind: "array", element: { kind: "enum", name: "user_role_enum" } });
    assert.deepEqual(byName.get("nick"), { name: "nick", type: { kind: "text" }, nullable: true, collation: "C" });
    assert.deepEqual(byName.get("age"), { name: "age", type: { kind: "integer" }, nullable: true, comment: "years" });
    assert.deepEqual(byName.get("fullName")?.computed, { expression: "email || '!'", stored: true });
    assert.equal(byName.get("birthday")?.default, "CURRENT_DATE");
    assert.equal(byName.get("settings")?.default, `'{"size":2,"theme":"dark"}'`);
  });

  test("reads foreign keys across schemas, indexes, exclusions, enums and views", () => {
    assert.deepEqual(findTable(model, "event", "audit").foreignKeys, [
      {
        name: "FK_event_user",
        columns: ["userId"],
        referencedTable: "user",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "RESTRICT",
      },
    ]);
    assert.deepEqual(findTable(model, "shipment").foreignKeys[0].columns, ["lineNo", "orderId"]);
    assert.deepEqual(
      findTable(model, "post").indexes.map((i) => [i.name, i.columns, i.unique, i.where, i.spatial]),
      [
        ["IDX_post_location", ["location"], false, undefined, true],
        ["IDX_post_lower", ["lower(title)"], true, undefined, undefined],
        ["IDX_post_title", ["title", "authorId"], false, "body IS NOT NULL", undefined],
      ],
    );
    assert.deepEqual(findTable(model, "event", "audit").exclusions, [
      { name: "XCL_event", expression: "USING gist(during WITH &&)" },
    ]);
    assert.deepEqual(model.enums, [
      { schema: "audit", name: "event_kind_enum", values: ["create", "delete"] },
      { name: "user_role_enum", values: ["admin", "user", "guest"] },
    ]);
    assert.deepEqual(
      model.views.map((v) => [v.schema, v.name, v.materialized]),
      [
        ["audit", "event_counts", true],
        [undefined, "user_emails", false],
      ],
    );
  });

  test("is the pure parse of the rows it reads", async () => {
    const rows = await readCatalog(executor, { excludeTables });
    assert.deepEqual(parseCatalog(rows, { excludeTables }), model);
  });

  test("uses the connection's current schema as the default", async () => {
    await executor.client.query("SET search_path TO audit, public");
    try {
      const audit = await postgresDialect.introspect(executor, { excludeTables });
      assert.ok(audit.tables.some((t) => t.name === "event" && t.schema === undefined));
      assert.ok(audit.tables.some((t) => t.name === "user" && t.schema === "public"));
    } finally {
      await executor.client.query("SET search_path TO DEFAULT");
    }
  });

  test("quoted literals and identifiers survive the server", async () => {
    const text = `it's a \\ "test"`;
    const sql = `SELECT ${postgresDialect.quoteLiteral(text)} AS ${postgresDialect.quoteIdent('we"ird')}`;
    assert.deepEqual(await executor.query(sql), [{ 'we"ird': text }]);
  });
});

/**
 * Columns created with TypeORM's own spellings (PostgresDriver.createFullType /
 * normalizeDefault, as synchronize() writes them) must read back as what the same functions
 * parse to: the agreement the fidelity test relies on, checked spelling by spelling.
 */
describe("postgres introspect agrees with TypeORM's spellings", () => {
  const driver = Object.assign(Object.create(PostgresDriver.prototype) as PostgresDriver, {
    spatialTypes: ["geometry", "geography"],
  });
  type Spec = {
    type: string;
    length?: string;
    precision?: number;
    scale?: number;
    isArray?: boolean;
    default?: unknown;
  };
  const specs: readonly Spec[] = [
    { type: "varchar", length: "40", default: "hello" },
    { type: "varchar", default: "it''s" },
    { type: "int", default: 7 },
    { type: "int", default: -7 },
    { type: "int8", default: 9007199254740991 },
    { type: "int2" },
    { type: "decimal", precision: 12, scale: 3, default: 1.5 },
    { type: "numeric", precision: 8 },
    { type: "float", default: 2.25 },
    { type: "float4" },
    { type: "bool", default: false },
    { type: "char" },
    { type: "char", length: "3", default: "abc" },
    { type: "timestamp", default: () => "CURRENT_TIMESTAMP" },
    { type: "timestamp", precision: 3, default: () => "LOCALTIMESTAMP" },
    { type: "timestamptz", precision: 6, default: () => "CURRENT_TIMESTAMP(6)" },
    { type: "time", default: () => "LOCALTIME" },
    { type: "timetz", precision: 2, default: () => "CURRENT_TIME" },
    { type: "date", default: () => "CURRENT_DATE" },
    { type: "interval" },
    { type: "jsonb", default: { z: 1, a: [true, null], "it's": "x" } },
    { type: "json", default: { b: 2, a: 1 } },
    { type: "uuid", default: () => "gen_random_uuid()" },
    { type: "bytea" },
    { type: "text", isArray: true, default: ["a", "b"] },
    { type: "int", isArray: true, default: [] },
    { type: "varchar", length: "10", isArray: true },
    { type: "simple-array" },
    { type: "tsvector" },
    { type: "point" },
  ];
  const columns = specs.map((spec, i) => {
    const type = driver.normalizeType(spec as never);
    const full = driver.createFullType({ ...spec, type } as never);
    const defaultSql = driver.normalizeDefault({ ...spec, type } as never);
    return { name: `c${i}`, spec, full, defaultSql };
  });
  let db: TestDatabase;
  let model: SchemaModel;

  before(async () => {
    db = await createPgDatabase("introspect_agree");
    const executor = await connectExecutor(db.url);
    try {
      const definitions = columns.map(
        (c) => `"${c.name}" ${c.full}${c.defaultSql === undefined ? "" : ` DEFAULT ${c.defaultSql}`}`,
      );
      await executor.client.query(`CREATE TABLE "spellings" (${definitions.join(", ")})`);
      model = await postgresDialect.introspect(executor, { excludeTables: [] });
    } finally {
      await executor.client.end();
    }
  });
  after(async () => {
    await db?.drop();
  });

  for (const [i, column] of columns.entries()) {
    test(`${JSON.stringify(column.spec)} → ${column.full}${column.defaultSql === undefined ? "" : ` DEFAULT ${column.defaultSql}`}`, () => {
      const live = findTable(model, "spellings").columns[i];
      assert.deepEqual(live.type, postgresDialect.parseType(column.full));
      const expected =
        column.defaultSql === undefined ? undefined : postgresDialect.normalizeDefault(column.defaultSql);
      assert.equal(live.default, expected);
    });
  }
});
