import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { DataSource, EntitySchema } from "typeorm";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import type { SchemaModel, TableModel } from "../../../src/model/types";
import { createSqliteDatabase, type TestDatabase } from "../../helpers/databases";
import { createSqliteExecutor } from "./introspect-helpers";

function table(model: SchemaModel, name: string): TableModel {
  const found = model.tables.find((candidate) => candidate.name === name);
  assert.ok(found, `table ${name} is in the model`);
  return found;
}

describe("sqlite introspect (DDL as TypeORM writes it)", () => {
  let database: TestDatabase;
  let db: Database.Database;
  let model: SchemaModel;

  before(async () => {
    database = createSqliteDatabase("introspect");
    db = new Database(database.url);
    db.exec(`
      CREATE TABLE "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text);
      CREATE TABLE "migrations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "timestamp" bigint NOT NULL, "name" varchar NOT NULL);
      CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) COLLATE NOCASE NOT NULL, "role" varchar CHECK( "role" IN ('admin','guest user') ) NOT NULL DEFAULT ('guest user'), "balance" decimal(10,2) NOT NULL DEFAULT (0), "active" boolean NOT NULL DEFAULT (1), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "bio" text, "photo" blob, "uid" varchar, "display" varchar AS ("email" || ' (' || "role" || ')') STORED, "emailLength" integer AS (length("email")) VIRTUAL, CONSTRAINT "UQ_e12875dfb3b1d92d7d7c5377e22" UNIQUE ("email"), CONSTRAINT "UQ_role_uid" UNIQUE ("role", "uid"), CONSTRAINT "CHK_balance" CHECK ("balance" >= 0));
      CREATE INDEX "IDX_created" ON "user" ("createdAt") ;
      CREATE UNIQUE INDEX "IDX_uid_live" ON "user" ("uid", "role") WHERE "active" = 1;
      CREATE TABLE "post" ("postId" integer NOT NULL, "version" integer NOT NULL, "title" varchar(100) NOT NULL, "authorId" integer, "editorId" integer, CONSTRAINT "FK_author" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_editor" FOREIGN KEY ("editorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY DEFERRED, PRIMARY KEY ("version", "postId"));
      CREATE VIEW "active_user" AS SELECT "u"."id" AS "id", "u"."email" AS "email" FROM "user" "u" WHERE "u"."active" = 1;
    `);
    model = await sqliteDialect.introspect(createSqliteExecutor(db), {
      excludeTables: ["typeorm_metadata", "migrations"],
    });
  });

  after(async () => {
    db.close();
    await database.drop();
  });

  it("leaves out excluded and internal tables", () => {
    assert.deepEqual(
      model.tables.map((t) => t.name),
      ["post", "user"],
    );
    assert.deepEqual(model.enums, []);
  });

  it("reads a table with every column feature", () => {
    assert.deepEqual(table(model, "user"), {
      name: "user",
      columns: [
        { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" },
        { name: "email", type: { kind: "varchar", length: 255 }, nullable: false, collation: "NOCASE" },
        {
          name: "role",
          type: { kind: "inline-enum", values: ["admin", "guest user"] },
          nullable: false,
          default: "'guest user'",
        },
        { name: "balance", type: { kind: "numeric", precision: 10, scale: 2 }, nullable: false, default: "0" },
        { name: "active", type: { kind: "boolean" }, nullable: false, default: "1" },
        {
          name: "createdAt",
          type: { kind: "timestamp", withTimeZone: false },
          nullable: false,
          default: "datetime('now')",
        },
        { name: "bio", type: { kind: "text" }, nullable: true },
        { name: "photo", type: { kind: "blob" }, nullable: true },
        { name: "uid", type: { kind: "varchar" }, nullable: true },
        {
          name: "display",
          type: { kind: "varchar" },
          nullable: true,
          computed: { expression: `"email" || ' (' || "role" || ')'`, stored: true },
        },
        {
          name: "emailLength",
          type: { kind: "integer" },
          nullable: true,
          computed: { expression: `length("email")`, stored: false },
        },
      ],
      primaryKey: { columns: ["id"] },
      indexes: [
        { name: "IDX_created", columns: ["createdAt"], unique: false },
        { name: "IDX_uid_live", columns: ["uid", "role"], unique: true, where: `"active" = 1` },
      ],
      uniques: [
        { name: "UQ_e12875dfb3b1d92d7d7c5377e22", columns: ["email"] },
        { name: "UQ_role_uid", columns: ["role", "uid"] },
      ],
      foreignKeys: [],
      checks: [{ name: "CHK_balance", expression: `"balance" >= 0` }],
      exclusions: [],
    });
  });

  it("reads a composite key and foreign keys with actions and deferral", () => {
    const post = table(model, "post");
    assert.deepEqual(post.primaryKey, { columns: ["version", "postId"] });
    assert.deepEqual(post.foreignKeys, [
      {
        name: "FK_author",
        columns: ["authorId"],
        referencedTable: "user",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
      },
      {
        name: "FK_editor",
        columns: ["editorId"],
        referencedTable: "user",
        referencedColumns: ["id"],
        onDelete: "SET NULL",
        onUpdate: "CASCADE",
        deferrable: "INITIALLY DEFERRED",
      },
    ]);
  });

  it("reads views", () => {
    assert.deepEqual(model.views, [
      {
        name: "active_user",
        definition: `SELECT "u"."id" AS "id", "u"."email" AS "email" FROM "user" "u" WHERE "u"."active" = 1`,
        materialized: false,
      },
    ]);
  });

  it("reads back what normalisation promises for the same text on both sides", () => {
    const user = table(model, "user");
    for (const column of user.columns) {
      if (column.default !== undefined) assert.equal(sqliteDialect.normalizeDefault(column.default), column.default);
    }
    assert.deepEqual(sqliteDialect.parseType("decimal(10,2)"), user.columns[3]?.type);
  });
});

describe("sqlite introspect (nasty names)", () => {
  let database: TestDatabase;
  let db: Database.Database;

  before(() => {
    database = createSqliteDatabase("introspect-names");
    db = new Database(database.url);
  });
  after(async () => {
    db.close();
    await database.drop();
  });

  it("round-trips quotes, spaces, parentheses, commas and non-ASCII letters", async () => {
    const q = sqliteDialect.quoteIdent;
    const parent = 'pa"rent (1), ünï';
    const child = "child, 'x'";
    const col = 'c"o,l (a)';
    db.exec(
      `CREATE TABLE ${q(parent)} (${q("ïd")} integer PRIMARY KEY AUTOINCREMENT NOT NULL, ${q(col)} varchar DEFAULT ('a,'')b(') NOT NULL, ` +
        `CONSTRAINT ${q('UQ "x"')} UNIQUE (${q(col)}), CONSTRAINT ${q("CHK (y)")} CHECK (${q(col)} <> ')'))`,
    );
    db.exec(
      `CREATE TABLE ${q(child)} (${q("p id")} integer, CONSTRAINT ${q("FK, z")} FOREIGN KEY (${q("p id")}) REFERENCES ${q(parent)} (${q("ïd")}) ON DELETE RESTRICT ON UPDATE SET DEFAULT)`,
    );
    db.exec(`CREATE INDEX ${q("IDX (w)")} ON ${q(child)} (${q("p id")}) WHERE ${q("p id")} > 0`);
    const model = await sqliteDialect.introspect(createSqliteExecutor(db), { excludeTables: [] });
    assert.deepEqual(
      model.tables.map((t) => t.name),
      [child, parent],
    );
    const p = table(model, parent);
    assert.deepEqual(p.columns[1], { name: col, type: { kind: "varchar" }, nullable: false, default: "'a,'')b('" });
    assert.deepEqual(p.uniques, [{ name: 'UQ "x"', columns: [col] }]);
    assert.deepEqual(p.checks, [{ name: "CHK (y)", expression: `"c""o,l (a)" <> ')'` }]);
    const c = table(model, child);
    assert.deepEqual(c.foreignKeys, [
      {
        name: "FK, z",
        columns: ["p id"],
        referencedTable: parent,
        referencedColumns: ["ïd"],
        onDelete: "RESTRICT",
        onUpdate: "SET DEFAULT",
      },
    ]);
    assert.deepEqual(c.indexes, [{ name: "IDX (w)", columns: ["p id"], unique: false, where: `"p id" > 0` }]);
  });

  it("reads an empty database as an empty model", async () => {
    const empty = new Database(":memory:");
    try {
      assert.deepEqual(await sqliteDialect.introspect(createSqliteExecutor(empty), { excludeTables: ["x"] }), {
        tables: [],
        enums: [],
        views: [],
      });
    } finally {
      empty.close();
    }
  });
});

describe("sqlite introspect (after TypeORM synchronize)", () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  before(async () => {
    database = createSqliteDatabase("introspect-typeorm");
    const Account = new EntitySchema<Record<string, unknown>>({
      name: "account",
      columns: {
        id: { type: Number, primary: true, generated: "increment" },
        name: { type: String, length: 100 },
        kind: { type: "simple-enum", enum: ["a", "b c"], default: "a" },
        score: { type: "double", nullable: true },
        createdAt: { type: Date, createDate: true },
        code: { type: "uuid", unique: true },
      },
      indices: [{ name: "IDX_account_name", columns: ["name"], where: `"score" IS NOT NULL` }],
      checks: [{ name: "CHK_account_score", expression: `"score" > 0` }],
    });
    const Entry = new EntitySchema<Record<string, unknown>>({
      name: "entry",
      columns: { a: { type: "int", primary: true }, b: { type: "varchar", primary: true } },
      relations: { account: { type: "many-to-one", target: "account", onDelete: "CASCADE" } },
    });
    dataSource = new DataSource({
      type: "better-sqlite3",
      database: database.url,
      entities: [Account, Entry],
      synchronize: true,
    });
    await dataSource.initialize();
  });
  after(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it("reads TypeORM's own DDL, FK rebuild included", async () => {
    const executor = {
      query: (sql: string, params?: readonly unknown[]) => dataSource.query(sql, params ? [...params] : []),
    };
    const model = await sqliteDialect.introspect(executor, { excludeTables: ["typeorm_metadata"] });
    const account = table(model, "account");
    assert.deepEqual(account.columns, [
      { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" },
      { name: "name", type: { kind: "varchar", length: 100 }, nullable: false },
      { name: "kind", type: { kind: "inline-enum", values: ["a", "b c"] }, nullable: false, default: "'a'" },
      { name: "score", type: { kind: "double" }, nullable: true },
      {
        name: "createdAt",
        type: { kind: "timestamp", withTimeZone: false },
        nullable: false,
        default: "datetime('now')",
      },
      { name: "code", type: { kind: "varchar" }, nullable: false },
    ]);
    assert.equal(account.uniques.length, 1);
    assert.deepEqual(account.uniques[0]?.columns, ["code"]);
    assert.match(account.uniques[0]?.name ?? "", /^UQ_[0-9a-f]+$/);
    assert.deepEqual(account.indexes, [
      { name: "IDX_account_name", columns: ["name"], unique: false, where: `"score" IS NOT NULL` },
    ]);
    assert.deepEqual(account.checks, [{ name: "CHK_account_score", expression: `"score" > 0` }]);
    const entry = table(model, "entry");
    assert.deepEqual(entry.primaryKey, { columns: ["a", "b"] });
    assert.equal(entry.foreignKeys.length, 1);
    const [fk] = entry.foreignKeys;
    assert.match(fk?.name ?? "", /^FK_[0-9a-f]+$/);
    assert.deepEqual(
      { ...fk, name: "" },
      {
        name: "",
        columns: ["accountId"],
        referencedTable: "account",
        referencedColumns: ["id"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
      },
    );
  });
});
