import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { matchesTablePattern, parsePackageConfig, readPackageConfig, resolveOptions } from "../../../src/config/options";
import { ConfigError } from "../../../src/util/errors";

const cwd = "/projects/app";

describe("resolveOptions", () => {
  test("defaults", () => {
    assert.deepEqual(resolveOptions({}, {}, cwd), {
      datasource: "/projects/app/ormconfig.ts",
      migrationsDir: "/projects/app/migrations",
      versionTable: "retort_version",
      excludeTables: [],
      verbose: false,
    });
  });

  test("-n name gets its own migrations folder unless one is given", () => {
    assert.equal(resolveOptions({ name: "reporting" }, {}, cwd).migrationsDir, "/projects/app/migrations/reporting");
    assert.equal(resolveOptions({ name: "reporting", dir: "db/rep" }, {}, cwd).migrationsDir, "/projects/app/db/rep");
    assert.equal(resolveOptions({ name: "reporting" }, { dir: "db" }, cwd).migrationsDir, "/projects/app/db");
  });

  test("flags win over package.json, which wins over defaults; excludes add up", () => {
    const resolved = resolveOptions(
      { datasource: "src/data-source.ts", versionTable: "flag_version", excludeTable: ["tmp_*"], verbose: true },
      { datasource: "config/ds.ts", dir: "db/migrations", versionTable: "pkg_version", excludeTables: ["legacy"] },
      cwd,
    );
    assert.deepEqual(resolved, {
      datasource: "/projects/app/src/data-source.ts",
      migrationsDir: "/projects/app/db/migrations",
      versionTable: "flag_version",
      excludeTables: ["legacy", "tmp_*"],
      verbose: true,
    });
  });

  test("an empty version table name is refused", () => {
    assert.throws(() => resolveOptions({ versionTable: " " }, {}, cwd), ConfigError);
  });
});

describe("package.json configuration", () => {
  test("validates keys and types", () => {
    assert.deepEqual(parsePackageConfig(undefined), {});
    assert.deepEqual(parsePackageConfig({ dir: "db", excludeTables: ["a"] }), { dir: "db", excludeTables: ["a"] });
    assert.throws(() => parsePackageConfig({ directory: "db" }), /unknown key "directory"; known keys: datasource, dir/);
    assert.throws(() => parsePackageConfig({ dir: 3 }), /"retort.dir" must be a non-empty string/);
    assert.throws(() => parsePackageConfig({ excludeTables: "a" }), /must be an array of strings/);
    assert.throws(() => parsePackageConfig(["x"]), /must be an object/);
  });

  test("reads the retort key; no package.json means no configuration", () => {
    const dir = mkdtempSync(join(tmpdir(), "retort-options-"));
    try {
      assert.deepEqual(readPackageConfig(dir), {});
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "x", retort: { versionTable: "v" } }));
      assert.deepEqual(readPackageConfig(dir), { versionTable: "v" });
      writeFileSync(join(dir, "package.json"), "{ not json");
      assert.throws(() => readPackageConfig(dir), /package.json is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test("matchesTablePattern: exact names and * patterns, anchored, regex characters literal", () => {
  assert.equal(matchesTablePattern("legacy", ["legacy"]), true);
  assert.equal(matchesTablePattern("legacy_2", ["legacy"]), false);
  assert.equal(matchesTablePattern("tmp_users", ["tmp_*"]), true);
  assert.equal(matchesTablePattern("users_tmp", ["tmp_*"]), false);
  assert.equal(matchesTablePattern("a.b", ["a.*"]), true);
  assert.equal(matchesTablePattern("axb", ["a.b"]), false);
});
