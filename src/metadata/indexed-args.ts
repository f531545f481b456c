/**
 * Linear-time lookups for TypeORM's metadata-args storage while entity metadata is built.
 *
 * TypeORM's `MetadataArgsStorage` answers "the columns (indices, relations, ...) of entity X" by
 * filtering one array that holds the decorator arguments of every entity, and its metadata
 * builder asks once per entity (and `findGenerated` once per column): work quadratic in the
 * number of entities, about 1.4 s of a no-op `check` at 2000 entities. This module answers the
 * same questions from an index by target, built once per array, and gives TypeORM's own method
 * the few candidates to finish with, so every result is the one TypeORM computes, element for
 * element and in the same order: the index only removes items the original predicate rejects.
 *
 * It patches the storage class's prototype (and three builder helpers, `MetadataUtils.isInherited`,
 * `computeEntityMetadataStep1` and `computeParentEntityMetadata`, to narrow the builder's scans
 * over all entities) for the duration of one build and restores them after. A method whose
 * arguments it does not recognise (or an array that changed since it was indexed) goes to
 * TypeORM's original.
 */
import { dirname, join } from "node:path";

type Target = unknown;

interface TargetedArgs {
  readonly target: Target;
  readonly propertyName?: string;
}

/** The storage methods patched; the four protected filters take (array, target). */
interface StorageMethods {
  filterByTarget(array: readonly TargetedArgs[], target: Target): TargetedArgs[];
  filterByTargetAndWithoutDuplicateProperties(array: readonly TargetedArgs[], target: Target): TargetedArgs[];
  filterByTargetAndWithoutDuplicateRelationProperties(array: readonly TargetedArgs[], target: Target): TargetedArgs[];
  filterByTargetAndWithoutDuplicateEmbeddedProperties(array: readonly TargetedArgs[], target: Target): TargetedArgs[];
  filterIndices(target: Target): TargetedArgs[];
  filterForeignKeys(target: Target): TargetedArgs[];
  filterUniques(target: Target): TargetedArgs[];
  filterChecks(target: Target): TargetedArgs[];
  filterExclusions(target: Target): TargetedArgs[];
  findGenerated(target: Target, propertyName: string): TargetedArgs | undefined;
  findTree(target: Target): TargetedArgs | undefined;
  findJoinTable(target: Target, propertyName: string): TargetedArgs | undefined;
  filterJoinColumns(target: Target, propertyName: string): TargetedArgs[];
  findInheritanceType(target: Target): TargetedArgs | undefined;
  findDiscriminatorValue(target: Target): TargetedArgs | undefined;
}

/** The arrays the patched methods read from `this`. */
interface StorageArrays {
  readonly indices: readonly TargetedArgs[];
  readonly foreignKeys: readonly TargetedArgs[];
  readonly uniques: readonly TargetedArgs[];
  readonly checks: readonly TargetedArgs[];
  readonly exclusions: readonly TargetedArgs[];
  readonly generations: readonly TargetedArgs[];
  readonly trees: readonly TargetedArgs[];
  readonly joinTables: readonly TargetedArgs[];
  readonly joinColumns: readonly TargetedArgs[];
  readonly inheritances: readonly TargetedArgs[];
  readonly discriminatorValues: readonly TargetedArgs[];
}

type Storage = StorageMethods & StorageArrays;

const patchedNames = [
  "filterByTarget",
  "filterByTargetAndWithoutDuplicateProperties",
  "filterByTargetAndWithoutDuplicateRelationProperties",
  "filterByTargetAndWithoutDuplicateEmbeddedProperties",
  "filterIndices",
  "filterForeignKeys",
  "filterUniques",
  "filterChecks",
  "filterExclusions",
  "findGenerated",
  "findTree",
  "findJoinTable",
  "filterJoinColumns",
  "findInheritanceType",
  "findDiscriminatorValue",
] as const satisfies readonly (keyof StorageMethods)[];

