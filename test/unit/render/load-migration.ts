/**
 * Loads a migration file's text the way the runner does (SWC, transpile only, CommonJS) and
 * evaluates it in this realm, so the objects it builds compare equal to ours.
 */
import { transformSync } from "@swc/core";
import { validateMigrationModule, type MigrationModule } from "../../../src/runtime/migration-module";

export function loadMigrationText(text: string, file: string): MigrationModule {
  const { code } = transformSync(text, {
    filename: file,
    swcrc: false,
    configFile: false,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  const module = { exports: {} as Record<string, unknown> };
  const refuse = (name: string): never => {
    // A rendered migration needs nothing at run time: `import type` must have been erased.
    throw new Error(`${file} requires ${name} at run time`);
  };
  new Function("exports", "module", "require", code)(module.exports, module, refuse);
  return validateMigrationModule(module.exports, file);
}
