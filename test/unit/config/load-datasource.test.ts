import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, describe, test } from "node:test";
import { describeConnectionFailure } from "../../../src/config/connection-errors";
import { pickDataSourceExport } from "../../../src/config/datasource-export";
import { applyDatabaseUrl, describeTarget, dialectNameOf, loadDataSource } from "../../../src/config/load-datasource";
import { SecretSet } from "../../../src/config/secrets";
import { ConfigError } from "../../../src/util/errors";

describe("dialectNameOf", () => {
  test("maps TypeORM driver types to retort dialects", () => {
    assert.equal(dialectNameOf("postgres", "ormconfig.ts"), "postgres");
    assert.equal(dialectNameOf("better-sqlite3", "ormconfig.ts"), "sqlite");
    assert.equal(dialectNameOf("sqlite", "ormconfig.ts"), "sqlite");
    assert.throws(() => dialectNameOf("mysql", "ormconfig.ts"), {
      name: "ConfigError",
      message: "retort supports postgres and sqlite; ormconfig.ts uses mysql",
    });
  });
});

describe("applyDatabaseUrl", () => {
  const naming = { strategy: true };
  const entities = ["entities/*.ts"];
  test("postgres over postgres: connection replaced, everything else kept", () => {
    const options = { type: "postgres", host: "h", port: 1, username: "u", password: "p", database: "d", schema: "app", entities, namingStrategy: naming };
    assert.deepEqual(applyDatabaseUrl(options, { kind: "postgres", url: "postgres://x/y", host: "x", database: "y" }), {
      type: "postgres",
      schema: "app",
      entities,
      namingStrategy: naming,
      url: "postgres://x/y",
    });
  });
  test("sqlite over postgres keeps only driver-independent options", () => {
    const options = { type: "postgres", host: "h", schema: "app", uuidExtension: "pgcrypto", entities, namingStrategy: naming, migrationsTableName: "m" };
    assert.deepEqual(applyDatabaseUrl(options, { kind: "sqlite", database: "/tmp/a.sqlite" }), {
      entities,
      namingStrategy: naming,
      migrationsTableName: "m",
      type: "better-sqlite3",
      database: "/tmp/a.sqlite",
    });
  });
  test("no URL: options unchanged, except the sqlite driver becomes better-sqlite3", () => {
    const options = { type: "postgres", host: "h" };
    assert.equal(applyDatabaseUrl(options, undefined), options);
    assert.deepEqual(applyDatabaseUrl({ type: "sqlite", database: "a" }, undefined), { type: "better-sqlite3", database: "a" });
  });
});

test("describeTarget names host, port and database, never the password", () => {
  assert.equal(describeTarget({ type: "postgres", url: "postgres://u:secret@db.local:6000/app" }, "/p"), "PostgreSQL at db.local:6000/app");
  assert.equal(describeTarget({ type: "postgres", host: "h", database: "d", password: "secret" }, "/p"), "PostgreSQL at h:5432/d");
  assert.equal(describeTarget({ type: "better-sqlite3", database: "/p/var/x.sqlite" }, "/p"), "SQLite database var/x.sqlite");
});

describe("pickDataSourceExport", () => {
  const isDs = (value: unknown): boolean => typeof value === "object" && value !== null && "isDs" in value;
  const ds = { isDs: true };
  test("default export, module.exports itself, a named export, the only DataSource", () => {
    assert.equal(pickDataSourceExport({ default: ds }, undefined, isDs, "f.ts").value, ds);
    assert.equal(pickDataSourceExport(ds, undefined, isDs, "f.ts").value, ds);
    assert.equal(pickDataSourceExport({ other: 1, reporting: ds }, "reporting", isDs, "f.ts").value, ds);
    assert.equal(pickDataSourceExport({ helper: 1, dataSource: ds }, undefined, isDs, "f.ts").value, ds);
    assert.equal(pickDataSourceExport({ default: { default: ds } }, undefined, isDs, "f.ts").value, ds);
  });
  test("a missing named export and several DataSources are ConfigErrors", () => {
    assert.throws(() => pickDataSourceExport({ a: ds }, "b", isDs, "f.ts"), /^ConfigError: f\.ts has no export named "b"; exports: a$/);
    assert.throws(() => pickDataSourceExport({ a: ds, b: ds }, undefined, isDs, "f.ts"), ConfigError);
  });
  test("nothing suitable: described for the message", () => {
    assert.deepEqual(pickDataSourceExport({ x: 1 }, undefined, isDs, "f.ts"), { value: undefined, described: "no default export" });
  });
});

