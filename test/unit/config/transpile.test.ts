import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { describeSwcError, parseSyntaxErrorMessage, transpileTypeScript } from "../../../src/config/transpile";
import { flushTranspileCache } from "../../../src/config/transpile-cache";

test("emits legacy decorators with design:type metadata and an inline source map", () => {
  const code = transpileTypeScript(
    `declare const Column: () => PropertyDecorator;\nexport class User { @Column() name: string; @Column() age: number; }\n`,
    "/x/user.ts",
    "commonjs",
  );
  assert.match(code, /_ts_metadata\("design:type", String\)/);
  assert.match(code, /_ts_metadata\("design:type", Number\)/);
  assert.match(code, /require|exports/);
  assert.match(code, /\/\/# sourceMappingURL=data:application\/json;base64,/);
  assert.doesNotMatch(code, /\bname;/, "declared fields do not become own properties");
});

test("ES-module output keeps import/export", () => {
  const code = transpileTypeScript(`import { a } from "./a.js";\nexport const b: number = a;\n`, "/x/b.ts", "module");
  assert.match(code, /^import \{ a \} from "\.\/a\.js";/m);
  assert.match(code, /^export const b = a;/m);
});

test("a syntax error carries the file and a one-line detail with line and column", () => {
  assert.throws(
    () => transpileTypeScript(`const a = 1;\nlet b = 2;\nconst c x = 3;\n`, "/x/bad.ts", "commonjs"),
    (error: unknown) => {
      assert.ok(error instanceof SyntaxError);
      const parsed = parseSyntaxErrorMessage(error.message);
      assert.equal(parsed?.file, "/x/bad.ts");
      assert.match(parsed?.detail ?? "", /^[^\n]+ \(line 3, column \d+\)$/);
      return true;
    },
  );
});

test("describeSwcError reads the caret's column from the code frame", () => {
  const diagnostic = [
    "  x Expected ';', got 'x'",
    "   ,-[/x/bad.ts:3:1]",
    " 2 | let b = 2;",
    " 3 | const c x = 3;",
    "   :         ^",
    "   `----",
  ].join("\n");
  assert.equal(describeSwcError(new Error(diagnostic)), "Expected ';', got 'x' (line 3, column 9)");
});

test("the cache returns the stored output and is keyed by content", async () => {
  const dir = mkdtempSync(join(tmpdir(), "retort-cache-"));
  try {
    const first = transpileTypeScript(`export const a: number = 1;\n`, "/x/a.ts", "commonjs", dir);
    await flushTranspileCache();
    assert.equal(readdirSync(dir).length, 1);
    assert.equal(transpileTypeScript(`export const a: number = 1;\n`, "/x/a.ts", "commonjs", dir), first);
    assert.equal(readdirSync(dir).length, 1);
    transpileTypeScript(`export const a: number = 2;\n`, "/x/a.ts", "commonjs", dir);
    transpileTypeScript(`export const a: number = 1;\n`, "/x/a.ts", "module", dir);
    await flushTranspileCache();
    assert.deepEqual(readdirSync(dir).filter((file) => !file.endsWith(".js")), [], "no temporary files left");
    assert.equal(readdirSync(dir).length, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
