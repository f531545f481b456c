/**
 * The on-disk cache of transpiled user files: `node_modules/.cache/retort/<sha256>.js`, keyed by
 * everything that determines the output (SWC's version, the options including the file name,
 * the source). A stale entry is impossible by construction, so nothing is ever invalidated.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The cache key of the given parts. */
export function transpileCacheKey(parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** The cached output for `key`, or undefined. */
export function readTranspileCache(dir: string, key: string): string | undefined {
  try {
    return readFileSync(join(dir, `${key}.js`), "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Stores `code` under `key`. Written to a temporary name then renamed, so a concurrent reader
 * never sees half a file; a cache that cannot be written is silently skipped (it is only a cache).
 */
export function writeTranspileCache(dir: string, key: string, code: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = join(dir, `${key}.${randomBytes(4).toString("hex")}.tmp`);
    writeFileSync(temporary, code);
    renameSync(temporary, join(dir, `${key}.js`));
  } catch {
    // read-only file system or a vanished directory: run without the cache
  }
}

/**
 * The cache directory of the project around `cwd`: `node_modules/.cache/retort` next to the
 * nearest `node_modules` (walking up), or undefined when there is none.
 */
export function findTranspileCacheDir(cwd: string): string | undefined {
  let dir = cwd;
  for (;;) {
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "retort");
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
