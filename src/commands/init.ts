/**
 * `retort init`: prepares an existing project. Adds what is missing and never overwrites:
 * a commented `ormconfig.ts` template exporting a DataSource, the migrations folder, and
 * `db:*` npm scripts in package.json. Says what it added and what it kept. Loads no user code.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { displayPath } from "../config/load-errors";
import type { RetortOptions } from "../config/options";
import { ConfigError, messageOf } from "../util/errors";
import type { CommandContext } from "./context";

/** The npm scripts `init` adds, in this order. */
export const npmScripts: ReadonlyArray<readonly [name: string, command: string]> = [
  ["db:upgrade", "retort upgrade head"],
  ["db:downgrade", "retort downgrade -1"],
  ["db:current", "retort current"],
  ["db:history", "retort history"],
  ["db:migrate", "retort revision --autogenerate -m"],
  ["db:check", "retort check"],
  ["db:stamp", "retort stamp"],
];

/** The DataSource template: valid TypeScript, commented, connection left to DATABASE_URL. */
export const dataSourceTemplate = `import "reflect-metadata";
import { DataSource } from "typeorm";

/**
 * The DataSource retort reads (see \`retort --help\`). retort never synchronizes: it compares
 * these entities with the database and writes migrations into migrations/.
 *
 * DATABASE_URL, when set, overrides the connection below:
 *   DATABASE_URL=postgres://user:password@localhost:5432/app retort check
 *   DATABASE_URL=sqlite:data/app.sqlite retort check
 */
export default new DataSource({
  // "postgres" or "better-sqlite3".
  type: "postgres",
  host: "localhost",
  port: 5432,
  username: "postgres",
  database: "app",
  // Entity classes, or globs of the files that declare them.
  entities: ["src/entities/*.ts"],
});
`;

/** Runs `init` in the context's project directory. */
export async function init(options: RetortOptions, context: CommandContext): Promise<void> {
  const say = (line: string): void => context.reporter.info(line);
  const shown = (path: string): string => displayPath(path, context.cwd);

  if (existsSync(options.datasource)) {
    say(`Kept ${shown(options.datasource)} (already exists)`);
  } else {
    mkdirSync(dirname(options.datasource), { recursive: true });
    writeFileSync(options.datasource, dataSourceTemplate, { flag: "wx" });
    say(`Created ${shown(options.datasource)}: edit the connection and entities`);
  }

  if (existsSync(options.migrationsDir)) {
    say(`Kept ${shown(options.migrationsDir)}/ (already exists)`);
  } else {
    mkdirSync(options.migrationsDir, { recursive: true });
    say(`Created ${shown(options.migrationsDir)}/`);
  }

  addNpmScripts(join(context.cwd, "package.json"), say);
}

/** Adds the missing `db:*` scripts, keeping the file's indentation and every existing script. */
function addNpmScripts(path: string, say: (line: string) => void): void {
  if (!existsSync(path)) {
    say("No package.json here: skipped the db:* npm scripts (run `npm init` first to get them)");
    return;
  }
  const text = readFileSync(path, "utf8");
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`package.json is not valid JSON: ${messageOf(error)}`);
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError("package.json must hold a JSON object");
  }
  const existing = manifest.scripts ?? {};
  if (typeof existing !== "object" || existing === null || Array.isArray(existing)) {
    throw new ConfigError(`package.json "scripts" must be an object`);
  }
  const scripts = { ...(existing as Record<string, unknown>) };
  const added: string[] = [];
  const kept: string[] = [];
  for (const [name, command] of npmScripts) {
    if (name in scripts) {
      kept.push(name);
    } else {
      scripts[name] = command;
      added.push(name);
    }
  }
  if (added.length > 0) {
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const json = JSON.stringify({ ...manifest, scripts }, null, indent).replace(/\n/g, eol);
    writeFileSync(path, `${json}${eol}`);
    say(`Added npm scripts to package.json: ${added.join(", ")}`);
  }
  if (kept.length > 0) say(`Kept existing npm scripts: ${kept.join(", ")}`);
}
