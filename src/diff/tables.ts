import { qualifiedName } from "../model/keys";
import type { ForeignKey, TableModel } from "../model/types";
import type {
  CreateForeignKeyOp,
  CreateTableOp,
  DropForeignKeyOp,
  DropTableOp,
} from "../ops/types";
import { orderByDependencies, type Dependency } from "./dependency-order";
import { targetOf } from "./plan";

interface Edge {
  readonly table: string;
  readonly foreignKey: ForeignKey;
}

function referencedKey(fk: ForeignKey): string {
  return qualifiedName({ schema: fk.referencedSchema, name: fk.referencedTable });
}

function dependenciesAmong(tables: ReadonlyMap<string, TableModel>) {
  return (key: string): Dependency<Edge>[] =>
    (tables.get(key)?.foreignKeys ?? [])
      .filter((fk) => tables.has(referencedKey(fk)))
      .map((foreignKey) => ({ to: referencedKey(foreignKey), edge: { table: key, foreignKey } }));
}

function edgeId(table: string, fk: ForeignKey): string {
  return `${table}\u0000${fk.name}`;
}

export interface CreatedTables {
  readonly creates: CreateTableOp[];
  /** Foreign keys left out of their createTable, to create after every table. */
  readonly deferred: CreateForeignKeyOp[];
}

/**
 * Orders new tables so that referenced tables come first and declares each foreign key
 * inside its CREATE TABLE (SQLite cannot add one later without a rebuild) when it can: it
 * references the table itself, a new table created before, or an existing table that this
 * diff leaves alone (`isSteady`). Keys that close a cycle between new tables, or point at an
 * existing table that changes (its key may not exist yet), are deferred to createForeignKey.
 */
export function planCreatedTables(
  added: readonly TableModel[],
  isSteady: (key: string) => boolean,
): CreatedTables {
  const byKey = new Map(added.map((t) => [qualifiedName(t), t]));
  const { order, cycleEdges } = orderByDependencies([...byKey.keys()], dependenciesAmong(byKey));
  const cycles = new Set(cycleEdges.map((e) => edgeId(e.table, e.foreignKey)));
  const result: CreatedTables = { creates: [], deferred: [] };
  for (const key of order) {
    const table = byKey.get(key)!;
    const inline = (fk: ForeignKey): boolean => {
      const to = referencedKey(fk);
      if (to === key) return true;
      if (byKey.has(to)) return !cycles.has(edgeId(key, fk));
      return isSteady(to);
    };
    const foreignKeys = table.foreignKeys.filter(inline);
    for (const foreignKey of table.foreignKeys.filter((fk) => !inline(fk))) {
      result.deferred.push({ kind: "createForeignKey", ...targetOf(table), foreignKey });
    }
    result.creates.push({ kind: "createTable", table: { ...table, foreignKeys } });
  }
  return result;
}

export interface DroppedTables {
  /** Foreign keys closing a cycle between dropped tables, to drop before any of them. */
  readonly dropForeignKeys: DropForeignKeyOp[];
  readonly drops: DropTableOp[];
}

/**
 * Orders dropped tables so that a table is dropped before the tables it references. Keys
 * closing a cycle are dropped first, on their own, and left out of the table the dropTable
 * carries (so that its reverse re-creates the table, then the key).
 */
export function planDroppedTables(dropped: readonly TableModel[]): DroppedTables {
  const byKey = new Map(dropped.map((t) => [qualifiedName(t), t]));
  const { order, cycleEdges } = orderByDependencies([...byKey.keys()], dependenciesAmong(byKey));
  const cycles = new Set(cycleEdges.map((e) => edgeId(e.table, e.foreignKey)));
  const result: DroppedTables = { dropForeignKeys: [], drops: [] };
  for (const edge of cycleEdges) {
    const table = byKey.get(edge.table)!;
    result.dropForeignKeys.push({
      kind: "dropForeignKey",
      ...targetOf(table),
      foreignKey: edge.foreignKey,
    });
  }
  for (const key of [...order].reverse()) {
    const table = byKey.get(key)!;
    const foreignKeys = table.foreignKeys.filter((fk) => !cycles.has(edgeId(key, fk)));
    result.drops.push({ kind: "dropTable", table: { ...table, foreignKeys } });
  }
  return result;
}
