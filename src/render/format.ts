import { lstat, readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { ConfigError } from "../util/errors";
import { renderMigrationFile, type MigrationFileInput } from "./migration-file";
import { hasAmbiguousWidth } from "./string-width";

/**
 * The text to write for a new migration at `filePath`: `input` rendered as prettier prints it
 * with its default options when no prettier configuration applies to the file (prettier, large
 * and slow on big migrations, is not even loaded), else the unformatted rendering formatted by
 * prettier with the user's configuration, exactly as before the renderer did its own layout.
 *
 * A configuration applies when, walking up from the file's directory to the filesystem root,
 * a directory holds
 * - one of prettier's configuration files (`.prettierrc`, `.prettierrc.{json,yml,yaml,json5,
 *   js,ts,mjs,mts,cjs,cts,toml}`, `prettier.config.{js,ts,mjs,mts,cjs,cts}`),
 * - a `package.json` with a `prettier` key, or a `package.yaml` mentioning `prettier`,
 * - or an `.editorconfig`, up to the project root (the nearest directory with `.git` or `.hg`,
 *   where prettier stops looking for them; retort resolves with `editorconfig: true`).
 * This mirrors prettier 3's own search (config-searcher.js, find-project-root.js). Names are
 * compared ignoring case, and anything unreadable counts as a configuration: when unsure,
 * prettier decides. A `.prettierignore` plays no part: `prettier.format` does not read it.
 * Prettier also runs for text with emoji sequences whose width the layout may count
 * differently (`hasAmbiguousWidth`): rare, and then exactness matters more than speed.
 * @param filePath where the file will be written; configuration is resolved from there.
 * @throws ConfigError when prettier cannot load the configuration or format the text.
 */
export async function renderFormattedMigration(input: MigrationFileInput, filePath: string): Promise<string> {
  if (!(await hasFormatterConfig(filePath))) {
    const text = renderMigrationFile(input);
    if (!hasAmbiguousWidth(text)) return text;
  }
  return formatWithPrettier(renderMigrationFile(input, "unformatted"), filePath);
}

/**
 * Formats migration text with prettier and the user's configuration for `filePath` when one
 * applies (the rule of `renderFormattedMigration`, emoji sequences included); without one,
 * returns `text` as it is, which is right for text from `renderMigrationFile` (already in
 * prettier's default layout). Prefer `renderFormattedMigration`: given laid-out text,
 * prettier keeps the objects the default layout broke over lines broken, even where the
 * user's wider `printWidth` would have fitted them on one line.
 * @throws ConfigError when prettier cannot load the configuration or format the text.
 */
export async function formatMigration(text: string, filePath: string): Promise<string> {
  if (!hasAmbiguousWidth(text) && !(await hasFormatterConfig(filePath))) return text;
  return formatWithPrettier(text, filePath);
}

/** Prettier is loaded only here, on first use. */
async function formatWithPrettier(text: string, filePath: string): Promise<string> {
  const prettier = await import("prettier");
  try {
    const config = (await prettier.resolveConfig(filePath, { editorconfig: true })) ?? {};
    return await prettier.format(text, { ...config, filepath: filePath, parser: "typescript" });
  } catch (error) {
    throw new ConfigError(`Cannot format ${filePath} with prettier: ${(error as Error).message}`, { cause: error });
  }
}

/** Prettier 3's configuration file names besides package.json/package.yaml (config-searcher.js). */
const CONFIG_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yml",
  ".prettierrc.yaml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.ts",
  ".prettierrc.mjs",
  ".prettierrc.mts",
  ".prettierrc.cjs",
  ".prettierrc.cts",
  ".prettierrc.toml",
  "prettier.config.js",
  "prettier.config.ts",
  "prettier.config.mjs",
  "prettier.config.mts",
  "prettier.config.cjs",
  "prettier.config.cts",
];

/** Every name the search looks at, lower case. */
const WATCHED = new Set([...CONFIG_FILES, "package.json", "package.yaml", ".editorconfig", ".git", ".hg"]);

/** Whether prettier would find a configuration or an `.editorconfig` for `filePath` (see `renderFormattedMigration`). */
async function hasFormatterConfig(filePath: string): Promise<boolean> {
  let directory = dirname(resolve(filePath));
  let belowProjectRoot = true;
  for (;;) {
    const entries = await watchedEntries(directory);
    const path = (name: string): string | undefined => {
      const actual = entries.get(name);
      return actual === undefined ? undefined : join(directory, actual);
    };
    for (const name of CONFIG_FILES) if (await isFile(path(name))) return true;
    if (await packageDeclaresPrettier(path("package.json"), (content) => hasPrettierKey(content))) return true;
    if (await packageDeclaresPrettier(path("package.yaml"), (content) => content.includes("prettier"))) return true;
    if (belowProjectRoot) {
      if (await isFile(path(".editorconfig"))) return true;
      belowProjectRoot = !(await isProjectRoot(path(".git"), path(".hg")));
    }
    const parent = dirname(directory);
    if (parent === directory) return false;
    directory = parent;
  }
}

/**
 * The watched names present in `directory` (lower case → actual name): one listing per level.
 * An unlistable directory (not there, no read permission) is probed name by name instead.
 */
async function watchedEntries(directory: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  try {
    for (const name of await readdir(directory)) {
      const lower = name.toLowerCase();
      if (WATCHED.has(lower)) entries.set(lower, name);
    }
  } catch {
    for (const name of WATCHED) entries.set(name, name);
  }
  return entries;
}

async function isFile(path: string | undefined): Promise<boolean> {
  if (path === undefined) return false;
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/** Prettier's project root holds `.git` (of any type: a file in worktrees) or a `.hg` directory. */
async function isProjectRoot(git: string | undefined, hg: string | undefined): Promise<boolean> {
  if (git !== undefined && (await lstat(git).catch(() => undefined)) !== undefined) return true;
  return hg !== undefined && ((await lstat(hg).catch(() => undefined))?.isDirectory() ?? false);
}

/** A package file counts when `declares` says so about its text; an unreadable one counts too. */
async function packageDeclaresPrettier(path: string | undefined, declares: (content: string) => boolean): Promise<boolean> {
  if (!(await isFile(path))) return false;
  const content = await readFile(path!, "utf8").catch(() => undefined);
  return content === undefined || declares(content);
}

/** Whether package.json text has a truthy `prettier` key (as prettier checks); invalid JSON counts. */
function hasPrettierKey(content: string): boolean {
  try {
    const value: unknown = JSON.parse(content.replace(/^\uFEFF/, ""));
    return typeof value === "object" && value !== null && Boolean((value as Record<string, unknown>).prettier);
  } catch {
    return true;
  }
}
