import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { loadModule } from "../../../src/config/load-module";
import { LoadError } from "../../../src/util/errors";

const root = mkdtempSync(join(tmpdir(), "retort-load-"));
after(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, type: "commonjs" | "module", files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

async function loadError(file: string, cwd: string): Promise<LoadError> {
  try {
    await loadModule(file, { cwd, cache: false });
  } catch (error) {
    assert.ok(error instanceof LoadError, `LoadError expected, got ${String(error)}`);
    return error;
  }
  assert.fail("loading should have failed");
}

const decorated = `
const Column = (): PropertyDecorator => () => undefined;
export class User {
  @Column() name: string;
  @Column() born: Date;
}
`;

for (const type of ["commonjs", "module"] as const) {
  describe(`a ${type} project`, () => {
    test("loads .ts importing ./x.js (resolved to x.ts), with decorator metadata", async () => {
      const cwd = project(`ok-${type}`, type, {
        "entities/user.ts": decorated,
        "main.ts": `import { User } from "./entities/user.js";\nexport default { User };\n`,
      });
      const loaded = (await loadModule("main.ts", { cwd, cache: false })) as { default: { User: Function } };
      const User = loaded.default.User;
      const reflect = Reflect as unknown as { getMetadata(key: string, target: object, property: string): unknown };
      assert.equal(reflect.getMetadata("design:type", User.prototype, "name"), String);
      assert.equal(reflect.getMetadata("design:type", User.prototype, "born"), Date);
    });

    test("a syntax error in an imported file names that file, line and column", async () => {
      const cwd = project(`syntax-${type}`, type, {
        "entities/user.ts": `export class User {}\nconst x = ;\n`,
        "main.ts": `import { User } from "./entities/user.js";\nexport default User;\n`,
      });
      const error = await loadError("main.ts", cwd);
      assert.match(error.message, /^entities\/user\.ts: SyntaxError: .+ \(line 2, column \d+\)$/);
      assert.equal(error.file, join(cwd, "entities/user.ts"));
    });

    test("an exception at import names the module that threw, and stack lines point at the .ts", async () => {
      const cwd = project(`throws-${type}`, type, {
        "entities/user.ts": `export class User {}\n\n\nthrow new Error("boom");\n`,
        "main.ts": `import { User } from "./entities/user.js";\nexport default User;\n`,
      });
      const error = await loadError("main.ts", cwd);
      assert.equal(error.message, "entities/user.ts threw while loading: Error: boom");
      assert.match(String((error.cause as Error).stack), /user\.ts:4:7/);
    });

    test("a missing import is one line naming the importer's problem", async () => {
      const cwd = project(`missing-${type}`, type, {
        "main.ts": `import { nope } from "./nope.js";\nexport default nope;\n`,
      });
      const error = await loadError("main.ts", cwd);
      assert.match(error.message, /^main\.ts: Cannot find module .*nope/);
      assert.equal(error.message.includes("\n"), false);
    });
  });
}

test("a missing file", async () => {
  const error = await loadError("absent.ts", root);
  assert.equal(error.message, "absent.ts: file not found");
});

test("an .mts file imports named exports of a CommonJS package's .ts files", async () => {
  const cwd = project("mixed", "commonjs", {
    "entities/user.ts": decorated,
    "main.mts": `import { User } from "./entities/user.js";\nexport const name = User.name;\n`,
  });
  const loaded = (await loadModule("main.mts", { cwd, cache: false })) as { name: string };
  assert.equal(loaded.name, "User");
});

test("TypeORM is loaded before source maps are on: its maps are not read; a user .ts file still has one", () => {
  const dir = project("source-maps", "commonjs", { "user.ts": `export const answer: number = 42;\n` });
  const repo = join(__dirname, "..", "..", "..", "..");
  const script = `
    const { findSourceMap } = require("node:module");
    const { loadModule } = require(${JSON.stringify(join(repo, "dist", "src", "config", "load-module.js"))});
    // The project is the repository (its TypeORM); the file lives elsewhere.
    loadModule(${JSON.stringify(join(dir, "user.ts"))}, { cwd: ${JSON.stringify(repo)}, cache: false }).then(() => {
      const typeorm = require.resolve("typeorm", { paths: [${JSON.stringify(repo)}] });
      const builder = require.resolve("typeorm/metadata-builder/EntityMetadataBuilder", { paths: [${JSON.stringify(repo)}] });
      console.log(JSON.stringify({
        typeormLoaded: require.cache[builder] !== undefined,
        typeormMap: findSourceMap(typeorm) !== undefined || findSourceMap(builder) !== undefined,
        userMap: findSourceMap(${JSON.stringify(join(dir, "user.ts"))}) !== undefined,
      }));
    });
  `;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { typeormLoaded: true, typeormMap: false, userMap: true });
});

test("a package required from many modules of one folder is resolved once per folder, and again once unloaded", () => {
  const others = Object.fromEntries(
    Array.from({ length: 30 }, (_, i) => [`others/b${i}.ts`, `import { id } from "counted-pkg";\nexport const seen = id;\n`]),
  );
  const dir = project("resolve-once", "commonjs", {
    "node_modules/counted-pkg/package.json": JSON.stringify({ name: "counted-pkg", exports: { ".": "./main.js" } }),
    "node_modules/counted-pkg/main.js": `exports.id = {};\n`,
    "first/a.ts": `export { id } from "counted-pkg";\n`,
    ...others,
    "others/late.ts": `import { id } from "counted-pkg";\nexport const seen = id;\n`,
    "main.ts": [
      `import { id } from "./first/a.js";`,
      ...Object.keys(others).map((file, i) => `import { seen as b${i} } from "./${file.replace(/\.ts$/, ".js")}";`),
      `export const same = [${Object.keys(others).map((_, i) => `b${i}`).join(", ")}].every((seen) => seen === id);`,
    ].join("\n"),
  });
  const repo = join(__dirname, "..", "..", "..", "..");
  const script = `
    const Module = require("node:module");
    const original = Module._resolveFilename;
    let calls = 0;
    Module._resolveFilename = function (request, ...rest) {
      if (request === "counted-pkg") calls += 1;
      return original.call(this, request, ...rest);
    };
    const { loadModule } = require(${JSON.stringify(join(repo, "dist", "src", "config", "load-module.js"))});
    loadModule("main.ts", { cwd: ${JSON.stringify(dir)}, cache: false }).then((main) => {
      const loaded = calls;
      const pkg = ${JSON.stringify(join(dir, "node_modules", "counted-pkg", "main.js"))};
      const before = require.cache[pkg].exports.id;
      delete require.cache[pkg];
      const late = require(${JSON.stringify(join(dir, "others", "late.ts"))});
      console.log(JSON.stringify({ same: main.same, loaded, afterUnload: calls - loaded, fresh: late.seen !== before }));
    });
  `;
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { same: true, loaded: 2, afterUnload: 1, fresh: true });
});
