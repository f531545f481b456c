import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { maskDatabaseUrl, parseDatabaseUrl } from "../../../src/config/database-url";
import { ConfigError } from "../../../src/util/errors";

const cwd = "/projects/app";

describe("parseDatabaseUrl", () => {
  test("postgres:// and postgresql:// keep the URL and expose its parts", () => {
    assert.deepEqual(parseDatabaseUrl("postgres://me:p%40ss@db.local:6543/app", cwd), {
      kind: "postgres",
      url: "postgres://me:p%40ss@db.local:6543/app",
      host: "db.local",
      port: 6543,
      database: "app",
      username: "me",
      password: "p@ss",
    });
    assert.deepEqual(parseDatabaseUrl("postgresql://db/app", cwd), {
      kind: "postgres",
      url: "postgresql://db/app",
      host: "db",
      database: "app",
    });
  });

  test("SQLite forms: relative to cwd, absolute with three slashes, file: paths and URLs, memory", () => {
    assert.deepEqual(parseDatabaseUrl("sqlite:var/db.sqlite", cwd), { kind: "sqlite", database: "/projects/app/var/db.sqlite" });
    assert.deepEqual(parseDatabaseUrl("sqlite:///tmp/x.sqlite", cwd), { kind: "sqlite", database: "/tmp/x.sqlite" });
    assert.deepEqual(parseDatabaseUrl("sqlite:/tmp/y.sqlite", cwd), { kind: "sqlite", database: "/tmp/y.sqlite" });
    assert.deepEqual(parseDatabaseUrl("file:data.db", cwd), { kind: "sqlite", database: "/projects/app/data.db" });
    assert.deepEqual(parseDatabaseUrl("file:///srv/data.db", cwd), { kind: "sqlite", database: "/srv/data.db" });
    assert.deepEqual(parseDatabaseUrl("sqlite::memory:", cwd), { kind: "sqlite", database: ":memory:" });
  });

  for (const [url, why] of [
    ["mysql://root:hunter2@db/app", /unsupported scheme "mysql:"/],
    ["postgres://u:hunter2@db:port/app", /not a URL/],
    ["postgres:///app", /no host/],
    ["sqlite://relative.db", /sqlite:\/\/\/absolute/],
    ["sqlite:", /no file path/],
    ["just-a-path.db", /no scheme/],
  ] as const) {
    test(`rejects ${url} naming DATABASE_URL and the accepted forms, without the password`, () => {
      assert.throws(
        () => parseDatabaseUrl(url, cwd),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, /^DATABASE_URL is not valid/);
          assert.match(error.message, why);
          assert.match(error.message, /expected postgres:\/\/.*sqlite:.*file:path$/);
          assert.equal(error.message.includes("hunter2"), false);
          assert.equal(error.message.includes("\n"), false);
          return true;
        },
      );
    });
  }
});

describe("maskDatabaseUrl", () => {
  test("masks the password, keeping user, host and database", () => {
    assert.equal(maskDatabaseUrl("postgres://me:hunter2@db:5432/app"), "postgres://me:***@db:5432/app");
  });
  test("masks malformed passwords too (spaces, unencoded @)", () => {
    assert.equal(maskDatabaseUrl("postgres://me:hun ter@2@db/app"), "postgres://me:***@db/app");
  });
  test("a lone userinfo may be a password: masked whole", () => {
    assert.equal(maskDatabaseUrl("postgres://hunter2@db/app"), "postgres://***@db/app");
  });
  test("leaves URLs without credentials alone", () => {
    assert.equal(maskDatabaseUrl("postgres://db/app"), "postgres://db/app");
    assert.equal(maskDatabaseUrl("sqlite:var/x.sqlite"), "sqlite:var/x.sqlite");
  });
});
