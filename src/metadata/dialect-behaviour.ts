import type { DataSource } from "typeorm";
import type { Dialect, DialectName } from "../dialects/dialect";
import { ConfigError } from "../util/errors";

/**
 * Where what TypeORM's `synchronize()` writes really differs per database, beyond what the
 * dialect's capabilities already say. One entry per dialect, so that the readers never test a
 * dialect's name.
 */
export interface TypeormBehaviour {
  /** The primary key constraint carries TypeORM's `PK_` name (SQLite writes an unnamed key). */
  readonly namedPrimaryKey: boolean;
  /**
   * Computed columns TypeORM writes: PostgreSQL only has `STORED` ones, and TypeORM writes a
   * `VIRTUAL` column there as a plain column; SQLite has both.
   */
  readonly computedKinds: readonly ("STORED" | "VIRTUAL")[];
  /** A computed column also gets its `DEFAULT` written (SQLite leaves it out). */
  readonly defaultOnComputed: boolean;
  /** `@Generated("identity")` becomes `GENERATED ... AS IDENTITY` (SQLite ignores it). */
  readonly identityColumns: boolean;
  /**
   * How `@Generated("increment")` reaches the database: `serial` on any column (PostgreSQL,
   * also for the `rowid` strategy), or `AUTOINCREMENT` on the `increment` strategy only (SQLite).
   */
  readonly increment: "serial" | "autoincrement";
  /** `@Generated("uuid")` gets a database default (PostgreSQL); SQLite makes uuids in JavaScript. */
  readonly uuidDefault: boolean;
  /** `materialized: true` view entities are materialized (SQLite writes a plain view). */
  readonly materializedViews: boolean;
  /** `spatial: true` or `type: "gist"` indexes are GiST indexes (SQLite ignores both). */
  readonly spatialIndexes: boolean;
  /** `EXCLUDE` constraints are created. */
  readonly exclusions: boolean;
}

/** TypeORM's behaviour per retort dialect; a new dialect is a compile error until listed. */
export const typeormBehaviours: Readonly<Record<DialectName, TypeormBehaviour>> = {
  postgres: {
    namedPrimaryKey: true,
    computedKinds: ["STORED"],
    defaultOnComputed: true,
    identityColumns: true,
    increment: "serial",
    uuidDefault: true,
    materializedViews: true,
    spatialIndexes: true,
    exclusions: true,
  },
  sqlite: {
    namedPrimaryKey: false,
    computedKinds: ["STORED", "VIRTUAL"],
    defaultOnComputed: false,
    identityColumns: false,
    increment: "autoincrement",
    uuidDefault: false,
    materializedViews: false,
    spatialIndexes: false,
    exclusions: false,
  },
};

/** TypeORM driver types retort reads, and the dialect each one speaks. */
const driverDialects: Readonly<Record<string, DialectName>> = {
  postgres: "postgres",
  sqlite: "sqlite",
  "better-sqlite3": "sqlite",
  sqljs: "sqlite",
};

/**
 * Checks that the DataSource's driver speaks `dialect`, so that a PostgreSQL DataSource is never
 * read with SQLite's rules (or the other way round) by mistake.
 */
export function assertDialectMatches(dataSource: DataSource, dialect: Dialect): void {
  const type = dataSource.options.type;
  const spoken = driverDialects[type];
  if (spoken === undefined) {
    throw new ConfigError(`TypeORM driver "${type}" is not supported; retort reads postgres and sqlite DataSources.`);
  }
  if (spoken !== dialect.name) {
    throw new ConfigError(`The DataSource uses the "${type}" driver, which is ${spoken}, not ${dialect.name}.`);
  }
}
