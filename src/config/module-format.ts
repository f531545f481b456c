/**
 * Which module system a user file belongs to, by Node's rules: `.mts`/`.mjs` are ES modules,
 * `.cts`/`.cjs` CommonJS, and `.ts`/`.js` follow the `"type"` of the nearest package.json.
 * Shared by the `require` hook, the ESM hooks thread and `loadModule`.
 */
import { readFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import type { OutputFormat } from "./transpile";

/** Extensions retort transpiles. */
export const typeScriptExtensions: readonly string[] = [".ts", ".cts", ".mts", ".tsx"];

const packageTypeByDir = new Map<string, OutputFormat>();

/** True for a file retort must transpile before Node can run it. */
export function isTypeScriptFile(filename: string): boolean {
  return typeScriptExtensions.includes(extname(filename)) && !filename.endsWith(".d.ts");
}

/** The module system of `filename`. */
export function moduleFormatOf(filename: string): OutputFormat {
  switch (extname(filename)) {
    case ".mts":
    case ".mjs":
      return "module";
    case ".cts":
    case ".cjs":
      return "commonjs";
    default:
      return packageTypeOf(dirname(filename));
  }
}

function packageTypeOf(dir: string): OutputFormat {
  const known = packageTypeByDir.get(dir);
  if (known !== undefined) return known;
  let format: OutputFormat;
  try {
    const parsed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { type?: unknown };
    format = parsed.type === "module" ? "module" : "commonjs";
  } catch {
    const parent = dirname(dir);
    format = parent === dir ? "commonjs" : packageTypeOf(parent);
  }
  packageTypeByDir.set(dir, format);
  return format;
}

/**
 * The TypeScript file an import of a `.js`-family path stands for: ESM-style TypeScript writes
 * `import "./user.js"` for `user.ts`. Also tries `.ts` and `/index.ts` for extensionless paths.
 * Only for relative or absolute paths, never for package names.
 */
export function typeScriptCandidates(specifier: string): readonly string[] {
  const isPath = specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:");
  if (!isPath) return [];
  const swaps: Record<string, string> = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts", ".jsx": ".tsx" };
  const ext = extname(specifier);
  const swapped = swaps[ext];
  if (swapped !== undefined) return [specifier.slice(0, -ext.length) + swapped];
  if (ext === "") return [`${specifier}.ts`, `${specifier}/index.ts`];
  return [];
}
