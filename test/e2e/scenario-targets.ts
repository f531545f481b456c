/**
 * Upgrade and downgrade targets through the CLI (`+1`, `head`, `<rev>`, a prefix, `-1`,
 * `base`), `current`, `history` and `heads` along a chain of three revisions, and `--sql`:
 * its golden text, that it leaves the database alone, and that running its output on an
 * empty database builds the same schema.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import { linesOf } from "./project";
import { schemaChangeSteps } from "./scenario-changes";
import { assertSameSchema, autogenerate, currentRevisions, runLines } from "./scenario-cycle";
import { assertGolden } from "./scenario-golden";
import { openScenarioProject } from "./scenario-project";
import type { ScenarioProject } from "./scenario-project";
import type { ScenarioDialect } from "./scenario-database";

/** The chain: ids chosen so that `c3c3` is an unambiguous prefix. */
const chain = [
  { id: "a1a1a1a1a1a1", step: 0 },
  { id: "b2b2b2b2b2b2", step: 1 },
  { id: "c3c3c3c3c3c3", step: 2 },
] as const;

/** Builds the chain on `project` (ending at head) and returns the schema at base and after each revision. */
function buildChain(project: ScenarioProject): SchemaModel[] {
  const steps = schemaChangeSteps();
  const models = [project.inspect()];
  for (const { id, step } of chain) {
    project.writeEntities(steps[step]!.entities);
    autogenerate(project, id, steps[step]!.message);
    project.cliOk(["upgrade", "head"]);
    models.push(project.inspect());
  }
  return models;
}

function message(index: number): string {
  return schemaChangeSteps()[chain[index]!.step]!.message;
}

/** A DATABASE_URL of each dialect that no connection can open. */
const unreachable: Readonly<Record<ScenarioDialect, string>> = {
  postgres: "postgres://nobody@127.0.0.1:1/nowhere",
  sqlite: "sqlite:///nonexistent-retort-dir/no/such.sqlite",
};

/** Asserts the database is at revision `index` of the chain (0: base) with its schema. */
function assertAt(project: ScenarioProject, models: readonly SchemaModel[], index: number): void {
  const ids = chain.map(({ id }) => id);
  assert.deepEqual(currentRevisions(project, ids), index === 0 ? [] : [ids[index - 1]]);
  assertSameSchema(project.inspect(), models[index]!, ["live", `schema at ${index === 0 ? "base" : ids[index - 1]}`]);
}

/** Registers the target and `--sql` tests for `dialect`. */
export function describeTargets(dialect: ScenarioDialect): void {
  test(`upgrade +1/head/<rev>, downgrade -1/<rev>/base, current, history, heads, --sql (${dialect})`, async () => {
    const project = await openScenarioProject(dialect, "targets");
    try {
      const models = buildChain(project);
      const [a, b, c] = chain.map(({ id }) => id) as [string, string, string];
      const move = (args: string[], expected: string[], at: number): void => {
        assert.deepEqual(runLines(project.cliOk(args).stdout), expected, `retort ${args.join(" ")}`);
        assertAt(project, models, at);
      };
      move(["downgrade", "base"], [`Running downgrade ${c} -> ${b}, ${message(2)}`, `Running downgrade ${b} -> ${a}, ${message(1)}`, `Running downgrade ${a} -> <base>, ${message(0)}`], 0);
      move(["upgrade", "+1"], [`Running upgrade <base> -> ${a}, ${message(0)}`], 1);
      move(["upgrade", "head"], [`Running upgrade ${a} -> ${b}, ${message(1)}`, `Running upgrade ${b} -> ${c}, ${message(2)}`], 3);
      move(["upgrade", "head"], [], 3);
      move(["downgrade", "-1"], [`Running downgrade ${c} -> ${b}, ${message(2)}`], 2);
      move(["downgrade", a], [`Running downgrade ${b} -> ${a}, ${message(1)}`], 1);
      move(["upgrade", b], [`Running upgrade ${a} -> ${b}, ${message(1)}`], 2);
      move(["upgrade", c.slice(0, 4)], [`Running upgrade ${b} -> ${c}, ${message(2)}`], 3);

      assert.deepEqual(linesOf(project.cliOk(["history"]).stdout), [
        `${b} -> ${c} (head), ${message(2)}`,
        `${a} -> ${b}, ${message(1)}`,
        `<base> -> ${a}, ${message(0)}`,
      ]);
      const heads = project.cliOk(["heads"]).stdout;
      assert.ok(heads.includes(c) && !heads.includes(a) && !heads.includes(b), `heads names only ${c}:\n${heads}`);

      move(["downgrade", "base"], [`Running downgrade ${c} -> ${b}, ${message(2)}`, `Running downgrade ${b} -> ${a}, ${message(1)}`, `Running downgrade ${a} -> <base>, ${message(0)}`], 0);

      // --sql: printed, not run; the same SQL run by hand builds the same schema.
      const sql = project.cliOk(["upgrade", "head", "--sql"]).stdout;
      assertGolden(sql, `${dialect}/sql/upgrade-head.sql`);
      assertAt(project, models, 0);
      // Offline means offline: the same text when the database cannot be reached at all.
      assert.equal(project.cliOk(["upgrade", "head", "--sql"], unreachable[dialect]).stdout, sql);
      await project.reference.empty();
      await project.reference.exec(sql);
      assertSameSchema(project.inspect(project.reference.url), models[3]!, ["--sql output run by hand", "upgrade head"]);
      assert.deepEqual(currentRevisions(project, [a, b, c], project.reference.url), [c]);
      const down = project.cliOk(["downgrade", `${c}:${a}`, "--sql"]).stdout;
      assertGolden(down, `${dialect}/sql/downgrade-to-first.sql`);
      await project.reference.exec(down);
      assertSameSchema(project.inspect(project.reference.url), models[1]!, ["downgrade --sql output run by hand", `schema at ${a}`]);
      assert.deepEqual(currentRevisions(project, [a, b, c], project.reference.url), [a]);
      assertAt(project, models, 0);
    } finally {
      await project.close();
    }
  });
}