describe("describeConnectionFailure", () => {
  test("socket errors, including the empty AggregateError of dual-stack connects", () => {
    assert.equal(describeConnectionFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })), "connection refused (ECONNREFUSED)");
    const aggregate = new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "");
    assert.equal(describeConnectionFailure(aggregate), "connection refused (ECONNREFUSED)");
    assert.equal(describeConnectionFailure(Object.assign(new Error("getaddrinfo"), { code: "ENOTFOUND" })), "host not found (ENOTFOUND)");
  });
  test("PostgreSQL SQLSTATE errors keep the server's message", () => {
    const error = Object.assign(new Error('password authentication failed for user "u"'), { code: "28P01", severity: "FATAL" });
    assert.equal(describeConnectionFailure(error), 'password authentication failed for user "u"');
  });
  test("other errors are not connection failures", () => {
    assert.equal(describeConnectionFailure(new TypeError("x is not a function")), undefined);
    assert.equal(describeConnectionFailure("text"), undefined);
  });
});

describe("loadDataSource", () => {
  const repoRoot = resolve(__dirname, "..", "..", "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "retort-loadds-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(repoRoot, "node_modules", "typeorm"), join(dir, "node_modules", "typeorm"), "dir");
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("forces side effects off and applies DATABASE_URL, remembering the password", async () => {
    writeFileSync(
      join(dir, "ormconfig.ts"),
      `import { DataSource } from "typeorm";\n` +
        `export default new DataSource({ type: "postgres", host: "h", password: "pw-in-options", database: "d", ` +
        `schema: "app", synchronize: true, migrationsRun: true, dropSchema: true, logging: true, entities: [], migrationsTableName: "tm" });\n`,
    );
    const secrets = new SecretSet();
    const loaded = await loadDataSource({
      file: "ormconfig.ts",
      env: { DATABASE_URL: "postgres://me:pw-in-url@db.example:5433/other" },
      cwd: dir,
      secrets,
    });
    const options = loaded.dataSource.options as unknown as Record<string, unknown>;
    assert.equal(loaded.dialect, "postgres");
    assert.equal(options.url, "postgres://me:pw-in-url@db.example:5433/other");
    assert.equal(options.host, undefined);
    assert.equal(options.schema, "app");
    assert.deepEqual(
      [options.synchronize, options.migrationsRun, options.dropSchema, options.logging],
      [false, false, false, false],
    );
    assert.equal(loaded.target, "PostgreSQL at db.example:5433/other");
    assert.equal(loaded.migrationsTableName, "tm");
    assert.equal(loaded.schema, "app");
    assert.equal(secrets.redact("pw-in-url and pw-in-options"), "*** and ***");
  });

  test("accepts an exported async factory", async () => {
    writeFileSync(
      join(dir, "factory.ts"),
      `import { DataSource } from "typeorm";\n` +
        `export default async () => new DataSource({ type: "better-sqlite3", database: "x.sqlite", entities: [] });\n`,
    );
    const loaded = await loadDataSource({ file: "factory.ts", env: {}, cwd: dir, secrets: new SecretSet() });
    assert.equal(loaded.dialect, "sqlite");
    assert.equal(loaded.target, "SQLite database x.sqlite");
  });

  test("a module without a DataSource says what it found", async () => {
    writeFileSync(join(dir, "options-only.ts"), `export default { type: "postgres", host: "h" };\n`);
    await assert.rejects(loadDataSource({ file: "options-only.ts", env: {}, cwd: dir, secrets: new SecretSet() }), {
      name: "ConfigError",
      message: "options-only.ts does not export a DataSource (found: an object with keys type, host; exports: default); export default new DataSource({...})",
    });
  });
});
