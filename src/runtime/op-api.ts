/**
 * The `op` object a migration's `up(op)` and `down(op)` receive. Each method turns its friendly
 * spec arguments into one {@link Operation} (validating them) and hands it to a sink: the runner
 * executes it through the dialect, `--sql` prints it, tests collect it.
 */
import type { QueryRunner } from "typeorm";
import {
  alterColumnFromSpec,
  alterEnumFromSpec,
  checkFromSpec,
  columnFromSpec,
  enumFromSpec,
  exclusionFromSpec,
  foreignKeyFromSpec,
  indexFromSpec,
  nameFromRef,
  primaryKeyFromSpec,
  tableFromSpec,
  tableTargetFromRef,
  uniqueFromSpec,
  viewFromSpec,
  type AlterColumnSpec,
  type AlterEnumSpec,
  type CheckSpec,
  type ColumnSpec,
  type EnumSpec,
  type ExclusionSpec,
  type ExecuteOptions,
  type ForeignKeySpec,
  type IndexSpec,
  type NameRef,
  type PrimaryKeySpec,
  type TableCommentSpec,
  type TableRef,
  type TableSpec,
  type UniqueSpec,
  type ViewSpec,
} from "../ops/spec";
import { invalid, requireRecord, requireString, show } from "../ops/spec-validate";
import type { ExecuteOp, Operation, OperationKind, OperationOf, SqlParameter } from "../ops/types";
import { MigrationError } from "../util/errors";

/** `op.execute(sql)`, `op.execute(sql, options)`, `op.execute(sql, params)` or `op.execute(sql, params, options)`. */
export type ExecuteArgs =
  | [sql: string, options?: ExecuteOptions]
  | [sql: string, params: readonly SqlParameter[], options?: ExecuteOptions];

/**
 * What a migration can do. Tables are named by their bare name (default schema) or
 * `{ schema, table }`; enum types and views by name or `{ schema, name }`. Every method that
 * removes or changes something takes the full old definition, so `down` can be derived and
 * SQL generated without a database.
 */
export interface OpApi {
  /** Creates a table with its columns, keys, constraints and indexes. */
  createTable(table: TableRef, spec: TableSpec): Promise<void>;
  /** Drops a table; `spec` is its full definition, used to re-create it when reversed. */
  dropTable(table: TableRef, spec: TableSpec): Promise<void>;
  /** Renames a table inside its schema. */
  renameTable(table: TableRef, to: string): Promise<void>;
  addColumn(table: TableRef, column: ColumnSpec): Promise<void>;
  /** Drops a column; `column` is its full definition, used to re-add it when reversed. */
  dropColumn(table: TableRef, column: ColumnSpec): Promise<void>;
  /** Changes anything about a column but its name; states the whole column before and after. */
  alterColumn(table: TableRef, column: string, change: AlterColumnSpec): Promise<void>;
  renameColumn(table: TableRef, from: string, to: string): Promise<void>;
  createIndex(table: TableRef, index: IndexSpec): Promise<void>;
  dropIndex(table: TableRef, index: IndexSpec): Promise<void>;
  createUnique(table: TableRef, unique: UniqueSpec): Promise<void>;
  dropUnique(table: TableRef, unique: UniqueSpec): Promise<void>;
  createForeignKey(table: TableRef, foreignKey: ForeignKeySpec): Promise<void>;
  dropForeignKey(table: TableRef, foreignKey: ForeignKeySpec): Promise<void>;
  createCheck(table: TableRef, check: CheckSpec): Promise<void>;
  dropCheck(table: TableRef, check: CheckSpec): Promise<void>;
  /** PostgreSQL `EXCLUDE` constraint. */
  createExclusion(table: TableRef, exclusion: ExclusionSpec): Promise<void>;
  dropExclusion(table: TableRef, exclusion: ExclusionSpec): Promise<void>;
  createPrimaryKey(table: TableRef, primaryKey: PrimaryKeySpec): Promise<void>;
  dropPrimaryKey(table: TableRef, primaryKey: PrimaryKeySpec): Promise<void>;
  /** Sets, changes or removes (`to: null`) a table comment. */
  setTableComment(table: TableRef, comment: TableCommentSpec): Promise<void>;
  /** Creates an enum type with its values in order (PostgreSQL). */
  createEnum(name: NameRef, values: EnumSpec): Promise<void>;
  /** Drops an enum type; `values` are used to re-create it when reversed. */
  dropEnum(name: NameRef, values: EnumSpec): Promise<void>;
  /** Changes an enum type's values; `usedBy` lists the columns using it. */
  alterEnum(name: NameRef, change: AlterEnumSpec): Promise<void>;
  createView(name: NameRef, spec: ViewSpec): Promise<void>;
  dropView(name: NameRef, spec: ViewSpec): Promise<void>;
  /**
   * Runs raw SQL (parameters as `$1`... on PostgreSQL, `?` on SQLite). Give
   * `{ reverse: "..." }` so the statement can be undone; without it the migration has no
   * automatic reverse.
   */
  execute(...args: ExecuteArgs): Promise<void>;
  /**
   * The TypeORM QueryRunner the migration runs on (inside its transaction when there is one),
   * for data work beyond `execute`. Not available offline (`--sql`): reading it there throws.
   */
  readonly queryRunner: QueryRunner;
}

