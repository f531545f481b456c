import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { createPgDatabase, type TestDatabase } from "../helpers/databases";
import { repoRoot, runCli, synchronizeProject } from "./project";

/** A copy of the repository's own example project (ormconfig.ts + entities/) in a temp dir. */
function copyExampleProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "retort-example-"));
  cpSync(join(repoRoot, "ormconfig.ts"), join(dir, "ormconfig.ts"));
  cpSync(join(repoRoot, "entities"), join(dir, "entities"), { recursive: true });
  mkdirSync(join(dir, "node_modules"));
  for (const pkg of ["typeorm", "reflect-metadata"]) {
    symlinkSync(join(repoRoot, "node_modules", pkg), join(dir, "node_modules", pkg), "dir");
  }
  return dir;
}

describe("the example project: after synchronize(), the live schema and the entities print the same model", () => {
  const dirs: string[] = [];
  const databases: TestDatabase[] = [];
  after(async () => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    for (const db of databases) await db.drop();
  });

  const cases: { name: string; env: () => Promise<Record<string, string>> }[] = [
    { name: "SQLite (the embedded default)", env: async () => ({}) },
    {
      name: "PostgreSQL (DATABASE_URL)",
      env: async () => {
        const db = await createPgDatabase("example");
        databases.push(db);
        return { DATABASE_URL: db.url };
      },
    },
  ];
  for (const { name, env: makeEnv } of cases) {
    test(name, async () => {
      const dir = copyExampleProject();
      dirs.push(dir);
      const env = await makeEnv();
      synchronizeProject(dir, env);
      const live = runCli(["inspect", "--json"], dir, env);
      const entities = runCli(["inspect", "--entities", "--json"], dir, env);
      assert.equal(live.code, 0, live.stderr);
      assert.equal(entities.code, 0, entities.stderr);
      const model = JSON.parse(live.stdout) as { tables: { name: string }[] };
      assert.deepEqual(
        model.tables.map((t) => t.name),
        ["prompts", "threads", "users"],
      );
      assert.equal(live.stdout, entities.stdout);
    });
  }
});
