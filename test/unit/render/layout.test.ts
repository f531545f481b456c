/**
 * The renderer lays files out as prettier 3 (the version installed) prints them with its
 * default options, so that formatting can be skipped: every rendered text must come back
 * unchanged from `prettier.format`. Checked on the golden cases, on a seeded corpus of files
 * with every operation kind and awkward names, and on random data values of every shape.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as prettier from "prettier";
import { renderMigrationFile } from "../../../src/render";
import { awaitCallStatement, exportConstStatement, printStatement, type CallArgument } from "../../../src/render/js-layout";
import type { SourceValue } from "../../../src/render/source";
import { collectOperations } from "../../../src/runtime/op-api";
import { scanRevisionHeader } from "../../../src/scripts";
import { corpusInput, Random } from "./corpus";
import { goldenCases } from "./golden-cases";
import { loadMigrationText } from "./load-migration";

const format = (text: string): Promise<string> => prettier.format(text, { parser: "typescript" });

/** The first differing line with some context, for a readable failure. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split("\n");
  const b = expected.split("\n");
  const i = a.findIndex((lineText, n) => lineText !== b[n]);
  const at = i === -1 ? a.length : i;
  return `line ${at + 1}\n--- rendered\n${a.slice(Math.max(0, at - 3), at + 4).join("\n")}\n--- prettier\n${b.slice(Math.max(0, at - 3), at + 4).join("\n")}`;
}

async function assertPrettierStable(text: string, what: string): Promise<void> {
  const formatted = await format(text);
  if (formatted !== text) assert.fail(`${what}: prettier changes the rendered text at ${firstDifference(text, formatted)}`);
}

describe("rendered files are already formatted as prettier prints them", () => {
  for (const { name, input } of goldenCases) {
    it(`golden case ${name}`, async () => {
      const text = renderMigrationFile(input);
      await assertPrettierStable(text, name);
      assert.equal(await format(renderMigrationFile(input, "unformatted")), text);
    });
  }

  it("a seeded corpus of 400 files with every operation kind, awkward names and hazards", async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const input = corpusInput(seed);
      const text = renderMigrationFile(input);
      await assertPrettierStable(text, `corpus seed ${seed}`);
      // What prettier makes of the unformatted rendering (the file retort wrote before it laid
      // files out itself) is this same text.
      const formatted = await format(renderMigrationFile(input, "unformatted"));
      if (formatted !== text) assert.fail(`corpus seed ${seed}: ${firstDifference(text, formatted)}`);
      // And the file still means what was rendered.
      const module = loadMigrationText(text, `corpus-${seed}.ts`);
      assert.deepStrictEqual(await collectOperations(module.up), input.upOps, `seed ${seed} up`);
      assert.deepStrictEqual(await collectOperations(module.down), input.downOps, `seed ${seed} down`);
      const { id, downRevisions, message, createdAt, branchLabels } = input.header;
      const scanned = scanRevisionHeader(text, `corpus-${seed}.ts`);
      assert.deepStrictEqual(
        [scanned.id, scanned.downRevisions, scanned.message, scanned.createdAt, scanned.branchLabels],
        [id, downRevisions, message, createdAt, branchLabels],
        `seed ${seed} header`,
      );
    }
  });
});

const KEYS = ["a", "to", "from", "name", "using", "columns", "a-b", "x y", "ключ", "class", "1", "", "😀", "it's", 'say "hi"', "k".repeat(70)];
const STRINGS = ["", "x", "SELECT 1", 'say "hi"', "it's", `'"'"`, "a\\b", "\n", "日本語テキスト", "😀👍🏽🇫🇷", "x".repeat(30), "long text ".repeat(9)];
const NUMBERS = [0, 1, -1, -0, 2.5, 1e21, 1.5e-7, 123456789, 42];

function randomValue(r: Random, depth: number): SourceValue {
  switch (r.int(0, depth > 3 ? 3 : 7)) {
    case 0:
      return r.pick(STRINGS);
    case 1:
      return r.pick(NUMBERS);
    case 2:
      return r.chance(0.5) ? r.chance(0.5) : null;
    case 3:
      return r.pick(STRINGS) + r.pick(STRINGS);
    case 4:
    case 5:
      return r.list(0, 6, () => randomValue(r, depth + 1));
    case 6:
      return r.list(0, 30, () => r.pick(NUMBERS));
    default:
      return Object.fromEntries(r.list(0, 5, () => [r.pick(KEYS), randomValue(r, depth + 1)]));
  }
}

/** `statement` printed at `indentation` inside the blocks that give it that indentation. */
function inBlocks(statement: string, indentation: number): string {
  if (indentation === 0) return `${statement}\n`;
  if (indentation === 2) return `async function f() {\n${statement}\n}\n`;
  return `async function f() {\n  {\n${statement}\n  }\n}\n`;
}

