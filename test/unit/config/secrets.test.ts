import assert from "node:assert/strict";
import { test } from "node:test";
import { SecretSet, maskUrlPasswords } from "../../../src/config/secrets";

test("maskUrlPasswords masks user:password@ in any URL inside a text", () => {
  assert.equal(
    maskUrlPasswords('connect to "postgres://a:b1@h/db" failed; retry mysql://x:y@z'),
    'connect to "postgres://a:***@h/db" failed; retry mysql://x:***@z',
  );
});

test("SecretSet scrubs known secrets in raw and URL-encoded spellings, longest first", () => {
  const secrets = new SecretSet();
  secrets.add("p@ss word");
  secrets.add("p@ss");
  secrets.add("");
  secrets.add(undefined);
  assert.equal(secrets.redact("password was p@ss word, encoded p%40ss%20word"), "password was ***, encoded ***");
  assert.equal(secrets.redact("short p@ss"), "short ***");
  assert.equal(secrets.redact("nothing here"), "nothing here");
});
