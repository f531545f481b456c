/**
 * The ES-module half of retort's TypeScript loader, registered with `module.register()` and run
 * by Node on its module-hooks thread (https://nodejs.org/api/module.html#customization-hooks).
 * `.ts` files of `"type": "module"` packages (and `.mts`) are transpiled to ES modules here.
 * `.ts` files of CommonJS packages reached through `import` (an `.mts` importing a `.ts` of a
 * CommonJS package; TypeORM itself `require`s them) are transpiled to CommonJS.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isTypeScriptFile, moduleFormatOf, typeScriptCandidates } from "./module-format";
import { transpileTypeScript } from "./transpile";

/** What `registerTypeScriptLoader` passes to the hooks thread. */
export interface EsmHooksData {
  readonly cacheDir?: string;
}

interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type NextResolve = (specifier: string, context?: unknown) => Promise<ResolveResult>;
type NextLoad = (url: string, context?: unknown) => Promise<LoadResult>;

let cacheDir: string | undefined;

/** Receives the data given to `module.register()`. */
export function initialize(data: EsmHooksData | undefined): void {
  cacheDir = data?.cacheDir;
}

/** Resolves `./user.js` to `./user.ts` (and extensionless paths) when only the TypeScript file exists. */
export async function resolve(specifier: string, context: unknown, nextResolve: NextResolve): Promise<ResolveResult> {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    for (const candidate of typeScriptCandidates(specifier)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next candidate; the original error is the one worth reporting
      }
    }
    throw error;
  }
}

/** Transpiles TypeScript ES modules; defers everything else to Node. */
export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  if (!url.startsWith("file:")) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  if (!isTypeScriptFile(filename)) return nextLoad(url, context);
  const format = moduleFormatOf(filename);
  // CommonJS output too: Node finds the named exports an ES module imports from a CommonJS
  // module by lexing its source, which must therefore be JavaScript, not TypeScript.
  const source = transpileTypeScript(readFileSync(filename, "utf8"), filename, format, cacheDir);
  return { format, source, shortCircuit: true };
}
