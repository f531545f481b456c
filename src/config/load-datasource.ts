/**
 * The project's TypeORM DataSource as retort uses it: loaded from ormconfig.ts (or `-d file`),
 * its connection overridden by DATABASE_URL, and rebuilt with every side effect switched off
 * (no synchronize, no migrationsRun, no dropSchema, no logging).
 */
import { resolve as resolvePath, sep } from "node:path";
import type { DataSource, DataSourceOptions } from "typeorm";
import type { DialectName } from "../dialects/dialect";
import { withIndexedMetadataArgs } from "../metadata/indexed-args";
import { ConfigError, ConnectionError, LoadError, RetortError, messageOf } from "../util/errors";
import { describeConnectionFailure } from "./connection-errors";
import { parseDatabaseUrl } from "./database-url";
import type { DatabaseUrl } from "./database-url";
import { describeExports, describeValue, pickDataSourceExport } from "./datasource-export";
import { displayPath, firstLine, isLoadFailure, toLoadError } from "./load-errors";
import { ensureEsmLoader, loadModule } from "./load-module";
import type { SecretSet } from "./secrets";

/** What `loadDataSource` needs. */
export interface LoadDataSourceInput {
  /** The module exporting the DataSource, relative to cwd or absolute (.ts or .js). */
  readonly file: string;
  /** `-n name`: the named export to use instead of the default export. */
  readonly name?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Passwords found on the way are added here, so that output can be scrubbed of them. */
  readonly secrets: SecretSet;
}

/** A DataSource ready for retort, not yet connected. */
export interface LoadedDataSource {
  readonly dataSource: DataSource;
  readonly dialect: DialectName;
  /** Absolute path of the module it came from. */
  readonly file: string;
  readonly cwd: string;
  /** Where it connects, for messages: `PostgreSQL at host:5432/db`, `SQLite database var/x.sqlite`. */
  readonly target: string;
  /** TypeORM's migrations table (never part of the model): its option, or `migrations`. */
  readonly migrationsTableName: string;
  /** The DataSource's `schema` option (PostgreSQL), when set. */
  readonly schema?: string;
  readonly secrets: SecretSet;
}

type Options = Record<string, unknown>;

// Options that mean the same for every driver: kept when DATABASE_URL switches the driver.
const portableOptionKeys = [
  "entities",
  "namingStrategy",
  "entityPrefix",
  "entitySkipConstructor",
  "migrationsTableName",
  "metadataTableName",
  "typename",
] as const;

// Options that say where to connect: replaced when DATABASE_URL points elsewhere.
const postgresConnectionKeys = ["url", "host", "port", "username", "user", "password", "database", "replication"];

/** The dialect of a TypeORM driver type. */
export function dialectNameOf(type: unknown, file: string): DialectName {
  switch (type) {
    case "postgres":
      return "postgres";
    case "better-sqlite3":
    case "sqlite":
      return "sqlite";
    default:
      throw new ConfigError(`retort supports postgres and sqlite; ${file} uses ${String(type)}`);
  }
}

/** True for anything that looks like a TypeORM DataSource (a copy of typeorm may differ from ours). */
export function isDataSourceLike(value: unknown): value is DataSource {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { options?: unknown }).options === "object" &&
    typeof (value as { initialize?: unknown }).initialize === "function"
  );
}

function pick(options: Options, keys: readonly string[]): Options {
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
}

function omit(options: Options, keys: readonly string[]): Options {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !keys.includes(key)));
}

/** The user's options with DATABASE_URL applied. */
export function applyDatabaseUrl(options: Options, url: DatabaseUrl | undefined): Options {
  if (url === undefined) {
    // The node `sqlite3` driver is rarely installed; better-sqlite3 reads the same files.
    return options.type === "sqlite" ? { ...options, type: "better-sqlite3" } : options;
  }
  switch (url.kind) {
    case "postgres":
      return options.type === "postgres"
        ? { ...omit(options, postgresConnectionKeys), url: url.url }
        : { ...pick(options, portableOptionKeys), type: "postgres", url: url.url };
    case "sqlite":
      return options.type === "better-sqlite3" || options.type === "sqlite"
        ? { ...options, type: "better-sqlite3", database: url.database }
        : { ...pick(options, portableOptionKeys), type: "better-sqlite3", database: url.database };
  }
}

/** Where `options` connect, for messages; never includes a password. */
export function describeTarget(options: Options, cwd: string): string {
  if (options.type !== "postgres") {
    const database = typeof options.database === "string" ? options.database : "(no database)";
    return `SQLite database ${database === ":memory:" ? database : displayPath(database, cwd)}`;
  }
  let host = typeof options.host === "string" ? options.host : "localhost";
  let port = typeof options.port === "number" || typeof options.port === "string" ? String(options.port) : "5432";
  let database = typeof options.database === "string" ? options.database : undefined;
  if (typeof options.url === "string") {
    try {
      const parsed = new URL(options.url);
      host = parsed.hostname || host;
      port = parsed.port || port;
      database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || database;
    } catch {
      // a malformed url option: TypeORM will say so; keep the other options' view
    }
  }
  return `PostgreSQL at ${host}:${port}${database === undefined ? "" : `/${database}`}`;
}

function rememberPasswords(options: Options, secrets: SecretSet): void {
  if (typeof options.password === "string") secrets.add(options.password);
  if (typeof options.url === "string") {
    try {
      secrets.add(decodeURIComponent(new URL(options.url).password));
    } catch {
      // not a URL: SecretSet still masks `user:password@` patterns in output
    }
  }
  const replication = options.replication as { master?: Options; slaves?: Options[] } | undefined;
  if (replication?.master !== undefined) rememberPasswords(replication.master, secrets);
  for (const slave of replication?.slaves ?? []) rememberPasswords(slave, secrets);
}

