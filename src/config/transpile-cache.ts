/**
 * The on-disk cache of transpiled user files: `node_modules/.cache/retort/<sha256>.js`, keyed by
 * everything that determines the output (SWC's version, the options including the file name,
 * the source). A stale entry is impossible by construction, so nothing is ever invalidated.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const createdDirs = new Map<string, Promise<void>>();
let writeCount = 0;
const pendingWrites = new Set<Promise<unknown>>();

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
 * Stores `code` under `key`, in the background: the caller never waits for the disk (writing
 * costs more than SWC's transpiling). Written to a temporary name then renamed, so a concurrent
 * reader never sees half a file; a cache that cannot be written is skipped (it is only a cache).
 */
export function writeTranspileCache(dir: string, key: string, code: string): void {
  // pid + counter: unique among concurrent writers without paying for random bytes per file
  const temporary = join(dir, `${key}.${process.pid}-${++writeCount}.tmp`);
  let ready = createdDirs.get(dir);
  if (ready === undefined) {
    ready = mkdir(dir, { recursive: true }).then(() => undefined);
    createdDirs.set(dir, ready);
  }
  const write = ready
    .then(() => writeFile(temporary, code))
    .then(() => rename(temporary, join(dir, `${key}.js`)))
    .catch(() => rm(temporary, { force: true }).catch(() => undefined))
    .finally(() => pendingWrites.delete(write));
  pendingWrites.add(write);
}

/** Resolves once every cache write started so far has finished (or failed). */
export async function flushTranspileCache(): Promise<void> {
  await Promise.all([...pendingWrites]);
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
