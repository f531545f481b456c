/**
 * Finding the DataSource among a module's exports: the default export, `module.exports` itself,
 * a named export (`-n name`), or the only exported DataSource; and describing what was found
 * instead when there is none.
 */
import { ConfigError } from "../util/errors";

/** The export chosen, and a description of it when it is plainly not a DataSource. */
export interface PickedExport {
  readonly value: unknown;
  readonly described?: string;
}

function keysOf(value: unknown): string[] {
  return (typeof value === "object" || typeof value === "function") && value !== null ? Object.keys(value) : [];
}

/** `; exports: a, b` for messages, or nothing when the module exports nothing by name. */
export function describeExports(moduleExports: unknown): string {
  const keys = keysOf(moduleExports).filter((key) => key !== "__esModule");
  return keys.length === 0 ? "" : `; exports: ${keys.slice(0, 8).join(", ")}${keys.length > 8 ? ", ..." : ""}`;
}

/** A short description of a value for "found: ..." in messages; never its contents. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") {
    const name = (value as { name?: unknown }).name;
    const kind = /^class[\s{]/.test(Function.prototype.toString.call(value)) ? "class" : "function";
    return typeof name === "string" && name !== "" ? `${kind} ${name}` : `a ${kind}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === "object") {
    const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof constructorName === "string" && constructorName !== "Object") return `a ${constructorName}`;
    const keys = Object.keys(value);
    return keys.length === 0 ? "an empty object" : `an object with keys ${keys.slice(0, 6).join(", ")}`;
  }
  return `a ${typeof value}`;
}

/**
 * Picks the export that should hold the DataSource (or a function/promise producing it).
 *
 * @throws ConfigError when `-n name` names no export, or several DataSources are exported and
 *   none is the default.
 */
export function pickDataSourceExport(
  moduleExports: unknown,
  name: string | undefined,
  isDataSource: (value: unknown) => boolean,
  file: string,
): PickedExport {
  const record = (typeof moduleExports === "object" || typeof moduleExports === "function") && moduleExports !== null
    ? (moduleExports as Record<string, unknown>)
    : undefined;
  if (name !== undefined) {
    if (record === undefined || !(name in record)) {
      throw new ConfigError(`${file} has no export named "${name}"${describeExports(moduleExports)}`);
    }
    return { value: record[name] };
  }
  if (isDataSource(moduleExports) || record === undefined) return { value: moduleExports };
  if (record.default !== undefined) {
    const value = record.default;
    // An ES module importing a transpiled CommonJS module sees its exports object as default.
    const inner = (value as { default?: unknown } | null)?.default;
    return { value: !isDataSource(value) && isDataSource(inner) ? inner : value };
  }
  const dataSources = Object.keys(record).filter((key) => isDataSource(record[key]));
  if (dataSources.length === 1) return { value: record[dataSources[0]!] };
  if (dataSources.length > 1) {
    throw new ConfigError(`${file} exports several DataSources (${dataSources.join(", ")}); choose one with -n <name>`);
  }
  if (typeof moduleExports === "function") return { value: moduleExports };
  return { value: undefined, described: "no default export" };
}
