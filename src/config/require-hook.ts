/**
 * The CommonJS half of retort's TypeScript loader: `require()` of `.ts`/`.cts`/`.mts` files
 * transpiles them with SWC, and `require("./user.js")` finds `user.ts` when only that exists.
 * Node exposes no public API for either, so this patches `Module._extensions` and
 * `Module._resolveFilename`, the same two internals every require hook (ts-node, @swc/register)
 * patches. Resolutions are remembered per directory and request (see `resolvedBefore`).
 */
import { readFileSync } from "node:fs";
import { isAbsolute } from "node:path";
import Module from "node:module";
import { typeScriptCandidates, typeScriptExtensions } from "./module-format";
import { transpileTypeScript } from "./transpile";

interface CompilableModule {
  _compile(code: string, filename: string): void;
}

interface ModuleInternals {
  _extensions: Record<string, (module: CompilableModule, filename: string) => void>;
  _resolveFilename: (request: string, parent: unknown, isMain: boolean, options?: unknown) => string;
  _cache: Record<string, unknown>;
}

/**
 * Node remembers which file a `require(request)` from a directory resolved to, but only when
 * that require loaded the file: every entity module's `require("typeorm")` after the first one
 * from another directory (retort's own, or the ormconfig's) is resolved again, a walk up the
 * node_modules folders and through the package's `exports`, about 60 µs each (120 ms for 2000
 * entities). This remembers every resolution by the same key Node uses (the requiring
 * module's directory and the request) and, like Node, trusts it only while the file is still
 * a loaded module. `require.resolve` with options and the main module are resolved as usual.
 */
const resolvedBefore = new Map<string, string>();

function resolutionKey(request: string, parent: unknown, isMain: boolean, options: unknown): string | undefined {
  if (isMain || options !== undefined || typeof parent !== "object" || parent === null) return undefined;
  const { path } = parent as { path?: unknown };
  return typeof path === "string" ? `${path}\x00${request}` : undefined;
}

const failedModules = new WeakMap<object, string>();
let installed = false;

/**
 * The file whose top-level code was running when `error` was thrown, as recorded by the hook:
 * the innermost TypeScript module being evaluated, not the outermost `require`.
 */
export function moduleThatThrew(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? failedModules.get(error) : undefined;
}

/** Installs the hook once per process; later calls do nothing. */
export function installRequireHook(cacheDir: string | undefined): void {
  if (installed) return;
  installed = true;
  const internals = Module as unknown as ModuleInternals;

  const compileTypeScript = (module: CompilableModule, filename: string): void => {
    const code = transpileTypeScript(readFileSync(filename, "utf8"), filename, "commonjs", cacheDir);
    try {
      module._compile(code, filename);
    } catch (error) {
      if (typeof error === "object" && error !== null && !failedModules.has(error)) failedModules.set(error, filename);
      throw error;
    }
  };
  for (const ext of typeScriptExtensions) internals._extensions[ext] = compileTypeScript;

  const resolveFilename = internals._resolveFilename;
  internals._resolveFilename = function (this: unknown, request, parent, isMain, options) {
    const key = resolutionKey(request, parent, isMain, options);
    if (key === undefined) return resolveWithTypeScript.call(this, request, parent, isMain, options);
    const known = resolvedBefore.get(key);
    if (known !== undefined && internals._cache[known] !== undefined) return known;
    const filename = resolveWithTypeScript.call(this, request, parent, isMain, options);
    if (isAbsolute(filename)) resolvedBefore.set(key, filename);
    return filename;
  };

  function resolveWithTypeScript(
    this: unknown,
    request: string,
    parent: unknown,
    isMain: boolean,
    options: unknown,
  ): string {
    try {
      return resolveFilename.call(this, request, parent, isMain, options);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "MODULE_NOT_FOUND") throw error;
      for (const candidate of typeScriptCandidates(request)) {
        try {
          return resolveFilename.call(this, candidate, parent, isMain, options);
        } catch {
          // try the next candidate; the original error is the one worth reporting
        }
      }
      throw error;
    }
  }
}
