import "reflect-metadata";
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from "typeorm";
import type { NamingStrategyInterface, Relation } from "typeorm";
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { readEntityModel } from "../../../src/metadata";
import type { SchemaModel, TableModel } from "../../../src/model/types";
import { buildDataSource } from "./build-data-source";

@Entity("u_owner")
@Check("CHK_u_owner_age", `"age" >= 18`)
@Unique("UQ_u_owner_first_last", ["lastName", "firstName"])
class UOwner {
  @PrimaryColumn({ type: "varchar", length: 8 })
  region: string;

  @PrimaryColumn({ type: "int" })
  code: number;

  @Column({ type: "varchar", length: 20 })
  firstName: string;

  @Column({ type: "varchar", length: 20 })
  lastName: string;

  @Column({ type: "varchar", length: 60, unique: true })
  email: string;

  @Column({ type: "int" })
  age: number;
}

@Entity("u_pet")
@Index("IDX_u_pet_alive", ["name"], { where: `"alive" = true` })
@Exclusion(`USING gist ("name" WITH =)`)
class UPet {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: "varchar", length: 20 })
  name: string;

  @Index({ unique: true })
  @Column({ type: "int" })
  chip: number;

  @Column({ type: "boolean", default: true })
  alive: boolean;

  @ManyToOne(() => UOwner, { onDelete: "CASCADE", deferrable: "INITIALLY DEFERRED" })
  owner: Relation<UOwner>;

  @OneToOne(() => UOwner)
  @JoinColumn()
  bestFriend: Relation<UOwner>;
}

function tableOf(model: SchemaModel, name: string): TableModel {
  const found = model.tables.find((t) => t.name === name);
  assert.ok(found, `table ${name}`);
  return found;
}

for (const dialect of [postgresDialect, sqliteDialect]) {
  describe(`constraints on ${dialect.name}`, () => {
    let naming: NamingStrategyInterface;
    let owner: TableModel;
    let pet: TableModel;
    before(async () => {
      const dataSource = await buildDataSource(dialect.name, [UOwner, UPet]);
      naming = dataSource.namingStrategy;
      const model = readEntityModel(dataSource, dialect);
      owner = tableOf(model, "u_owner");
      pet = tableOf(model, "u_pet");
    });

    test("primary keys: key columns in column order, named where the dialect names them", () => {
      const expectedName = dialect.name === "postgres" ? naming.primaryKeyName("u_owner", ["region", "code"]) : undefined;
      assert.deepEqual(owner.primaryKey, {
        ...(expectedName === undefined ? {} : { name: expectedName }),
        columns: ["region", "code"],
      });
      assert.equal(owner.columns.find((c) => c.name === "region")?.nullable, false);
    });

    test("uniques: declared, column-level and one-to-one", () => {
      const names = owner.uniques.map((u) => u.name);
      assert.deepEqual(names, [naming.uniqueConstraintName("u_owner", ["email"]), "UQ_u_owner_first_last"].sort());
      assert.deepEqual(owner.uniques.find((u) => u.name === "UQ_u_owner_first_last")?.columns, ["lastName", "firstName"]);
      assert.equal(pet.uniques.length, 1);
      assert.match(pet.uniques[0]?.name ?? "", /^REL_/);
      assert.deepEqual(pet.uniques[0]?.columns, ["bestFriendRegion", "bestFriendCode"]);
    });

    test("checks go through normalizeExpression", () => {
      assert.deepEqual(owner.checks, [{ name: "CHK_u_owner_age", expression: dialect.normalizeExpression(`"age" >= 18`) }]);
    });

    test("indexes: plain, unique and partial; unique constraints are not indexes", () => {
      const byName = new Map(pet.indexes.map((i) => [i.name, i]));
      assert.deepEqual(byName.get("IDX_u_pet_alive"), {
        name: "IDX_u_pet_alive",
        columns: ["name"],
        unique: false,
        where: dialect.normalizeExpression(`"alive" = true`),
      });
      assert.deepEqual(byName.get(naming.indexName("u_pet", ["chip"])), {
        name: naming.indexName("u_pet", ["chip"]),
        columns: ["chip"],
        unique: true,
      });
      assert.equal(pet.indexes.length, 3);
      assert.deepEqual(owner.indexes, []);
    });

    test("foreign keys: composite, actions defaulting to NO ACTION, deferrable", () => {
      const owned = pet.foreignKeys.find((fk) => fk.columns[0] === "ownerRegion");
      assert.deepEqual(owned, {
        name: naming.foreignKeyName("u_pet", ["ownerRegion", "ownerCode"], "u_owner", ["region", "code"]),
        columns: ["ownerRegion", "ownerCode"],
        referencedTable: "u_owner",
        referencedColumns: ["region", "code"],
        onDelete: "CASCADE",
        onUpdate: "NO ACTION",
        deferrable: "INITIALLY DEFERRED",
      });
      const friend = pet.foreignKeys.find((fk) => fk.columns[0] === "bestFriendRegion");
      assert.equal(friend?.onDelete, "NO ACTION");
      assert.equal(friend?.deferrable, undefined);
    });

    test("exclusions only where TypeORM creates them", () => {
      if (dialect.name === "postgres") {
        assert.equal(pet.exclusions.length, 1);
        assert.equal(pet.exclusions[0]?.expression, dialect.normalizeExpression(`USING gist ("name" WITH =)`));
      } else {
        assert.deepEqual(pet.exclusions, []);
      }
    });
  });
}