interface TargetIndex {
  /** The array's length and last item when indexed: a changed array is indexed again. */
  readonly length: number;
  readonly last: TargetedArgs | undefined;
  /** Positions in the array, ascending, per `item.target`. */
  readonly positions: Map<Target, number[]>;
}

const NONE: readonly number[] = [];

/** Set on the prototype while patched, so a nested build does not patch twice. */
const indexedMarker = "__retortIndexedLookups";

function indexOf(indexes: WeakMap<object, TargetIndex>, array: readonly TargetedArgs[]): TargetIndex {
  const known = indexes.get(array);
  if (known !== undefined && known.length === array.length && known.last === array[array.length - 1]) return known;
  const positions = new Map<Target, number[]>();
  array.forEach((item, position) => {
    const list = positions.get(item.target);
    if (list === undefined) positions.set(item.target, [position]);
    else list.push(position);
  });
  const index = {
    length: array.length,
    last: array[array.length - 1],
    positions,
  };
  indexes.set(array, index);
  return index;
}

/**
 * The items TypeORM's target predicate accepts, in array order: `item.target === target`, or
 * for an array of targets (an inheritance tree) `target.indexOf(item.target) !== -1`.
 */
function itemsFor(
  indexes: WeakMap<object, TargetIndex>,
  array: readonly TargetedArgs[],
  target: Target,
): TargetedArgs[] {
  const { positions } = indexOf(indexes, array);
  if (!Array.isArray(target)) return (positions.get(target) ?? NONE).map((position) => array[position]!);
  const lists = [...new Set<Target>(target)].map((one) => positions.get(one) ?? NONE).filter((list) => list.length > 0);
  const merged = lists.length === 1 ? lists[0]! : lists.flat().sort((a, b) => a - b);
  return merged.map((position) => array[position]!);
}

/** Items whose target is exactly `target` (the `===`-only lookups); undefined: ask the original. */
function itemsForExact(
  indexes: WeakMap<object, TargetIndex>,
  array: readonly TargetedArgs[],
  target: Target,
): TargetedArgs[] | undefined {
  return Array.isArray(target) ? undefined : itemsFor(indexes, array, target);
}

function indexedMethods(original: StorageMethods): StorageMethods {
  const indexes = new WeakMap<object, TargetIndex>();
  const byName = (items: readonly TargetedArgs[], propertyName: string): TargetedArgs[] =>
    items.filter((item) => item.propertyName === propertyName);
  return {
    filterByTarget(array, target) {
      return original.filterByTarget.call(this, itemsFor(indexes, array, target), target);
    },
    filterByTargetAndWithoutDuplicateProperties(array, target) {
      return original.filterByTargetAndWithoutDuplicateProperties.call(this, itemsFor(indexes, array, target), target);
    },
    filterByTargetAndWithoutDuplicateRelationProperties(array, target) {
      return original.filterByTargetAndWithoutDuplicateRelationProperties.call(
        this,
        itemsFor(indexes, array, target),
        target,
      );
    },
    filterByTargetAndWithoutDuplicateEmbeddedProperties(array, target) {
      return original.filterByTargetAndWithoutDuplicateEmbeddedProperties.call(
        this,
        itemsFor(indexes, array, target),
        target,
      );
    },
    filterIndices(this: Storage, target) {
      return itemsFor(indexes, this.indices, target);
    },
    filterForeignKeys(this: Storage, target) {
      return itemsFor(indexes, this.foreignKeys, target);
    },
    filterUniques(this: Storage, target) {
      return itemsFor(indexes, this.uniques, target);
    },
    filterChecks(this: Storage, target) {
      return itemsFor(indexes, this.checks, target);
    },
    filterExclusions(this: Storage, target) {
      return itemsFor(indexes, this.exclusions, target);
    },
    findGenerated(this: Storage, target, propertyName) {
      return byName(itemsFor(indexes, this.generations, target), propertyName)[0];
    },
    findTree(this: Storage, target) {
      return itemsFor(indexes, this.trees, target)[0];
    },
    findJoinTable(this: Storage, target, propertyName) {
      const items = itemsForExact(indexes, this.joinTables, target);
      return items === undefined
        ? original.findJoinTable.call(this, target, propertyName)
        : byName(items, propertyName)[0];
    },
    filterJoinColumns(this: Storage, target, propertyName) {
      const items = itemsForExact(indexes, this.joinColumns, target);
      return items === undefined
        ? original.filterJoinColumns.call(this, target, propertyName)
        : byName(items, propertyName);
    },
    findInheritanceType(this: Storage, target) {
      const items = itemsForExact(indexes, this.inheritances, target);
      return items === undefined ? original.findInheritanceType.call(this, target) : items[0];
    },
    findDiscriminatorValue(this: Storage, target) {
      const items = itemsForExact(indexes, this.discriminatorValues, target);
      return items === undefined ? original.findDiscriminatorValue.call(this, target) : items[0];
    },
  };
}

