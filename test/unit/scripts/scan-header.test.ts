import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { scanRevisionHeader } from "../../../src/scripts";
import { LoadError } from "../../../src/util/errors";

const PATH = "migrations/x.ts";

function throwsLoad(text: string, pattern: RegExp): void {
  assert.throws(
    () => scanRevisionHeader(text, PATH),
    (error: unknown) => {
      assert.ok(error instanceof LoadError, `expected a LoadError, got ${String(error)}`);
      assert.equal(error.file, PATH);
      assert.match(error.message, pattern);
      return true;
    },
  );
}

const GENERATED = `import type { MigrationContext } from "retort";

export const revision = "1a2b3c4d5e6f";
export const downRevision: string | readonly string[] | null = "0f9e8d7c6b5a";
export const message = "add prompts table";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: MigrationContext) {
  await op.createTable("prompts", []);
}

export async function down(op: MigrationContext) {
  await op.dropTable("prompts");
}
`;

describe("scanRevisionHeader", () => {
  it("reads a generated file", () => {
    assert.deepEqual(scanRevisionHeader(GENERATED, PATH), {
      id: "1a2b3c4d5e6f",
      downRevisions: ["0f9e8d7c6b5a"],
      message: "add prompts table",
      createdAt: "2026-11-21T10:00:00.000Z",
      path: PATH,
    });
  });

  it("reads CRLF files, a BOM and single quotes", () => {
    const text =
      "\uFEFF" + GENERATED.replace(/\n/g, "\r\n").replace(/"add prompts table"/, "'add \\'prompts\\' table'");
    const header = scanRevisionHeader(text, PATH);
    assert.equal(header.id, "1a2b3c4d5e6f");
    assert.equal(header.message, "add 'prompts' table");
    assert.deepEqual(header.downRevisions, ["0f9e8d7c6b5a"]);
  });

  it("ignores declarations in comments, strings, templates and regexes", () => {
    const text = `// export const revision = "commented";
/* export const revision = "block";
   export const downRevision = null; */
const a = "export const revision = 'in a string'";
const b = \`export const revision = "\${"nested } \`brace\` " + \`\${1}\`}" in a template\`;
const c = /export const revision = "re[/"]gex"/g;
const d = 10 / 2; const e = "x" // export const message = "trailing comment"
export const revisionNotes = "not the revision";
export const revision = "aaaabbbbcccc";
export const downRevision = null;
export const createdAt = "2026-01-01T00:00:00.000Z";
export function up() { return "export const message = 'inside'"; }
`;
    const header = scanRevisionHeader(text, PATH);
    assert.equal(header.id, "aaaabbbbcccc");
    assert.deepEqual(header.downRevisions, []);
    assert.equal(header.message, "");
  });

  it("finds declarations placed after the migration body, ignoring a commented one at the end", () => {
    const text = `export async function up(op: any) {
  await op.execute("select '}' as x; -- export const revision = 'sql'");
}
export const revision = "late";
export const downRevision = ["a", "b"];
export const createdAt = "2026-01-01T00:00:00.000Z";
/* export const revision = "after"; */
`;
    const header = scanRevisionHeader(text, PATH);
    assert.equal(header.id, "late");
    assert.deepEqual(header.downRevisions, ["a", "b"]);
  });

  it("decodes escapes", () => {
    const text = `export const revision = "r1";
export const downRevision = null;
export const message = "quote \\" tab\\t nl\\n \\u00e9 \\u{1F600} \\x41 back\\\\slash \\
continued";
export const createdAt = '2026-01-01T00:00:00.000Z';
`;
    assert.equal(scanRevisionHeader(text, PATH).message, 'quote " tab\t nl\n é 😀 A back\\slash continued');
  });

  it("reads multi-line merge arrays with comments, trailing commas and `as const`", () => {
    const text = `export const revision = "m1"
export const downRevision = [
  "aaaa", // left branch
  /* right */ 'bbbb',
] as const;
export const branchLabels = ["feature"] as const
export const createdAt = "2026-01-01T00:00:00.000Z"
export const message = "merge heads"
`;
    const header = scanRevisionHeader(text, PATH);
    assert.deepEqual(header.downRevisions, ["aaaa", "bbbb"]);
    assert.deepEqual(header.branchLabels, ["feature"]);
    assert.equal(header.message, "merge heads");
  });

  it("reports what is missing, naming the file", () => {
    throwsLoad("export const message = 'x';\n", /^migrations\/x\.ts: no `export const revision = "\.\.\."` found$/);
    throwsLoad("// export const revision = 'x';\n", /no `export const revision = "\.\.\."` found/);
    throwsLoad(
      "export const revision = 'x';\nexport const createdAt = '2026-01-01';\n",
      /^migrations\/x\.ts: no `export const downRevision = \.\.\.` found \(use null for a first migration\)$/,
    );
    throwsLoad(
      "export const revision = 'x';\nexport const downRevision = null;\n",
      /no `export const createdAt = "\.\.\."` found/,
    );
  });

  it("reports unreadable values with their line", () => {
    const head = "export const revision = 'x';\nexport const createdAt = '2026-01-01';\n";
    throwsLoad(
      `${head}export const downRevision = \`abc\`;\n`,
      /^migrations\/x\.ts:3: `downRevision` uses a template literal/,
    );
    throwsLoad(
      `${head}export const downRevision = previous;\n`,
      /:3: `downRevision` must be a quoted string, null or an array/,
    );
    throwsLoad(`${head}export const downRevision = ["a", 1];\n`, /:3: `downRevision` must be a quoted string/);
    throwsLoad(`${head}export const downRevision = ["a" "b"];\n`, /:3: `downRevision`: expected ',' or '\]'/);
    throwsLoad(`${head}export const downRevision = "abc;\n`, /:3: `downRevision` has an unterminated string/);
    throwsLoad(
      `${head}export const downRevision = null;\nexport const message = null;\n`,
      /:4: `message` must be a quoted string/,
    );
    throwsLoad(`${head}export const downRevision = "a" + "b";\n`, /:3: unexpected text after `downRevision`/);
    throwsLoad(
      `${head}export const downRevision = null;\nexport const revision = "y";\n`,
      /:4: declares `revision` twice/,
    );
    throwsLoad(
      "export const revision = 'x';\nexport const downRevision = null;\nexport const createdAt = 'yesterday';\n",
      /`createdAt` must be an ISO date string, not "yesterday"/,
    );
    throwsLoad("export const revision = '';\n", /`revision` must be a non-empty string/);
  });
});