/**
 * Loads the DataSource module and builds the DataSource retort works with.
 *
 * @throws LoadError when the module cannot be loaded; ConfigError when it exports no DataSource,
 *   uses an unsupported driver, or DATABASE_URL is malformed.
 */
export async function loadDataSource(input: LoadDataSourceInput): Promise<LoadedDataSource> {
  const { cwd, secrets } = input;
  const rawUrl = input.env.DATABASE_URL;
  const databaseUrl = rawUrl === undefined || rawUrl.trim() === "" ? undefined : parseDatabaseUrl(rawUrl, cwd);
  if (databaseUrl?.kind === "postgres") secrets.add(databaseUrl.password);

  const loaded = await loadModule(input.file, { cwd });
  const { dataSource: userDataSource, file } = await resolveExport(loaded, input);
  const userOptions = userDataSource.options as unknown as Options;
  rememberPasswords(userOptions, secrets);

  const options: Options = {
    ...applyDatabaseUrl(userOptions, databaseUrl),
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    // TypeORM's own migrations and subscribers are none of retort's business, and loading
    // them would run user code for nothing.
    migrations: [],
    subscribers: [],
  };
  const dialect = dialectNameOf(options.type, displayPath(file, cwd));
  // TypeORM loads entities named by path itself, with import() for ES-module files.
  if (namesFiles(options.entities)) ensureEsmLoader();
  const Constructor = userDataSource.constructor as new (options: DataSourceOptions) => DataSource;
  let dataSource: DataSource;
  try {
    dataSource = new Constructor(options as unknown as DataSourceOptions);
  } catch (error) {
    throw new ConfigError(secrets.redact(`${displayPath(file, cwd)}: ${firstLine(messageOf(error))}`), { cause: error });
  }
  return {
    dataSource,
    dialect,
    file,
    cwd,
    target: describeTarget(options, cwd),
    migrationsTableName: typeof options.migrationsTableName === "string" ? options.migrationsTableName : "migrations",
    ...(typeof options.schema === "string" ? { schema: options.schema } : {}),
    secrets,
  };
}

/** True when an `entities` option (a list or an object of values) names files or globs. */
function namesFiles(entities: unknown): boolean {
  if (typeof entities !== "object" || entities === null) return false;
  return Object.values(entities).some((entry) => typeof entry === "string");
}

async function resolveExport(
  loaded: unknown,
  input: LoadDataSourceInput,
): Promise<{ dataSource: DataSource; file: string }> {
  const absolute = resolvePath(input.cwd, input.file);
  const file = displayPath(absolute, input.cwd);
  const picked = pickDataSourceExport(loaded, input.name, isDataSourceLike, file);
  let value: unknown = picked.value;
  try {
    if (typeof value === "function" && !isDataSourceLike(value)) value = (value as () => unknown)();
    value = await value;
  } catch (error) {
    throw toLoadError(error, absolute, input.cwd);
  }
  if (!isDataSourceLike(value)) {
    const found = picked.described ?? describeValue(value);
    const exportsList = describeExports(loaded);
    throw new ConfigError(
      `${file} does not export a DataSource (found: ${found}${exportsList}); export default new DataSource({...})`,
    );
  }
  return { dataSource: value, file: absolute };
}

function translateFailure(error: unknown, loaded: LoadedDataSource, action: string): RetortError | unknown {
  const { secrets } = loaded;
  if (error instanceof RetortError) return error;
  if (isLoadFailure(error)) {
    const translated = toLoadError(error, loaded.file, loaded.cwd);
    const file = translated instanceof LoadError ? translated.file : loaded.file;
    return new LoadError(file, secrets.redact(translated.message), { cause: error });
  }
  const described = describeConnectionFailure(error);
  if (described !== undefined) {
    // Node's file errors quote absolute paths (`mkdir '/home/me/app/data'`); show them as the target is shown.
    const why = described.split(loaded.cwd + sep).join("");
    return new ConnectionError(secrets.redact(`could not ${action} ${loaded.target}: ${why}`), { cause: error });
  }
  // TypeORM's own errors about the entities or options (metadata validation, a missing driver).
  if (error instanceof Error && /Error$/.test(error.name) && error.name !== "Error" && error.name !== "TypeError") {
    return new ConfigError(secrets.redact(`${error.name}: ${firstLine(error.message)}`), { cause: error });
  }
  return error;
}

/**
 * Connects the DataSource (and builds its entity metadata, as TypeORM's `initialize` does).
 *
 * @throws ConnectionError naming the host/database and why, never the password; LoadError when
 *   an entity file fails to load; ConfigError when TypeORM rejects the entities.
 */
export async function openDataSource(loaded: LoadedDataSource): Promise<DataSource> {
  try {
    return await withIndexedMetadataArgs(() => loaded.dataSource.initialize());
  } catch (error) {
    throw translateFailure(error, loaded, "connect to");
  }
}

/**
 * Builds the entity metadata without connecting, through TypeORM's protected `buildMetadatas()`,
 * so that reading the entities needs no database.
 *
 * @throws LoadError when an entity file fails to load; ConfigError when TypeORM rejects them.
 */
export async function buildMetadataOnly(loaded: LoadedDataSource): Promise<DataSource> {
  const dataSource = loaded.dataSource as unknown as { buildMetadatas(): Promise<void> };
  try {
    await withIndexedMetadataArgs(() => dataSource.buildMetadatas());
  } catch (error) {
    throw translateFailure(error, loaded, "read the entities of");
  }
  return loaded.dataSource;
}
