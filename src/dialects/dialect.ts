import type { ColumnType, SchemaModel } from "../model/types";
import type { Operation } from "../ops/types";
import type { Statement } from "./statement";

/** The dialects retort speaks. */
export type DialectName = "postgres" | "sqlite";

/** One row of a query result, keyed by column name. */
export type Row = Record<string, unknown>;

/**
 * The one thing introspection and the runner need from a connection: run a statement and get
 * its rows. Wrapping a TypeORM `QueryRunner`, a `pg` client or a `better-sqlite3` handle in
 * this keeps every dialect independent of the driver and lets tests count statements.
 */
export interface QueryExecutor {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** What to read from a live database. */
export interface IntrospectOptions {
  /**
   * Tables left out of the model: retort's version table and TypeORM's bookkeeping tables
   * (the DataSource's migrations table, `typeorm_metadata`), plus any the user excludes.
   * Matched against the bare table name.
   */
  readonly excludeTables: readonly string[];
  /** PostgreSQL: the schema unqualified names live in (usually `public`). */
  readonly defaultSchema?: string;
}

/** What a dialect can do, as data, so that diff and runtime never test a dialect's name. */
export interface DialectCapabilities {
  /** DDL runs inside transactions and rolls back with them. */
  readonly transactionalDdl: boolean;
  /** `ALTER TABLE ... ALTER COLUMN ... TYPE` exists; otherwise the table is rebuilt. */
  readonly canAlterColumnType: boolean;
  /** Named enum types (`CREATE TYPE ... AS ENUM`). */
  readonly enumTypes: boolean;
  /** Several schemas in one database. */
  readonly schemas: boolean;
  /** Comments on tables and columns. */
  readonly comments: boolean;
  /** Array column types. */
  readonly arrays: boolean;
  /**
   * Some changes are made by rebuilding the table (SQLite): emitting them needs the schema as it
   * is just before the operation, and the runner switches foreign keys off around migrations.
   */
  readonly rebuildsTables: boolean;
  /**
   * How many operations one migration may hold before autogenerate writes several revisions:
   * each runs in one transaction, and a transaction's locks are limited (PostgreSQL). Absent:
   * no limit.
   */
  readonly maxOperationsPerMigration?: number;
}

/** One dialect: its capabilities, its type and expression normalisation, its introspection. */
export interface Dialect {
  readonly name: DialectName;
  readonly capabilities: DialectCapabilities;
  /** The schema that unqualified names resolve to; the model omits it. */
  readonly defaultSchema: string;
  /** Quotes an identifier for this dialect. */
  quoteIdent(name: string): string;
  /** Quotes a string literal for this dialect. */
  quoteLiteral(value: string): string;
  /** Parses a native type spelling (`character varying(255)`, `int4`, `varchar(10)`) to canonical. */
  parseType(sql: string): ColumnType;
  /** Writes a canonical type in this dialect's preferred spelling. */
  formatType(type: ColumnType): string;
  /** Normalises a column default so that equivalent spellings compare equal. */
  normalizeDefault(sql: string): string;
  /** Normalises a boolean/check/predicate expression so that equivalent spellings compare equal. */
  normalizeExpression(sql: string): string;
  /**
   * The SQL that carries out one operation. `before` is the schema just before it; only
   * dialects that rebuild tables read it (others are given the empty model).
   */
  emit(op: Operation, before: SchemaModel): Statement[];
  /**
   * Whether `emit` reads `before` for this operation (a table rebuild). The runner reads the
   * live schema only for such operations, and passes the empty model otherwise.
   */
  emitNeedsModel(op: Operation): boolean;
  /** Reads the live schema with a constant number of queries, then parses the rows. */
  introspect(executor: QueryExecutor, options: IntrospectOptions): Promise<SchemaModel>;
}
