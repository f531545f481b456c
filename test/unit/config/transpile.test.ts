import "reflect-metadata";
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { LARGE_SOURCE, describeSwcError, parseSyntaxErrorMessage, transpileTypeScript } from "../../../src/config/transpile";
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

/** Runs CommonJS `code` as a module and returns its exports. */
function evaluate(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function("exports", "require", "module", code)(module.exports, require, module);
  return module.exports;
}

test("a source longer than LARGE_SOURCE is transpiled without a source map or whitespace, to the same code", async () => {
  const body = `
const Column = (): PropertyDecorator => () => undefined;
export class Kept { @Column() name: string; }
// a comment
export async function up(op: { calls: string[] }): Promise<void> {
  if (op.calls.length === 0) {
    op.calls.push("two  spaces", \`line
  break\`);
  }
}
`;
  const lines = (count: number): string =>
    Array.from({ length: count }, (_, i) => `export const value${String(i).padStart(6, "0")}: number = ${i};\n`).join("");
  const small = transpileTypeScript(body + lines(10), "/x/small.ts", "commonjs");
  assert.match(small, /sourceMappingURL=data:/);
  const large = body + lines(Math.ceil(LARGE_SOURCE / 30));
  assert.ok(large.length > LARGE_SOURCE);
  const code = transpileTypeScript(large, "/x/large.ts", "commonjs");
  assert.doesNotMatch(code, /sourceMappingURL/);
  const indented = code.split("\n").filter((line) => /^ +\S/.test(line));
  assert.deepEqual(indented.map((line) => line.slice(0, 7)), ["  break"], "no line is indented but the string's own");
  assert.doesNotMatch(code, /a comment/);
  const [fromSmall, fromLarge] = [evaluate(small), evaluate(code)];
  assert.equal(fromLarge.value000009, 9);
  assert.equal((fromLarge.Kept as Function).name, "Kept");
  const reflect = Reflect as unknown as { getMetadata(key: string, target: object, property: string): unknown };
  assert.equal(reflect.getMetadata("design:type", (fromLarge.Kept as Function).prototype, "name"), String);
  const [a, b] = [{ calls: [] as string[] }, { calls: [] as string[] }];
  await (fromSmall.up as (op: unknown) => Promise<void>)(a);
  await (fromLarge.up as (op: unknown) => Promise<void>)(b);
  assert.deepEqual(b.calls, a.calls);
  assert.deepEqual(a.calls, ["two  spaces", "line\n  break"]);
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
