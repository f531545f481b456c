/**
 * Loads user TypeScript (ormconfig.ts, entity files, migration files) without a build step:
 * CommonJS projects through a `require` hook, ES-module projects (`"type": "module"`, `.mts`)
 * through an ESM loader registered with `module.register()`. Both transpile with SWC and share
 * the on-disk cache under `node_modules/.cache/retort/`.
 */
import { existsSync, statSync } from "node:fs";
import Module from "node:module";
import { resolve as resolvePath } from "node:path";
import { pathToFileURL } from "node:url";
import { LoadError } from "../util/errors";
import type { EsmHooksData } from "./esm-hooks";
import { displayPath, toLoadError } from "./load-errors";
import { moduleFormatOf } from "./module-format";
import { installRequireHook } from "./require-hook";
import { findTranspileCacheDir } from "./transpile-cache";

/** How `loadModule` finds and caches files. */
export interface LoadModuleOptions {
  /** Paths in messages are shown relative to it; the cache lives in its project's node_modules. */
  readonly cwd: string;
  /** false disables the transpile cache (benchmarks, tests). */
  readonly cache?: boolean;
}

let registered = false;
let esmHooksData: EsmHooksData | undefined;
let esmRegistered = false;

/**
 * Installs retort's TypeScript loader for this process (idempotent): the `require` hook,
 * source-mapped stack traces, and `reflect-metadata` (TypeORM's decorators read `design:type`
 * through it, and user code that forgets to import it must still work). The ESM half starts
 * only when something needs it (`ensureEsmLoader`): it runs on a thread of its own, which costs
 * start-up time and memory that CommonJS projects would pay for nothing.
 */
export function registerTypeScriptLoader(options: LoadModuleOptions): void {
  if (registered) return;
  registered = true;
  const cacheDir = options.cache === false ? undefined : findTranspileCacheDir(options.cwd);
  require("reflect-metadata");
  preloadTypeorm(options.cwd);
  process.setSourceMapsEnabled(true);
  installRequireHook(cacheDir);
  esmHooksData = cacheDir === undefined ? {} : { cacheDir };
}

/**
 * Loads the project's TypeORM before source maps are switched on. With them on, Node reads and
 * parses the source map of every module it compiles, and keeps it: for TypeORM's ~300 modules
 * that was 5.5 MB read on every run and 12-15 MB of peak memory (applying a 100-table
 * migration: 103 -> 89 MB). Stack traces through TypeORM then show its JavaScript, which is
 * what it ships. A project without TypeORM is left to fail where its DataSource imports it.
 */
function preloadTypeorm(cwd: string): void {
  let path: string;
  try {
    path = require.resolve("typeorm", { paths: [cwd] });
  } catch {
    return;
  }
  require(path);
}

/**
 * Registers the ESM hooks (idempotent), so that `import()` of `.ts`/`.mts` files works: before
 * retort imports an ES module itself, and before TypeORM loads entities named by path (it
 * `import()`s ES-module files). CommonJS `.ts` files, whatever imports them, go through the
 * `require` hook, and `import()` in a transpiled CommonJS file becomes `require`.
 */
export function ensureEsmLoader(): void {
  if (esmRegistered || esmHooksData === undefined) return;
  esmRegistered = true;
  // module.register exists from Node 20.6; without it ES-module projects cannot load .ts files.
  const register = (Module as { register?: (specifier: string, options?: unknown) => void }).register;
  if (register !== undefined) register(pathToFileURL(require.resolve("./esm-hooks")).href, { data: esmHooksData });
}

// TypeScript compiles `import()` to `require()` under CommonJS output; this keeps a real import.
const importModule = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

/**
 * Loads a module the way Node would for its package (`require` for CommonJS, `import()` for ES
 * modules) and returns its exports (`module.exports`, or the ES module namespace).
 *
 * @throws LoadError naming the file (relative to cwd) on a missing file, a syntax error, or an
 *   exception thrown while the module or one of its imports was evaluated.
 */
export async function loadModule(file: string, options: LoadModuleOptions): Promise<unknown> {
  const path = resolvePath(options.cwd, file);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new LoadError(path, `${displayPath(path, options.cwd)}: file not found`);
  }
  registerTypeScriptLoader(options);
  try {
    if (moduleFormatOf(path) !== "module") return require(path);
    ensureEsmLoader();
    return await importModule(pathToFileURL(path).href);
  } catch (error) {
    throw toLoadError(error, path, options.cwd);
  }
}