/** The prototype of the storage TypeORM's decorators wrote to, if it has every method patched. */
function storagePrototype(): Record<string, unknown> | undefined {
  const storage = (globalThis as { typeormMetadataArgsStorage?: unknown }).typeormMetadataArgsStorage;
  if (typeof storage !== "object" || storage === null) return undefined;
  const prototype = Object.getPrototypeOf(storage) as Record<string, unknown> | null;
  if (prototype === null) return undefined;
  return patchedNames.every((name) => typeof prototype[name] === "function") ? prototype : undefined;
}

/** TypeORM's `MetadataUtils` class and `EntityMetadataBuilder` prototype, where found. */
interface BuilderHelpers {
  readonly utils?: { isInherited: IsInherited };
  readonly builder?: Record<string, unknown>;
}

/**
 * The builder helpers of the same TypeORM copy as the storage prototype, from the module cache
 * (the storage's module sits in `metadata-args/`, the helpers in `metadata-builder/`); a helper
 * whose module is not loaded, or lacks what is patched, is left out.
 */
function builderHelpersBeside(prototype: Record<string, unknown>): BuilderHelpers {
  const storageModule = Object.values(require.cache).find(
    (module) =>
      (module?.exports as { MetadataArgsStorage?: unknown } | undefined)?.MetadataArgsStorage === prototype.constructor,
  );
  if (storageModule === undefined) return {};
  const folder = join(dirname(storageModule.filename), "..", "metadata-builder");
  const exported = (file: string, name: string): unknown =>
    (require.cache[join(folder, file)]?.exports as Record<string, unknown> | undefined)?.[name];
  const utils = exported("MetadataUtils.js", "MetadataUtils") as { isInherited?: unknown } | undefined;
  const builder = (exported("EntityMetadataBuilder.js", "EntityMetadataBuilder") as { prototype?: unknown } | undefined)
    ?.prototype;
  return {
    ...(typeof utils?.isInherited === "function" ? { utils: utils as { isInherited: IsInherited } } : {}),
    ...(typeof builder === "object" && builder !== null ? { builder: builder as Record<string, unknown> } : {}),
  };
}

type IsInherited = (child: Target, parent: Target) => boolean;

/**
 * Calls `visit` with each object on the prototype chain of `target.prototype`, above it: the
 * prototypes `target.prototype instanceof C` looks for `C.prototype` among.
 */
function forEachAncestor(target: Target, visit: (proto: unknown) => void): void {
  const own: unknown = (target as { prototype?: unknown }).prototype;
  let proto: unknown = typeof own === "object" && own !== null ? Object.getPrototypeOf(own) : null;
  while (proto !== null) {
    visit(proto);
    proto = Object.getPrototypeOf(proto);
  }
}

/**
 * `MetadataUtils.isInherited(child, parent)` is `child.prototype instanceof parent`, and the
 * builder asks it for every pair of entities (to find each one's children). For a child that is
 * one of the entity classes, the answer is false unless `parent.prototype` lies on that class's
 * prototype chain, which is known up front: the faster test rejects those pairs and asks the
 * original for everything else.
 */
