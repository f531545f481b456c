import "reflect-metadata";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Column, DataSource, Entity, PrimaryGeneratedColumn, getMetadataArgsStorage } from "typeorm";
import type { DataSourceOptions, EntityMetadata } from "typeorm";
import { EntityMetadataBuilder } from "typeorm/metadata-builder/EntityMetadataBuilder";
import { MetadataUtils } from "typeorm/metadata-builder/MetadataUtils";
import { narrowedStep1, withIndexedMetadataArgs } from "../../../src/metadata/indexed-args";
import { allFixtures } from "../../fixtures";
import type { Fixture, FixtureDialect } from "../../fixtures";

/** Keys that lead out of the entity metadata into the DataSource, its driver and caches. */
const SKIPPED_KEYS = new Set(["dataSource", "connection", "driver", "manager", "relationLoader", "relationIdLoader"]);

/**
 * The whole object graph of a DataSource's entity metadata as text: every reachable own
 * property in a fixed order, an object seen before written as the path where it was first
 * met, a function (an entity class, a default) by name and by the order it was first met. Two
 * builds of the same entities give the same text only if their graphs are the same shape with
 * the same values, references and array orders.
 */
function snapshot(dataSource: DataSource): string {
  const seen = new Map<object, string>();
  const functions = new Map<Function, number>();
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "function") {
      if (!functions.has(value)) functions.set(value, functions.size);
      out.push(`${path} = fn ${value.name}#${functions.get(value)}`);
      return;
    }
    if (typeof value !== "object" || value === null) {
      out.push(`${path} = ${typeof value === "bigint" ? `${value}n` : JSON.stringify(value) ?? String(value)}`);
      return;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      out.push(`${path} = @${first}`);
      return;
    }
    seen.set(value, path);
    if (value instanceof Map || value instanceof Set) {
      out.push(`${path} = ${value.constructor.name}(${value.size})`);
      [...value.entries()].forEach(([key, item], i) => {
        walk(key, `${path}<${i}k>`);
        walk(item, `${path}<${i}>`);
      });
      return;
    }
    out.push(`${path} = ${Array.isArray(value) ? `[${value.length}]` : (value.constructor?.name ?? "null-proto")}`);
    for (const key of Object.keys(value)) {
      if (SKIPPED_KEYS.has(key)) continue;
      walk((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
  };
  walk(dataSource.entityMetadatas, "entities");
  return out.join("\n");
}

function dataSourceFor(fixture: Fixture, dialect: FixtureDialect): DataSource {
  const common = { entities: [...fixture.entities], ...fixture.dataSourceOptions };
  const options =
    dialect === "postgres" ? { type: "postgres", ...common } : { type: "better-sqlite3", database: ":memory:", ...common };
  return new DataSource(options as DataSourceOptions);
}

async function build(dataSource: DataSource): Promise<DataSource> {
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

/** Entity classes `ChildrenN_i` (i < count) with an id column, made at run time. */
function generatedEntities(count: number): Function[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `ChildrenN_${i}`;
    const entity = { [name]: class {} }[name]!;
    Reflect.defineMetadata("design:type", Number, entity.prototype, "id");
    PrimaryGeneratedColumn()(entity.prototype, "id");
    Entity(`children_n_${i}`)(entity);
    return entity;
  });
}

/** The entity classes of `metadata`'s children, in TypeORM's order. */
function childTargets(metadata: EntityMetadata | undefined): unknown[] {
  return (metadata?.childEntityMetadatas ?? []).map((child) => child.target);
}

@Entity("ct_base")
class CtBase {
  @PrimaryGeneratedColumn()
  id: number;
}

/** Not an entity: a class between two entities. */
class CtMiddle extends CtBase {
  @Column({ type: "int" })
  middle: number;
}

@Entity("ct_leaf")
class CtLeaf extends CtMiddle {
  @Column({ type: "int" })
  leaf: number;
}

@Entity("ct_other")
class CtOther extends CtBase {
  @Column({ type: "int" })
  other: number;
}

/** Claims CtLeaf's prototype as an instance: `instanceof` asks it, not the prototype chain. */
@Entity("ct_claims")
class CtClaims {
  @PrimaryGeneratedColumn()
  id: number;

  static [Symbol.hasInstance](value: unknown): boolean {
    return value === CtLeaf.prototype;
  }
}

