import "reflect-metadata";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  ChildEntity,
  Column,
  Entity,
  EntitySchema,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  TableInheritance,
  Tree,
  TreeChildren,
  TreeParent,
  ViewColumn,
  ViewEntity,
} from "typeorm";
import type { Relation } from "typeorm";
import { postgresDialect } from "../../../src/dialects/postgres";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import { listTypeormTables, readEntityModel } from "../../../src/metadata";
import { ConfigError } from "../../../src/util/errors";
import { buildDataSource } from "./build-data-source";

@Entity("u_label")
class ULabel {
  @PrimaryGeneratedColumn()
  id: number;
}

@Entity("u_book")
class UBook {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToMany(() => ULabel)
  @JoinTable()
  labels: Relation<ULabel[]>;
}

@Entity("u_node")
@Tree("closure-table")
class UNode {
  @PrimaryGeneratedColumn()
  id: number;

  @TreeChildren()
  children: Relation<UNode[]>;

  @TreeParent()
  parent: Relation<UNode> | null;
}

@Entity("u_vehicle")
@TableInheritance({ column: { type: "varchar", length: 10, name: "kind" } })
class UVehicle {
  @PrimaryGeneratedColumn()
  id: number;
}

@ChildEntity("car")
class UCar extends UVehicle {
  @Column({ type: "int", nullable: true })
  doors: number | null;
}

class UPoint {
  @Column({ type: "int" })
  x: number;

  @Column({ type: "int" })
  y: number;
}

@Entity("u_shape", { comment: "shapes" })
class UShape {
  @PrimaryGeneratedColumn()
  id: number;

  @Column(() => UPoint)
  origin: UPoint;
}

@Entity("u_frozen", { synchronize: false })
class UFrozen {
  @PrimaryGeneratedColumn()
  id: number;
}

@ViewEntity({ name: "u_shape_view", expression: `SELECT "id" FROM "u_shape"`, materialized: true })
class UShapeView {
  @ViewColumn()
  id: number;
}

@ViewEntity({ name: "u_frozen_view", expression: `SELECT 1 AS "one"`, synchronize: false })
class UFrozenView {
  @ViewColumn()
  one: number;
}

const USchemaThing = new EntitySchema<{ id: number; title: string }>({
  name: "USchemaThing",
  tableName: "u_schema_thing",
  columns: { id: { type: Number, primary: true, generated: true }, title: { type: String, length: 30 } },
});

const entities = [ULabel, UBook, UNode, UVehicle, UCar, UShape, UFrozen, UShapeView, UFrozenView, USchemaThing];

for (const dialect of [postgresDialect, sqliteDialect]) {
  describe(`entity shapes on ${dialect.name}`, () => {
    test("tables synchronize() creates, and only those", async () => {
      const model = readEntityModel(await buildDataSource(dialect.name, entities), dialect);
      assert.deepEqual(
        model.tables.map((t) => t.name),
        ["u_book", "u_book_labels_u_label", "u_label", "u_node", "u_node_closure", "u_schema_thing", "u_shape", "u_vehicle"],
      );
    });

    test("junction and closure tables carry composite keys, indexes and foreign keys", async () => {
      const model = readEntityModel(await buildDataSource(dialect.name, entities), dialect);
      const junction = model.tables.find((t) => t.name === "u_book_labels_u_label");
      assert.deepEqual(junction?.primaryKey?.columns, ["uBookId", "uLabelId"]);
      assert.deepEqual(junction?.indexes.map((i) => i.columns.join(",")).sort(), ["uBookId", "uLabelId"]);
      assert.deepEqual(junction?.foreignKeys.map((fk) => fk.onDelete).sort(), ["CASCADE", "CASCADE"]);
      const closure = model.tables.find((t) => t.name === "u_node_closure");
      assert.deepEqual(closure?.primaryKey?.columns, ["id_ancestor", "id_descendant"]);
      assert.deepEqual(closure?.foreignKeys.map((fk) => fk.referencedTable), ["u_node", "u_node"]);
    });

    test("single-table inheritance: one table with the child's columns and the discriminator", async () => {
      const model = readEntityModel(await buildDataSource(dialect.name, entities), dialect);
      const vehicle = model.tables.find((t) => t.name === "u_vehicle");
      assert.deepEqual(vehicle?.columns.map((c) => c.name).sort(), ["doors", "id", "kind"]);
      assert.deepEqual(vehicle?.indexes.map((i) => i.columns), [["kind"]]);
    });

    test("embedded columns, table comments where supported", async () => {
      const model = readEntityModel(await buildDataSource(dialect.name, entities), dialect);
      const shape = model.tables.find((t) => t.name === "u_shape");
      assert.deepEqual(shape?.columns.map((c) => c.name), ["id", "originX", "originY"]);
      assert.equal(shape?.comment, dialect.capabilities.comments ? "shapes" : undefined);
    });

    test("views: synchronized ones only, materialized where the database has them", async () => {
      const model = readEntityModel(await buildDataSource(dialect.name, entities), dialect);
      assert.deepEqual(model.views, [
        {
          name: "u_shape_view",
          definition: dialect.normalizeExpression(`SELECT "id" FROM "u_shape"`),
          materialized: dialect.name === "postgres",
        },
      ]);
    });

    test("excluded tables and TypeORM's bookkeeping tables are left out", async () => {
      const dataSource = await buildDataSource(dialect.name, entities, { migrationsTableName: "u_label" });
      assert.deepEqual(listTypeormTables(dataSource), ["u_label", "typeorm_metadata"]);
      const model = readEntityModel(dataSource, dialect, { excludeTables: ["u_shape", "u_shape_view"] });
      const names = model.tables.map((t) => t.name);
      assert.equal(names.includes("u_label"), false);
      assert.equal(names.includes("u_shape"), false);
      assert.deepEqual(model.views, []);
    });

    test("the query-result cache table counts as bookkeeping when the cache is in the database", async () => {
      const cached = await buildDataSource(dialect.name, [ULabel], { cache: { tableName: "u_cache" } });
      assert.deepEqual(listTypeormTables(cached), ["migrations", "typeorm_metadata", "u_cache"]);
      const defaultCache = await buildDataSource(dialect.name, [ULabel], { cache: true });
      assert.deepEqual(listTypeormTables(defaultCache), ["migrations", "typeorm_metadata", "query-result-cache"]);
    });

    test("a DataSource of another dialect is refused", async () => {
      const other = dialect.name === "postgres" ? sqliteDialect : postgresDialect;
      const dataSource = await buildDataSource(dialect.name, [ULabel]);
      assert.throws(() => readEntityModel(dataSource, other), ConfigError);
    });
  });
}

describe("schemas on PostgreSQL", () => {
  test("the DataSource's schema is kept when it is not the default one", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [ULabel, UBook], { schema: "app" }), postgresDialect);
    assert.deepEqual(model.tables.map((t) => t.schema), ["app", "app", "app"]);
    const junction = model.tables.find((t) => t.name === "u_book_labels_u_label");
    assert.deepEqual(junction?.foreignKeys.map((fk) => fk.referencedSchema), ["app", "app"]);
  });

  test("the default schema is omitted, also when named explicitly", async () => {
    const model = readEntityModel(await buildDataSource("postgres", [ULabel], { schema: "public" }), postgresDialect);
    assert.equal("schema" in (model.tables[0] ?? {}), false);
    const custom = readEntityModel(await buildDataSource("postgres", [ULabel], { schema: "app" }), postgresDialect, {
      defaultSchema: "app",
    });
    assert.equal("schema" in (custom.tables[0] ?? {}), false);
  });
});