function fastIsInherited(original: IsInherited, tables: readonly TargetedArgs[], probe: Probe): IsInherited {
  // The entity classes in the storage's order, and where each one is in that order.
  const order: Target[] = [];
  const position = new Map<Target, number>();
  const ancestors = new Set<unknown>();
  for (const { target } of tables) {
    if (typeof target !== "function" || position.has(target)) continue;
    position.set(target, order.length);
    order.push(target);
    forEachAncestor(target, (proto) => ancestors.add(proto));
  }
  const defaultHasInstance = Function.prototype[Symbol.hasInstance];
  // The builder asks about one parent for every entity in a row: what is known of the parent
  // (no entity class inherits from it, and `instanceof` is the default) is kept between calls.
  let lastParent: Target;
  let lastParentIsLeaf = false;
  // The children come in the storage's order (a filtered copy of it), so whether the child is
  // an entity class is usually answered by comparing it with the one expected next; a skipped
  // class costs one map lookup, after which the order is followed again.
  let next = 0;
  const isEntityClass = (child: Target): boolean => {
    if (order[next] === child) {
      next += 1;
      return true;
    }
    const at = position.get(child);
    if (at === undefined) return false;
    next = at + 1;
    return true;
  };
  return function isInherited(this: unknown, child, parent) {
    if (child === probe.target) {
      probe.parent = parent;
      probe.asked = true;
      return false;
    }
    if (parent !== lastParent) {
      lastParent = parent;
      lastParentIsLeaf =
        typeof parent === "function" &&
        !ancestors.has(parent.prototype) &&
        parent[Symbol.hasInstance] === defaultHasInstance;
    }
    if (lastParentIsLeaf && isEntityClass(child)) return false;
    return original.call(this, child, parent);
  };
}

/**
 * A class no entity extends, passed to TypeORM's children predicate to learn which entity it
 * tests: the faster `isInherited` records the parent it is asked about for this child and
 * answers false.
 */
interface Probe {
  readonly target: Target;
  asked: boolean;
  parent: Target;
}

interface EntityMetadataLike {
  readonly tableType?: unknown;
  readonly target?: unknown;
}

type Predicate = (this: unknown, item: EntityMetadataLike, index: number, all: EntityMetadataLike[]) => unknown;
type Filter = (this: EntityMetadataLike[], predicate: unknown, thisArg?: unknown) => EntityMetadataLike[];

/**
 * TypeORM's predicate that finds an entity's children, up to its names: `(child) => { return
 * (typeof entity.target === "function" && typeof child.target === "function" &&
 * MetadataUtils.isInherited(child.target, entity.target)); }`.
 */
const childrenPredicate = new RegExp(
  [
    String.raw`^\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\{\s*return\s*\(`,
    String.raw`\s*typeof\s+([A-Za-z_$][\w$]*)\.target\s*===\s*"function"\s*&&`,
    String.raw`\s*typeof\s+\1\.target\s*===\s*"function"\s*&&`,
    String.raw`\s*[\w$.]+\.isInherited\(\s*\1\.target\s*,\s*\2\.target\s*\)`,
    String.raw`\s*\)\s*;?\s*\}$`,
  ].join(""),
);

/** Whether `predicate` is TypeORM's children predicate; `known` keeps the last text recognised. */
function isChildrenPredicate(predicate: unknown, known: { text?: string }): predicate is Predicate {
  if (typeof predicate !== "function") return false;
  const text = Function.prototype.toString.call(predicate);
  if (text === known.text) return true;
  const match = childrenPredicate.exec(text);
  if (match === null || match[1] === match[2]) return false;
  known.text = text;
  return true;
}

/** For each prototype, the positions (ascending) of the entities whose class has it on its prototype chain. */
function descendantsByPrototype(all: readonly EntityMetadataLike[]): Map<unknown, number[]> {
  const byPrototype = new Map<unknown, number[]>();
  all.forEach((metadata, position) => {
    if (typeof metadata.target !== "function") return;
    forEachAncestor(metadata.target, (proto) => {
      const list = byPrototype.get(proto);
      if (list === undefined) byPrototype.set(proto, [position]);
      else list.push(position);
    });
  });
  return byPrototype;
}

