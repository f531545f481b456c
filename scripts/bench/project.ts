/**
 * Writes the generated projects the children run in. Every project has a package.json, a
 * `node_modules` symlink to retort's own (so `require("typeorm")` in the entities and in retort
 * is one and the same module), `ormconfig.js` and its `entities/`.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { entityName, renderDataSourceModule, renderEntity, renderEntityIndex, type EntitySetInput } from "./generate-entities";

/** Creates (or recreates) a project directory with the given entity set. */
export function writeProject(dir: string, repoRoot: string, entities: EntitySetInput): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "entities"), { recursive: true });
  mkdirSync(join(dir, "migrations"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "retort-bench-project", private: true, retort: { datasource: "ormconfig.js" } }, null, 2)}\n`);
  writeFileSync(join(dir, "ormconfig.js"), renderDataSourceModule("./entities"));
  writeFileSync(join(dir, "entities", "index.js"), renderEntityIndex(entities.count));
  for (let index = 1; index <= entities.count; index++) {
    writeFileSync(join(dir, "entities", `${entityName(index).toLowerCase()}.js`), renderEntity(entities, index));
  }
}

/** Empties (or creates) a directory. */
export function emptyDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** The files in `dir` (names), or none when it does not exist. */
export function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith(".")) : [];
}
