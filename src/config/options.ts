/**
 * Retort's resolved options: command-line flags merged over the optional `"retort"` key of the
 * project's package.json, merged over the defaults.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ConfigError, messageOf } from "../util/errors";

/** Options shared by every command. Paths are absolute. */
export interface RetortOptions {
  /** The module exporting the DataSource. */
  readonly datasource: string;
  /** `-n name`: the named export to use, and a migrations folder of its own. */
  readonly name?: string;
  readonly migrationsDir: string;
  readonly versionTable: string;
  /** Table names or `*` patterns left out of both models. */
  readonly excludeTables: readonly string[];
  readonly verbose: boolean;
}

/** The global flags as parsed from the command line; absent when not given. */
export interface GlobalFlags {
  readonly datasource?: string;
  readonly name?: string;
  readonly dir?: string;
  readonly versionTable?: string;
  readonly excludeTable?: readonly string[];
  readonly verbose?: boolean;
}

/** The `"retort"` key of package.json. */
export interface PackageConfig {
  readonly datasource?: string;
  readonly dir?: string;
  readonly versionTable?: string;
  readonly excludeTables?: readonly string[];
}

export const defaultDatasourceFile = "ormconfig.ts";
export const defaultMigrationsDir = "migrations";
export const defaultVersionTable = "retort_version";

const packageKeys: Record<keyof PackageConfig, "string" | "string[]"> = {
  datasource: "string",
  dir: "string",
  versionTable: "string",
  excludeTables: "string[]",
};

/**
 * Validates the `"retort"` value of a package.json: an object with only known keys of the
 * right types.
 *
 * @throws ConfigError naming the offending key.
 */
export function parsePackageConfig(value: unknown): PackageConfig {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`package.json "retort" must be an object`);
  }
  const known = Object.keys(packageKeys);
  for (const [key, entry] of Object.entries(value)) {
    const expected = packageKeys[key as keyof PackageConfig];
    if (expected === undefined) {
      throw new ConfigError(`package.json "retort" has unknown key "${key}"; known keys: ${known.join(", ")}`);
    }
    const ok =
      expected === "string"
        ? typeof entry === "string" && entry !== ""
        : Array.isArray(entry) && entry.every((item) => typeof item === "string");
    if (!ok) {
      const what = expected === "string" ? "a non-empty string" : "an array of strings";
      throw new ConfigError(`package.json "retort.${key}" must be ${what}`);
    }
  }
  return value as PackageConfig;
}

/**
 * Reads the `"retort"` key of `<cwd>/package.json`; no package.json means no configuration.
 *
 * @throws ConfigError when package.json is not valid JSON or the key is malformed.
 */
export function readPackageConfig(cwd: string): PackageConfig {
  let text: string;
  try {
    text = readFileSync(join(cwd, "package.json"), "utf8");
  } catch {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`package.json is not valid JSON: ${messageOf(error)}`);
  }
  return parsePackageConfig((parsed as { retort?: unknown } | null)?.retort);
}

/**
 * Merges flags over package.json over defaults. With `-n name` and no explicit folder the
 * migrations live in `migrations/<name>`, so that two DataSources never share a history.
 */
export function resolveOptions(flags: GlobalFlags, config: PackageConfig, cwd: string): RetortOptions {
  const name = flags.name === "" ? undefined : flags.name;
  const dir = flags.dir ?? config.dir ?? (name === undefined ? defaultMigrationsDir : join(defaultMigrationsDir, name));
  const versionTable = flags.versionTable ?? config.versionTable ?? defaultVersionTable;
  if (versionTable.trim() === "") throw new ConfigError("the version table name must not be empty");
  return {
    datasource: resolve(cwd, flags.datasource ?? config.datasource ?? defaultDatasourceFile),
    ...(name === undefined ? {} : { name }),
    migrationsDir: resolve(cwd, dir),
    versionTable,
    excludeTables: [...(config.excludeTables ?? []), ...(flags.excludeTable ?? [])],
    verbose: flags.verbose ?? false,
  };
}

/** True when `table` matches one of `patterns` (`*` matches any run of characters). */
export function matchesTablePattern(table: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (!pattern.includes("*")) return pattern === table;
    const source = pattern
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*");
    return new RegExp(`^${source}$`).test(table);
  });
}