/**
 * After finding each entity's parent, TypeORM's `build()` sets every entity's
 * `childEntityMetadatas` to `all.filter(predicate)`, the predicate asking
 * `isInherited(child.target, entity.target)`: a scan of all entities per entity, 4M predicate
 * calls at 2000 entities (~85 ms; the calls themselves are the cost). This `filter`, installed
 * on that one array, learns the entity from the predicate (one call with the probe class) and
 * hands the predicate only the entities whose class has the entity class's prototype on its
 * prototype chain, the only ones `instanceof` can accept while the class keeps the default
 * `Symbol.hasInstance`. The predicate still decides each of those, so the result is TypeORM's,
 * element for element and in order. Another predicate (the first one after the children are
 * done) removes this `filter` and runs the array's own.
 */
function childrenFilter(all: EntityMetadataLike[], probe: Probe): Filter {
  const known: { text?: string } = {};
  const defaultHasInstance = Function.prototype[Symbol.hasInstance];
  let indexedLength = -1;
  let byPrototype = new Map<unknown, number[]>();
  return function filter(this: EntityMetadataLike[], predicate: unknown, thisArg?: unknown): EntityMetadataLike[] {
    if (this === all && isChildrenPredicate(predicate, known)) {
      probe.asked = false;
      probe.parent = undefined;
      predicate.call(thisArg, { target: probe.target }, 0, all);
      const parent = probe.parent as { prototype?: unknown; [Symbol.hasInstance]?: unknown } | undefined;
      const prototype = typeof parent === "function" ? parent.prototype : undefined;
      // Otherwise (the entity is not a class, or decides `instanceof` itself) the whole array is scanned.
      if (
        probe.asked &&
        typeof prototype === "object" &&
        prototype !== null &&
        parent![Symbol.hasInstance] === defaultHasInstance
      ) {
        if (indexedLength !== all.length) {
          indexedLength = all.length;
          byPrototype = descendantsByPrototype(all);
        }
        const children: EntityMetadataLike[] = [];
        for (const position of byPrototype.get(prototype) ?? NONE) {
          if (predicate.call(thisArg, all[position]!, position, all)) children.push(all[position]!);
        }
        return children;
      }
    } else if (this === all) {
      removeChildrenFilter(all);
    }
    return Array.prototype.filter.call(this, predicate as Predicate, thisArg) as EntityMetadataLike[];
  };
}

/** Removes the `filter` installed by `childrenFilter`, if it is still there. */
function removeChildrenFilter(all: EntityMetadataLike[]): void {
  if (Object.prototype.hasOwnProperty.call(all, "filter")) delete (all as { filter?: unknown }).filter;
}

type ComputeParent = (this: unknown, all: EntityMetadataLike[], entityMetadata: unknown) => unknown;

/**
 * `computeParentEntityMetadata(all, entity)` runs for every entity just before the children are
 * computed: the wrapper installs `childrenFilter` on the `all` it is given (once per array) and
 * records the array, from which the filter is removed after the build at the latest.
 */
function installingChildrenFilter(
  original: ComputeParent,
  probe: Probe,
  installed: EntityMetadataLike[][],
): ComputeParent {
  return function computeParentEntityMetadata(this: unknown, all, entityMetadata) {
    if (Array.isArray(all) && !installed.includes(all) && !Object.prototype.hasOwnProperty.call(all, "filter")) {
      installed.push(all);
      Object.defineProperty(all, "filter", { value: childrenFilter(all, probe), configurable: true, writable: true });
    }
    return original.call(this, all, entityMetadata);
  };
}

type Step1 = (this: unknown, all: readonly EntityMetadataLike[], entityMetadata: unknown) => unknown;

/**
 * `computeEntityMetadataStep1(all, entityMetadata)` reads `all` (every entity metadata) for one
 * thing: for each column, whether a single-table-inheritance child (`tableType` "entity-child")
 * has the column's class as its target, a scan of all entities per column (about 60 ms at 2000
 * entities). Given only the entity-child metadatas, in the same order, the scan finds the same
 * one or none. The method is wrapped only when its text shows that single use of `all` (a
 * `find` whose predicate first tests `tableType === "entity-child"`); any other TypeORM keeps
 * its method as it is.
 */
