import "reflect-metadata";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { readEntityModel } from "../../../src/metadata";
import type { SchemaModel } from "../../../src/model/types";
import { buildDataSource } from "./build-data-source";

enum UMood {
  Happy = "happy",
  Sad = "sad",
}

@Entity("U_Ticket")
class UTicket {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "enum", enum: UMood, default: UMood.Sad })
  currentMood: UMood;

  @Column({ type: "simple-enum", enum: ["b", "a", "c"] })
  grade: string;

  @Column({ type: "enum", enum: ["x", "y"], enumName: "u_shared" })
  first: string;

  @Column({ type: "enum", enum: ["x", "y"], array: true, nullable: true })
  many: string[] | null;
}

/** SQLite has no `enum` type: `simple-enum`, or `enum` values on a text column. */
@Entity("u_lite_ticket")
class ULiteTicket {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "simple-enum", enum: UMood, default: UMood.Sad })
  currentMood: UMood;

  @Column({ type: "varchar", length: 5, enum: ["b", "a", "c"] })
  grade: string;
}

@Entity("u_ticket_copy")
class UTicketCopy {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "enum", enum: ["x", "y", "z"], enumName: "u_shared" })
  second: string;
}

@Entity("u_audited", { schema: "audit" })
class UAudited {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "enum", enum: ["on", "off"] })
  flag: string;
}

function typeOf(model: SchemaModel, tableName: string, columnName: string): unknown {
  return model.tables.find((t) => t.name === tableName)?.columns.find((c) => c.name === columnName)?.type;
}

describe("enums on PostgreSQL", () => {
  test("named as TypeORM names them, values in order, shared names once", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [UTicket, UTicketCopy]), postgresDialect);
    // The table name keeps its case, the column name is lower-cased.
    assert.deepEqual(typeOf(model, "U_Ticket", "currentMood"), { kind: "enum", name: "U_Ticket_currentmood_enum" });
    assert.deepEqual(typeOf(model, "U_Ticket", "grade"), { kind: "enum", name: "U_Ticket_grade_enum" });
    assert.deepEqual(typeOf(model, "U_Ticket", "first"), { kind: "enum", name: "u_shared" });
    assert.deepEqual(typeOf(model, "u_ticket_copy", "second"), { kind: "enum", name: "u_shared" });
    assert.deepEqual(typeOf(model, "U_Ticket", "many"), {
      kind: "array",
      element: { kind: "enum", name: "U_Ticket_many_enum" },
    });
    assert.deepEqual(model.enums, [
      { name: "U_Ticket_currentmood_enum", values: ["happy", "sad"] },
      { name: "U_Ticket_grade_enum", values: ["b", "a", "c"] },
      { name: "U_Ticket_many_enum", values: ["x", "y"] },
      { name: "u_shared", values: ["x", "y"] },
    ]);
    const mood = model.tables.find((t) => t.name === "U_Ticket")?.columns.find((c) => c.name === "currentMood");
    assert.equal(mood?.default, "'sad'");
  });

  test("an enum lives in its table's schema", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [UAudited]), postgresDialect);
    assert.deepEqual(typeOf(model, "u_audited", "flag"), { kind: "enum", name: "u_audited_flag_enum", schema: "audit" });
    assert.deepEqual(model.enums, [{ schema: "audit", name: "u_audited_flag_enum", values: ["on", "off"] }]);
    assert.equal(model.tables[0]?.schema, "audit");
  });
});

describe("enums on SQLite", () => {
  test("inline enums, no enum types", async () => {
    const model = readEntityModel(await buildDataSource("sqlite", [ULiteTicket]), sqliteDialect);
    assert.deepEqual(model.enums, []);
    assert.deepEqual(typeOf(model, "u_lite_ticket", "currentMood"), { kind: "inline-enum", values: ["happy", "sad"] });
    assert.deepEqual(typeOf(model, "u_lite_ticket", "grade"), { kind: "inline-enum", values: ["b", "a", "c"] });
    const ticket = model.tables.find((t) => t.name === "u_lite_ticket");
    assert.deepEqual(ticket?.checks, [], "the inline CHECK is part of the type, not a check");
  });
});
