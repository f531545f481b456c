import { writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { LoadError } from "../util/errors";
import { checkMigrationsDir } from "./read-headers";

/**
 * Writes a new migration file into `dir` and returns its path. Never overwrites: the file is
 * opened with `wx`, so an existing file (even one created a moment ago by another process) makes
 * this fail instead of losing someone's migration.
 * @throws ConfigError when `dir` does not exist; LoadError when `name` is not a plain file name
 *   or the file already exists or cannot be written.
 */
export async function writeMigrationFile(dir: string, name: string, text: string): Promise<string> {
  const path = join(dir, name);
  if (name.length === 0 || basename(name) !== name || name === "." || name === "..") {
    throw new LoadError(path, `${path}: '${name}' is not a plain file name`);
  }
  await checkMigrationsDir(dir);
  try {
    await writeFile(path, text, { encoding: "utf8", flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new LoadError(path, `${path} already exists; refusing to overwrite it`);
    throw new LoadError(path, `${path}: cannot be written: ${(error as Error).message}`, { cause: error });
  }
  return path;
}
