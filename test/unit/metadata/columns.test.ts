import "reflect-metadata";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Column, CreateDateColumn, Entity, Generated, PrimaryGeneratedColumn } from "typeorm";
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { readEntityModel } from "../../../src/metadata";
import type { Column as ModelColumn, SchemaModel, TableModel } from "../../../src/model/types";
import { buildDataSource } from "./build-data-source";

@Entity("u_gadget")
class UGadget {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 40 })
  name: string;

  @Column({ type: "text", nullable: true, comment: "free text" })
  notes: string | null;

  @Column({ type: "int", default: 5 })
  stock: number;

  @Column({ type: "boolean", default: true })
  enabled: boolean;

  @Column({ type: "varchar", length: 10, default: "new" })
  state: string;

  @Column({ type: "int", asExpression: `"stock" * 2`, generatedType: "STORED" })
  doubled: number;

  @Column({ type: "uuid" })
  @Generated("uuid")
  token: string;

  @CreateDateColumn()
  createdAt: Date;
}

/** SQLite only: TypeORM refuses VIRTUAL generated columns on PostgreSQL. */
@Entity("u_virtual")
class UVirtual {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "int" })
  stock: number;

  @Column({ type: "int", asExpression: `"stock" + 1`, nullable: true })
  bumped: number;
}

@Entity("u_ident")
class UIdent {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })
  id: number;

  @Column({ type: "bigint" })
  // The decorator's type omits "identity", which TypeORM supports at run time.
  @Generated("identity" as "increment")
  position: string;

  @Column({ type: "int" })
  @Generated("increment")
  serialNo: number;

  @Column({ type: "numeric", precision: 8, scale: 3, nullable: true })
  ratio: string | null;

  @Column({ type: "text", array: true, nullable: true })
  tags: string[] | null;
}

function table(model: SchemaModel, name: string): TableModel {
  const found = model.tables.find((t) => t.name === name);
  assert.ok(found, `table ${name} in the model`);
  return found;
}

function column(model: SchemaModel, tableName: string, name: string): ModelColumn {
  const found = table(model, tableName).columns.find((c) => c.name === name);
  assert.ok(found, `column ${tableName}.${name} in the model`);
  return found;
}

describe("columns on PostgreSQL", () => {
  test("types, nullability, defaults, identity, computed and comments", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [UGadget]), postgresDialect);
    assert.deepEqual(column(model, "u_gadget", "id"), { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" });
    assert.deepEqual(column(model, "u_gadget", "name"), { name: "name", type: { kind: "varchar", length: 40 }, nullable: false });
    assert.deepEqual(column(model, "u_gadget", "notes"), { name: "notes", type: { kind: "text" }, nullable: true, comment: "free text" });
    assert.deepEqual(column(model, "u_gadget", "stock"), { name: "stock", type: { kind: "integer" }, nullable: false, default: postgresDialect.normalizeDefault("'5'") });
    assert.equal(column(model, "u_gadget", "enabled").default, "true");
    assert.equal(column(model, "u_gadget", "state").default, "'new'");
    assert.equal(column(model, "u_gadget", "createdAt").default, "now()");
    assert.deepEqual(column(model, "u_gadget", "createdAt").type, { kind: "timestamp", withTimeZone: false });
    assert.deepEqual(column(model, "u_gadget", "doubled").computed, { expression: postgresDialect.normalizeExpression(`"stock" * 2`), stored: true });
    assert.deepEqual(column(model, "u_gadget", "token"), { name: "token", type: { kind: "uuid" }, nullable: false, default: "uuid_generate_v4()" });
  });

  test("the uuid default follows uuidExtension", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [UGadget], { uuidExtension: "pgcrypto" }), postgresDialect);
    assert.equal(column(model, "u_gadget", "token").default, "gen_random_uuid()");
  });

  test("identity, serial on a non-key column, numeric precision and arrays", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [UIdent]), postgresDialect);
    assert.deepEqual(column(model, "u_ident", "id"), { name: "id", type: { kind: "integer" }, nullable: false, identity: "always" });
    assert.deepEqual(column(model, "u_ident", "position"), { name: "position", type: { kind: "bigint" }, nullable: false, identity: "by-default" });
    assert.deepEqual(column(model, "u_ident", "serialNo"), { name: "serialNo", type: { kind: "integer" }, nullable: false, identity: "increment" });
    assert.deepEqual(column(model, "u_ident", "ratio").type, { kind: "numeric", precision: 8, scale: 3 });
    assert.deepEqual(column(model, "u_ident", "tags").type, { kind: "array", element: { kind: "text" } });
  });
});

describe("columns on SQLite", () => {
  test("no comments, no uuid default, AUTOINCREMENT, virtual computed columns", async () => {
    const model = readEntityModel(await buildDataSource("sqlite", [UGadget, UVirtual]), sqliteDialect);
    assert.deepEqual(column(model, "u_gadget", "id"), { name: "id", type: { kind: "integer" }, nullable: false, identity: "increment" });
    assert.deepEqual(column(model, "u_gadget", "notes"), { name: "notes", type: { kind: "text" }, nullable: true });
    assert.equal(column(model, "u_gadget", "enabled").default, sqliteDialect.normalizeDefault("1"));
    assert.equal(column(model, "u_gadget", "createdAt").default, sqliteDialect.normalizeDefault("datetime('now')"));
    assert.deepEqual(column(model, "u_gadget", "doubled").computed, { expression: sqliteDialect.normalizeExpression(`"stock" * 2`), stored: true });
    assert.deepEqual(column(model, "u_virtual", "bumped").computed, { expression: sqliteDialect.normalizeExpression(`"stock" + 1`), stored: false });
    const token = column(model, "u_gadget", "token");
    assert.equal(token.default, undefined);
    assert.equal("default" in token, false, "no default member at all");
    assert.deepEqual(token.type, sqliteDialect.parseType("varchar"));
    assert.deepEqual(column(model, "u_virtual", "id"), { name: "id", type: sqliteDialect.parseType("varchar"), nullable: false });
  });
});