describe("the layout of data values matches prettier", () => {
  it("2000 random calls and declarations", async () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = new Random(seed);
      let text: string;
      if (r.chance(0.2)) {
        text = inBlocks(printStatement(exportConstStatement(r.pick(["x", "downRevision", "a".repeat(40)]), randomValue(r, 0)), 0), 0);
      } else {
        const args: CallArgument[] = r.list(0, 4, () => ({ value: randomValue(r, 0), expanded: r.chance(0.3) }));
        const indentation = r.pick([2, 4]);
        text = inBlocks(printStatement(awaitCallStatement("op", r.pick(["x", "createTable", "aVeryLongMethodName"]), args), indentation), indentation);
      }
      await assertPrettierStable(text, `value seed ${seed}`);
    }
  });

  // The behaviours the layout reproduces, one example each (compared with prettier, not with
  // a hand-written expectation, so that the example cannot drift from what prettier does).
  const examples: [string, string, readonly CallArgument[]][] = [
    ["fits on one line", "renameColumn", [{ value: "users" }, { value: "a" }, { value: "b" }]],
    ["hugs the last object", "addColumn", [{ value: "users" }, { value: { name: "a_fairly_long_column_name", type: "varchar(255)", nullable: true } }]],
    ["breaks all arguments when two objects", "createTable", [{ value: { schema: "audit", table: "events" } }, { value: { columns: [] }, expanded: true }]],
    ["keeps an expanded object expanded", "alterColumn", [{ value: "t" }, { value: "c" }, { value: { from: { type: "text" }, to: { type: "integer" } }, expanded: true }]],
    ["breaks arrays of objects", "createEnum", [{ value: "x" }, { value: [{ a: 1, b: 2 }, { a: 3, b: 4 }] }]],
    ["moves a long string after its key", "createCheck", [{ value: "t" }, { value: { name: "CHK", expression: "a very long expression ".repeat(4) } }]],
    ["keeps a long string after a short key", "createCheck", [{ value: "t" }, { value: { name: "a very long name ".repeat(6) } }]],
    ["fills arrays of numbers", "execute", [{ value: "SELECT $1" }, { value: Array.from({ length: 40 }, (_, i) => i * 7) }]],
    ["never breaks a string", "execute", [{ value: "SELECT ".repeat(30) }]],
    ["prefers single quotes around double quotes", "renameTable", [{ value: 'say "hi"' }, { value: "it's" }]],
    ["quotes keys only as needed", "x", [{ value: { "a-b": 1, ключ: 2, class: 3, "1": 4 } }]],
    ["writes empty objects and arrays", "x", [{ value: {} }, { value: [] }, { value: "x".repeat(80) }]],
    ["counts wide characters twice", "addColumn", [{ value: "表" }, { value: { name: "日本語".repeat(9), type: "text" } }]],
  ];
  for (const [what, method, args] of examples) {
    it(what, async () => {
      await assertPrettierStable(inBlocks(printStatement(awaitCallStatement("op", method, args), 2), 2), what);
    });
  }

  it("header declarations: many parents, branch labels, a long message", async () => {
    const header = {
      id: "0123456789ab",
      downRevisions: Array.from({ length: 9 }, (_, i) => `${i}`.repeat(12)),
      message: `${"a long message ".repeat(8)}with "quotes" and it's`,
      createdAt: "2026-11-21T10:00:00.000Z",
      branchLabels: ["feature", "another_rather_long_branch_label_name", "x".repeat(80)],
    };
    await assertPrettierStable(renderMigrationFile({ header, upOps: [], downOps: [] }), "header");
  });
});