type OpMethods = Omit<OpApi, "queryRunner">;

/** One builder per operation kind: a kind without an `OpApi` method fails to compile here. */
type Builders = {
  readonly [K in OperationKind]: (...args: Parameters<OpMethods[K]>) => OperationOf<K>;
};

// And an `OpApi` method without an operation kind fails to compile here.
const methodsMatchKinds: [Exclude<keyof OpMethods, OperationKind>] extends [never] ? true : never = true;
void methodsMatchKinds;

const at = (kind: OperationKind, ref: unknown): string => `op.${kind}(${show(ref)})`;

const builders: Builders = {
  createTable: (ref, spec) => ({ kind: "createTable", table: tableFromSpec(ref, spec, at("createTable", ref)) }),
  dropTable: (ref, spec) => ({ kind: "dropTable", table: tableFromSpec(ref, spec, at("dropTable", ref)) }),
  renameTable: (ref, to) => {
    const where = at("renameTable", ref);
    const { schema, table } = tableTargetFromRef(ref, where);
    return {
      kind: "renameTable",
      ...(schema === undefined ? {} : { schema }),
      from: table,
      to: requireString(to, `${where} new name`),
    };
  },
  addColumn: (ref, column) => {
    const where = at("addColumn", ref);
    return { kind: "addColumn", ...tableTargetFromRef(ref, where), column: columnFromSpec(column, `${where} column`) };
  },
  dropColumn: (ref, column) => {
    const where = at("dropColumn", ref);
    return { kind: "dropColumn", ...tableTargetFromRef(ref, where), column: columnFromSpec(column, `${where} column`) };
  },
  alterColumn: (ref, column, change) => {
    const where = at("alterColumn", ref);
    return { kind: "alterColumn", ...tableTargetFromRef(ref, where), ...alterColumnFromSpec(column, change, where) };
  },
  renameColumn: (ref, from, to) => {
    const where = at("renameColumn", ref);
    return {
      kind: "renameColumn",
      ...tableTargetFromRef(ref, where),
      from: requireString(from, `${where} column`),
      to: requireString(to, `${where} new name`),
    };
  },
  createIndex: (ref, index) => {
    const where = at("createIndex", ref);
    return { kind: "createIndex", ...tableTargetFromRef(ref, where), index: indexFromSpec(index, `${where} index`) };
  },
  dropIndex: (ref, index) => {
    const where = at("dropIndex", ref);
    return { kind: "dropIndex", ...tableTargetFromRef(ref, where), index: indexFromSpec(index, `${where} index`) };
  },
  createUnique: (ref, unique) => {
    const where = at("createUnique", ref);
    return { kind: "createUnique", ...tableTargetFromRef(ref, where), unique: uniqueFromSpec(unique, `${where} unique`) };
  },
  dropUnique: (ref, unique) => {
    const where = at("dropUnique", ref);
    return { kind: "dropUnique", ...tableTargetFromRef(ref, where), unique: uniqueFromSpec(unique, `${where} unique`) };
  },
  createForeignKey: (ref, fk) => {
    const where = at("createForeignKey", ref);
    return { kind: "createForeignKey", ...tableTargetFromRef(ref, where), foreignKey: foreignKeyFromSpec(fk, `${where} foreignKey`) };
  },
  dropForeignKey: (ref, fk) => {
    const where = at("dropForeignKey", ref);
    return { kind: "dropForeignKey", ...tableTargetFromRef(ref, where), foreignKey: foreignKeyFromSpec(fk, `${where} foreignKey`) };
  },
  createCheck: (ref, check) => {
    const where = at("createCheck", ref);
    return { kind: "createCheck", ...tableTargetFromRef(ref, where), check: checkFromSpec(check, `${where} check`) };
  },
  dropCheck: (ref, check) => {
    const where = at("dropCheck", ref);
    return { kind: "dropCheck", ...tableTargetFromRef(ref, where), check: checkFromSpec(check, `${where} check`) };
  },
  createExclusion: (ref, exclusion) => {
    const where = at("createExclusion", ref);
    return { kind: "createExclusion", ...tableTargetFromRef(ref, where), exclusion: exclusionFromSpec(exclusion, `${where} exclusion`) };
  },
  dropExclusion: (ref, exclusion) => {
    const where = at("dropExclusion", ref);
    return { kind: "dropExclusion", ...tableTargetFromRef(ref, where), exclusion: exclusionFromSpec(exclusion, `${where} exclusion`) };
  },
  createPrimaryKey: (ref, pk) => {
    const where = at("createPrimaryKey", ref);
    return { kind: "createPrimaryKey", ...tableTargetFromRef(ref, where), primaryKey: primaryKeyFromSpec(pk, `${where} primaryKey`) };
  },
  dropPrimaryKey: (ref, pk) => {
    const where = at("dropPrimaryKey", ref);
    return { kind: "dropPrimaryKey", ...tableTargetFromRef(ref, where), primaryKey: primaryKeyFromSpec(pk, `${where} primaryKey`) };
  },
  setTableComment: (ref, comment) => {
    const where = at("setTableComment", ref);
    const value = requireRecord(comment, ["from", "to"], where);
    const side = (key: "from" | "to"): { [P in typeof key]?: string } => {
      const text = value[key];
      if (text === undefined || text === null) return {};
      if (typeof text !== "string") invalid(`${where} ${key}`, `expected a string or null, got ${show(text)}`);
      return { [key]: text };
    };
    return { kind: "setTableComment", ...tableTargetFromRef(ref, where), ...side("from"), ...side("to") };
  },
  createEnum: (ref, values) => ({ kind: "createEnum", enumType: enumFromSpec(ref, values, at("createEnum", ref)) }),
  dropEnum: (ref, values) => ({ kind: "dropEnum", enumType: enumFromSpec(ref, values, at("dropEnum", ref)) }),
  alterEnum: (ref, change) => ({ kind: "alterEnum", ...alterEnumFromSpec(ref, change, at("alterEnum", ref)) }),
  createView: (ref, spec) => ({ kind: "createView", view: viewFromSpec(ref, spec, at("createView", ref)) }),
  dropView: (ref, spec) => ({ kind: "dropView", view: viewFromSpec(ref, spec, at("dropView", ref)) }),
  execute: (...args) => buildExecute(args),
};

