import assert from "node:assert/strict";
import { test } from "node:test";
import { formatFailure, toOneLine } from "../../../src/cli/errors";
import { SecretSet } from "../../../src/config/secrets";
import { ConfigError, ConnectionError, UsageError } from "../../../src/util/errors";

const noSecrets = new SecretSet();

test("a RetortError is its message on one line, with its exit code", () => {
  assert.deepEqual(formatFailure(new ConfigError("ormconfig.ts does not export\na DataSource"), { verbose: false, secrets: noSecrets }), {
    lines: ["ormconfig.ts does not export a DataSource"],
    exitCode: 1,
  });
  assert.deepEqual(formatFailure(new UsageError("Unknown argument: x"), { verbose: false, secrets: noSecrets }), {
    lines: ["Unknown argument: x"],
    exitCode: 2,
  });
});

test("anything else is an internal error, exit 1", () => {
  const failure = formatFailure(new TypeError("x is not a function"), { verbose: false, secrets: noSecrets });
  assert.deepEqual(failure, { lines: ["retort: internal error: x is not a function"], exitCode: 1 });
  assert.deepEqual(formatFailure("thrown string", { verbose: false, secrets: noSecrets }).lines, ["retort: internal error: thrown string"]);
});

test("--verbose adds the stack and its causes, scrubbed of secrets", () => {
  const secrets = new SecretSet();
  secrets.add("hunter2");
  const cause = new Error("password authentication failed (password hunter2) at postgres://me:other@db/x");
  const failure = formatFailure(new ConnectionError("could not connect to PostgreSQL at db:5432/x: refused", { cause }), {
    verbose: true,
    secrets,
  });
  assert.equal(failure.lines[0], "could not connect to PostgreSQL at db:5432/x: refused");
  assert.ok(failure.lines.some((line) => /^\s+at /.test(line)), "stack frames");
  assert.ok(failure.lines.includes("caused by:"));
  const all = failure.lines.join("\n");
  assert.equal(all.includes("hunter2"), false);
  assert.equal(all.includes("other@"), false);
  assert.match(all, /password \*\*\*\) at postgres:\/\/me:\*\*\*@db\/x/);
});

test("toOneLine joins lines with single spaces", () => {
  assert.equal(toOneLine("a\n  b\r\nc\n"), "a b c");
});