export function narrowedStep1(original: Step1): Step1 | undefined {
  const source = Function.prototype.toString.call(original);
  const all = /^[^(]*\(\s*([A-Za-z_$][\w$]*)\s*,/.exec(source)?.[1];
  if (all === undefined || source.split(all).length - 1 !== 2) return undefined;
  const onlyUse = new RegExp(
    `${all.replace(/\$/g, "\\$")}\\.find\\(\\(?\\s*([A-Za-z_$][\\w$]*)\\s*\\)?\\s*=>\\s*\\1\\.tableType\\s*===\\s*"entity-child"\\s*&&`,
  );
  if (!onlyUse.test(source)) return undefined;
  let lastAll: readonly EntityMetadataLike[] | undefined;
  let lastLength = -1;
  let children: readonly EntityMetadataLike[] = [];
  return function computeEntityMetadataStep1(this: unknown, allEntityMetadatas, entityMetadata) {
    if (allEntityMetadatas !== lastAll || allEntityMetadatas.length !== lastLength) {
      lastAll = allEntityMetadatas;
      lastLength = allEntityMetadatas.length;
      children = allEntityMetadatas.filter((metadata) => metadata.tableType === "entity-child");
    }
    return original.call(this, children, entityMetadata);
  };
}

/**
 * Runs `build` (which builds a DataSource's entity metadata) with the indexed lookups in place
 * on the storage TypeORM's decorators filled, and restores TypeORM's methods afterwards. A
 * TypeORM whose storage lacks one of the methods is left alone (and builds as slowly as before).
 */
export async function withIndexedMetadataArgs<T>(build: () => Promise<T>): Promise<T> {
  const prototype = storagePrototype();
  if (prototype === undefined || Object.prototype.hasOwnProperty.call(prototype, indexedMarker)) return await build();
  const original = Object.fromEntries(patchedNames.map((name) => [name, prototype[name]])) as unknown as StorageMethods;
  const { utils, builder } = builderHelpersBeside(prototype);
  const originalIsInherited = utils?.isInherited;
  const originalStep1 = builder?.computeEntityMetadataStep1;
  const step1 = typeof originalStep1 === "function" ? narrowedStep1(originalStep1 as Step1) : undefined;
  const originalComputeParent = builder?.computeParentEntityMetadata;
  const probe: Probe = { target: class RetortProbe {}, asked: false, parent: undefined };
  const withChildrenFilter: EntityMetadataLike[][] = [];
  const tables = (
    globalThis as {
      typeormMetadataArgsStorage?: { tables?: readonly TargetedArgs[] };
    }
  ).typeormMetadataArgsStorage?.tables;
  Object.assign(prototype, indexedMethods(original), { [indexedMarker]: true });
  const fastInherited = utils !== undefined && originalIsInherited !== undefined && Array.isArray(tables);
  if (fastInherited) utils.isInherited = fastIsInherited(originalIsInherited, tables, probe);
  if (builder !== undefined && step1 !== undefined) builder.computeEntityMetadataStep1 = step1;
  // The children filter learns each entity through the probe, which only the faster isInherited answers.
  const children = fastInherited && builder !== undefined && typeof originalComputeParent === "function";
  if (children) {
    builder.computeParentEntityMetadata = installingChildrenFilter(
      originalComputeParent as ComputeParent,
      probe,
      withChildrenFilter,
    );
  }
  try {
    return await build();
  } finally {
    Object.assign(prototype, original);
    delete prototype[indexedMarker];
    if (utils !== undefined && originalIsInherited !== undefined) utils.isInherited = originalIsInherited;
    if (builder !== undefined && step1 !== undefined) builder.computeEntityMetadataStep1 = originalStep1;
    if (children) builder.computeParentEntityMetadata = originalComputeParent;
    withChildrenFilter.forEach(removeChildrenFilter);
  }
}
