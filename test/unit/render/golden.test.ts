/**
 * Renders and formats each golden case (with the .prettierrc.json of that folder) and
 * compares it with test/golden/render/<name>.ts
 * (RETORT_UPDATE_GOLDEN=1 rewrites them). Then loads every golden FILE the way the runner does
 * and checks that its `up` and `down` perform exactly the operations that were rendered, and
 * that the header scanner reads the header that was rendered.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { OperationKind } from "../../../src/ops/types";
import { renderFormattedMigration } from "../../../src/render";
import { collectOperations } from "../../../src/runtime/op-api";
import { scanRevisionHeader } from "../../../src/scripts";
import { goldenCases } from "./golden-cases";
import { loadMigrationText } from "./load-migration";
import { allOperationKinds } from "../../helpers/operation-kinds";

// dist/test/unit/render → the repository root.
const GOLDEN_DIR = join(__dirname, "..", "..", "..", "..", "test", "golden", "render");
const UPDATE = process.env.RETORT_UPDATE_GOLDEN === "1";


describe("rendered migration files (golden)", () => {
  for (const { name, input } of goldenCases) {
    const path = join(GOLDEN_DIR, `${name}.ts`);

    it(`${name}: render + prettier gives the golden file`, async () => {
      // test/golden/render has a .prettierrc.json (printWidth 100), so prettier formats these.
      const text = await renderFormattedMigration(input, path);
      if (UPDATE) writeFileSync(path, text);
      assert.ok(existsSync(path), `${path} is missing; run the tests with RETORT_UPDATE_GOLDEN=1 to write it`);
      assert.equal(text, readFileSync(path, "utf8"), `${name} differs from its golden file`);
    });

    it(`${name}: the golden file performs exactly the rendered operations`, async () => {
      const text = readFileSync(path, "utf8");
      const module = loadMigrationText(text, path);
      assert.deepStrictEqual(await collectOperations(module.up), input.upOps);
      assert.deepStrictEqual(await collectOperations(module.down), input.downOps);
      const { id, downRevisions, message, createdAt, branchLabels } = input.header;
      assert.deepStrictEqual(scanRevisionHeader(text, path), {
        id,
        downRevisions,
        message,
        createdAt,
        path,
        ...(branchLabels === undefined ? {} : { branchLabels }),
      });
      assert.equal(module.revision, id);
    });
  }

  it("the cases use every operation kind", () => {
    const used = new Set(goldenCases.flatMap((c) => [...c.input.upOps, ...c.input.downOps].map((op) => op.kind)));
    assert.deepEqual(Object.keys(allOperationKinds).filter((kind) => !used.has(kind as OperationKind)), []);
  });

  it("every golden file belongs to a case", () => {
    const names = new Set(goldenCases.map((c) => `${c.name}.ts`));
    const stale = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !names.has(f));
    assert.deepEqual(stale, []);
  });
});
