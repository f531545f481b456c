/**
 * The ES-module half of retort's TypeScript loader, registered with `module.register()` and run
 * by Node on its module-hooks thread (https://nodejs.org/api/module.html#customization-hooks).
 * `.ts` files of `"type": "module"` packages (and `.mts`) are transpiled to ES modules here;
 * `.ts` files of CommonJS packages are handed back to the CommonJS loader, where the `require`
 * hook compiles them, so that one file is never evaluated twice in two module systems.
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
  if (moduleFormatOf(filename) === "commonjs") {
    // No source: Node's CommonJS loader reads the file and our require hook compiles it.
    return { format: "commonjs", shortCircuit: true };
  }
  const source = transpileTypeScript(readFileSync(filename, "utf8"), filename, "module", cacheDir);
  return { format: "module", source, shortCircuit: true };
}