describe("indexed metadata-args lookups", () => {
  for (const fixture of allFixtures) {
    for (const dialect of fixture.dialects) {
      test(`${fixture.name} (${dialect}): the metadata TypeORM builds is the same with and without the index`, async () => {
        const plain = snapshot(await build(dataSourceFor(fixture, dialect)));
        const indexed = snapshot(await withIndexedMetadataArgs(() => build(dataSourceFor(fixture, dialect))));
        assert.ok(plain.split("\n").length > 50, "the snapshot covers the metadata graph");
        assert.equal(indexed, plain);
      });
    }
  }

  test("every fixture's entities at once (inheritance trees resolved against all other entities)", async () => {
    const entities = allFixtures.filter((fixture) => fixture.dialects.includes("postgres")).flatMap((f) => f.entities);
    const all = (): DataSource => new DataSource({ type: "postgres", entities: [...entities] } as DataSourceOptions);
    assert.equal(snapshot(await withIndexedMetadataArgs(() => build(all()))), snapshot(await build(all())));
  });

  test("each entity's children under class inheritance: through a non-entity class, beside a custom instanceof", async () => {
    const entities = [CtLeaf, CtClaims, CtBase, CtOther];
    const all = (): DataSource => new DataSource({ type: "postgres", entities } as DataSourceOptions);
    const indexed = await withIndexedMetadataArgs(() => build(all()));
    assert.equal(snapshot(indexed), snapshot(await build(all())));
    const of = (target: Function): EntityMetadata | undefined =>
      indexed.entityMetadatas.find((metadata) => metadata.target === target);
    assert.deepEqual(childTargets(of(CtBase)), [CtLeaf, CtOther]);
    assert.deepEqual(childTargets(of(CtClaims)), [CtLeaf], "the custom Symbol.hasInstance is asked");
    assert.deepEqual(childTargets(of(CtLeaf)), []);
  });

  test("each entity's children are found without asking isInherited about every pair", async () => {
    const entities = generatedEntities(60);
    const all = (): DataSource => new DataSource({ type: "postgres", entities } as DataSourceOptions);
    let calls = 0;
    const indexed = await withIndexedMetadataArgs(() => {
      const installed = MetadataUtils.isInherited;
      MetadataUtils.isInherited = (child, parent) => {
        calls += 1;
        return installed.call(MetadataUtils, child, parent);
      };
      return build(all());
    });
    assert.ok(calls > 0, "the build asked isInherited");
    assert.ok(calls <= 2 * entities.length, `${calls} isInherited calls for ${entities.length} entities`);
    assert.equal(snapshot(indexed), snapshot(await build(all())));
  });

  test("TypeORM's own methods are back in place after a build, also after a failing one", async () => {
    const storage = getMetadataArgsStorage() as unknown as Record<string, unknown>;
    const prototype = Object.getPrototypeOf(storage) as Record<string, unknown>;
    const builder = EntityMetadataBuilder.prototype as unknown as Record<string, unknown>;
    const before = {
      filterColumns: prototype.filterColumns,
      findGenerated: prototype.findGenerated,
      isInherited: MetadataUtils.isInherited,
      step1: builder.computeEntityMetadataStep1,
      computeParent: builder.computeParentEntityMetadata,
    };
    let during: {
      findGenerated?: unknown;
      isInherited?: unknown;
      step1?: unknown;
      computeParent?: unknown;
    } = {};
    await withIndexedMetadataArgs(async () => {
      during = {
        findGenerated: prototype.findGenerated,
        isInherited: MetadataUtils.isInherited,
        step1: builder.computeEntityMetadataStep1,
        computeParent: builder.computeParentEntityMetadata,
      };
    });
    assert.notEqual(during.findGenerated, before.findGenerated, "the build ran with the indexed lookup");
    assert.notEqual(during.isInherited, before.isInherited, "the build ran with the faster isInherited");
    assert.notEqual(during.step1, before.step1, "the build ran with the narrowed step 1");
    assert.notEqual(during.computeParent, before.computeParent, "the build ran with the children filter");
    await assert.rejects(
      withIndexedMetadataArgs(async () => {
        throw new Error("entity failed");
      }),
      /entity failed/,
    );
    assert.equal(prototype.filterColumns, before.filterColumns);
    assert.equal(prototype.findGenerated, before.findGenerated);
    assert.equal(MetadataUtils.isInherited, before.isInherited);
    assert.equal(builder.computeEntityMetadataStep1, before.step1);
    assert.equal(builder.computeParentEntityMetadata, before.computeParent);
    assert.equal(Object.prototype.hasOwnProperty.call(storage, "findGenerated"), false);
  });

  test("a storage array that grows during the build is indexed again", async () => {
    const storage = getMetadataArgsStorage();
    const target = class GrowingTarget {};
    await withIndexedMetadataArgs(async () => {
      assert.equal(storage.findGenerated(target, "id"), undefined);
      storage.generations.push({
        target,
        propertyName: "id",
        strategy: "increment",
      });
      try {
        assert.deepEqual(storage.findGenerated(target, "id"), {
          target,
          propertyName: "id",
          strategy: "increment",
        });
        assert.equal(storage.findGenerated([target], "id")?.propertyName, "id");
      } finally {
        storage.generations.pop();
      }
    });
  });

  test("step 1 is narrowed only when the list of all entities is read for the entity-child lookup alone", () => {
    const installed = EntityMetadataBuilder.prototype as unknown as {
      computeEntityMetadataStep1: Parameters<typeof narrowedStep1>[0];
    };
    assert.equal(
      typeof narrowedStep1(installed.computeEntityMetadataStep1),
      "function",
      "TypeORM's own method is recognised",
    );
    const onlyLookup = function (all: readonly { tableType?: unknown; target?: unknown }[], entity: unknown) {
      return all.find((other) => other.tableType === "entity-child" && other.target === entity);
    };
    const alsoCounts = function (all: readonly { tableType?: unknown; target?: unknown }[], entity: unknown) {
      return all.find((other) => other.tableType === "entity-child" && other.target === entity) ?? all.length;
    };
    assert.equal(narrowedStep1(alsoCounts), undefined, "a second use of the list keeps the original");
    assert.equal(
      narrowedStep1(() => undefined),
      undefined,
      "no list parameter keeps the original",
    );
    const narrowed = narrowedStep1(onlyLookup);
    assert.ok(narrowed !== undefined);
    const A = class A {};
    const B = class B {};
    const all = [
      { tableType: "regular", target: A },
      { tableType: "entity-child", target: B },
      { tableType: "regular", target: B },
    ];
    for (const entity of [A, B, class C {}]) assert.equal(narrowed.call(null, all, entity), onlyLookup(all, entity));
    all.push({ tableType: "entity-child", target: A });
    assert.equal(narrowed.call(null, all, A), all[3], "a list that grew is narrowed again");
  });
});