function buildExecute(args: ExecuteArgs): ExecuteOp {
  const [sql, second, third] = args;
  const where = "op.execute";
  requireString(sql, `${where} sql`);
  const params = Array.isArray(second) ? checkParams(second, `${where} params`) : undefined;
  const options = Array.isArray(second) ? third : second;
  const reverse = options === undefined ? undefined : requireRecord(options, ["reverse"], `${where} options`).reverse;
  let reverseSql: string | undefined;
  let reverseParams: SqlParameter[] | undefined;
  if (typeof reverse === "string") {
    reverseSql = requireString(reverse, `${where} reverse`);
  } else if (reverse !== undefined) {
    const value = requireRecord(reverse, ["sql", "params"], `${where} reverse`);
    reverseSql = requireString(value.sql, `${where} reverse sql`);
    if (value.params !== undefined) reverseParams = checkParams(value.params, `${where} reverse params`);
  }
  return {
    kind: "execute",
    sql,
    ...(params === undefined ? {} : { params }),
    ...(reverseSql === undefined ? {} : { reverseSql }),
    ...(reverseParams === undefined ? {} : { reverseParams }),
  };
}

function checkParams(value: unknown, where: string): SqlParameter[] {
  if (!Array.isArray(value)) invalid(where, `expected a list of parameters, got ${show(value)}`);
  return value.map((item: unknown, i) => {
    const ok =
      item === null || typeof item === "string" || typeof item === "boolean" || (typeof item === "number" && Number.isFinite(item));
    if (!ok) invalid(`${where}[${i}]`, `expected a string, finite number, boolean or null, got ${show(item)}`);
    return item as SqlParameter;
  });
}

/** What the `op` object gives access to besides operations. */
export interface OpApiExtras {
  /** The TypeORM QueryRunner; `undefined` offline. */
  readonly queryRunner: unknown;
}

/**
 * Builds the `op` object: each method validates its arguments, builds one operation and awaits
 * `sink(operation)`. A bad argument rejects with an `InvalidOperationError` naming the method,
 * the table and the option.
 */
export function createOpApi(sink: (op: Operation) => Promise<void>, extras: OpApiExtras): OpApi {
  const api: Record<string, unknown> = {};
  const method = <K extends OperationKind>(kind: K) =>
    async (...args: Parameters<OpMethods[K]>): Promise<void> => {
      const build = builders[kind] as (...values: Parameters<OpMethods[K]>) => Operation;
      await sink(build(...args));
    };
  for (const kind of Object.keys(builders) as OperationKind[]) api[kind] = method(kind);
  Object.defineProperty(api, "queryRunner", {
    enumerable: true,
    get(): unknown {
      if (extras.queryRunner === undefined || extras.queryRunner === null) {
        throw new MigrationError(
          "op.queryRunner is not available here: the migration is running offline (--sql or collecting operations); " +
            "use op.execute(sql, params, { reverse }) instead",
        );
      }
      return extras.queryRunner;
    },
  });
  return Object.freeze(api) as unknown as OpApi;
}

/**
 * Runs an `up` or `down` function against a sink that only collects, and returns the
 * operations it performed, in order. Used for `--sql` and tests; `op.queryRunner` throws.
 */
export async function collectOperations(
  fn: (op: OpApi) => Promise<void> | void,
  extras: OpApiExtras = { queryRunner: undefined },
): Promise<Operation[]> {
  const collected: Operation[] = [];
  await fn(
    createOpApi(async (op) => {
      collected.push(op);
    }, extras),
  );
  return collected;
}
