/**
 * TypeScript → JavaScript for user files (ormconfig.ts, entities, migrations) with SWC: no type
 * check, legacy decorators with `design:*` metadata (TypeORM infers column types from
 * `emitDecoratorMetadata`), inline source maps so stack traces point at the `.ts` lines.
 *
 * This module is loaded both on the main thread (the `require` hook) and on Node's module-hooks
 * thread (the ESM loader), so it must not depend on anything but Node and `@swc/core`.
 */
import type { Options } from "@swc/core";
import { readTranspileCache, transpileCacheKey, writeTranspileCache } from "./transpile-cache";

/** The module system the output is written for. */
export type OutputFormat = "commonjs" | "module";

// Loading SWC's native binding costs more than a warm cache needs: load it on the first miss.
let swc: typeof import("@swc/core") | undefined;
const swcVersion = (require("@swc/core/package.json") as { version: string }).version;

/** Marks the message of a syntax error so it survives the trip from the hooks thread intact. */
export const syntaxErrorMarker = "RETORT_SYNTAX_ERROR";

/**
 * Source longer than this (in characters) is transpiled without a source map, and written
 * without whitespace. Node decodes and parses an inline map eagerly whenever it loads the file:
 * for a 4.4 MB generated migration (2000 tables) that was 55 MB of memory and 0.35 s on every
 * run. SWC's indented output of that file is 8.8 MB, without whitespace 3.2 MB (nothing else
 * changes: neither compressed nor renamed), which V8 then compiles, and the transpile cache
 * keeps. Files that large are generated migrations, whose failures retort reports by operation
 * (`op.createTable #1082 (create table t)`), not by line.
 */
export const LARGE_SOURCE = 1_000_000;

/** SWC options for one file. The file name feeds the source map and the parser's errors. */
export function swcOptionsFor(filename: string, format: OutputFormat, sourceLength = 0): Options {
  const large = sourceLength > LARGE_SOURCE;
  return {
    filename,
    swcrc: false,
    configFile: false,
    sourceMaps: large ? false : "inline",
    ...(large ? { minify: true } : {}),
    jsc: {
      parser: { syntax: "typescript", decorators: true, tsx: filename.endsWith(".tsx") },
      transform: {
        legacyDecorator: true,
        decoratorMetadata: true,
        // TypeORM projects compile with experimentalDecorators and without define semantics:
        // a declared-only field (`@Column() name: string`) must not become an own property.
        useDefineForClassFields: false,
      },
      target: "es2022",
      keepClassNames: true,
      ...(large ? { minify: { compress: false, mangle: false } } : {}),
    },
    module: format === "commonjs" ? { type: "commonjs" } : { type: "es6" },
  };
}

/**
 * Transpiles one TypeScript file, through the on-disk cache when `cacheDir` is given. A syntax
 * error becomes a `SyntaxError` whose message is `<marker>\t<file>\t<detail>` (see
 * `parseSyntaxErrorMessage`), so that the main thread can name the file whichever thread failed.
 */
export function transpileTypeScript(source: string, filename: string, format: OutputFormat, cacheDir?: string): string {
  const options = swcOptionsFor(filename, format, source.length);
  const key = cacheDir === undefined ? undefined : transpileCacheKey([swcVersion, JSON.stringify(options), source]);
  if (cacheDir !== undefined && key !== undefined) {
    const cached = readTranspileCache(cacheDir, key);
    if (cached !== undefined) return cached;
  }
  let code: string;
  try {
    swc ??= require("@swc/core") as typeof import("@swc/core");
    code = swc.transformSync(source, options).code;
  } catch (error) {
    throw new SyntaxError(`${syntaxErrorMarker}\t${filename}\t${describeSwcError(error)}`);
  }
  if (cacheDir !== undefined && key !== undefined) writeTranspileCache(cacheDir, key, code);
  return code;
}

/** Reads back what `transpileTypeScript` put in a syntax error's message. */
export function parseSyntaxErrorMessage(message: string): { file: string; detail: string } | undefined {
  const at = message.indexOf(syntaxErrorMarker + "\t");
  if (at < 0) return undefined;
  const [file, ...detail] = message.slice(at + syntaxErrorMarker.length + 1).split("\t");
  if (file === undefined) return undefined;
  return { file, detail: detail.join("\t") };
}

const ansiPattern = /\u001b\[[0-9;]*m/g;

/**
 * Turns SWC's multi-line diagnostic (message, then a code frame with a caret) into one line:
 * `Expected ';', got 'x' (line 3, column 7)`. Only the first diagnostic is kept.
 */
export function describeSwcError(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(ansiPattern, "");
  const lines = text.split("\n");
  const headline = lines.findIndex((line) => /^\s*[x×]\s+/.test(line));
  if (headline < 0) return lines.find((line) => line.trim() !== "")?.trim() ?? "syntax error";
  const message = lines[headline]!.replace(/^\s*[x×]\s+/, "").trim();
  // The code frame: ` 3 | const c x = 3;` followed by `   :       ^`; the caret's offset from
  // the frame's gutter is the column.
  for (let i = headline + 1; i < lines.length; i++) {
    const caret = /^(\s*):(\s*)\^/.exec(lines[i]!);
    if (caret === null) continue;
    const source = /^\s*(\d+)\s\|/.exec(lines[i - 1] ?? "");
    if (source === null) break;
    const column = caret[2]!.length; // one space after ':' is the gutter, so no +1 needed
    return `${message} (line ${source[1]}, column ${column})`;
  }
  return message;
}
