/**
 * The schema-change scenario: one project, one migration per kind of change, each step run
 * through the whole cycle of scenario-cycle.ts. Both dialects run the same steps with the
 * same entity files; only the golden files differ.
 */
import { after, before, describe, test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import { initialLibrary, renderLibrary } from "./scenario-entities";
import type { LibraryState } from "./scenario-entities";
import { assertSameSchema, runChangeStep } from "./scenario-cycle";
import type { ChangeStep } from "./scenario-cycle";
import { openScenarioProject } from "./scenario-project";
import type { ScenarioProject } from "./scenario-project";
import type { ScenarioDialect } from "./scenario-database";

interface StepChange {
  readonly name: string;
  readonly message: string;
  readonly change: Partial<LibraryState>;
}

/** Each step changes the state left by the one before it. */
const changes: readonly StepChange[] = [
  { name: "01-add-tables", message: "create authors and books", change: {} },
  { name: "02-add-column", message: "add authors bio", change: { bioLength: 50 } },
  { name: "03-change-length", message: "longer bio", change: { bioLength: 200 } },
  { name: "04-change-type", message: "pages as bigint", change: { pagesType: "bigint" } },
  { name: "05-change-nullability", message: "title optional", change: { titleNullable: true } },
  { name: "06-change-default", message: "status defaults to new", change: { statusDefault: "new" } },
  { name: "07-add-index", message: "index book titles", change: { titleIndexed: true } },
  { name: "08-add-unique", message: "unique author names", change: { nameUnique: true } },
  { name: "09-add-foreign-key", message: "books reference authors", change: { authorForeignKey: true } },
  { name: "10-drop-index", message: "drop title index", change: { titleIndexed: false } },
  { name: "11-drop-unique", message: "author names may repeat", change: { nameUnique: false } },
  { name: "12-drop-foreign-key", message: "books without author relation", change: { authorForeignKey: false } },
  { name: "13-drop-column", message: "drop authors bio", change: { bioLength: undefined } },
  { name: "14-add-enum-value", message: "essays", change: { genres: ["fiction", "poetry", "essay"] } },
];

/** The steps with their entity files and fixed revision ids (`5c0000000001`, ...). */
export function schemaChangeSteps(): ChangeStep[] {
  let state: LibraryState = initialLibrary;
  return changes.map(({ name, message, change }, index) => {
    state = { ...state, ...change };
    const revId = `5c${String(index + 1).padStart(10, "0")}`;
    return { name, message, revId, entities: renderLibrary(state), keyHints: { "books.authorId": "authors.id" } };
  });
}

/** Registers the schema-change scenario for `dialect`. */
export function describeSchemaChanges(dialect: ScenarioDialect): void {
  describe(`schema changes through the CLI on ${dialect}`, () => {
    let project: ScenarioProject;
    before(async () => {
      project = await openScenarioProject(dialect, "changes");
    });
    after(() => project?.close());

    // Each step starts where the one before ended; after a failure the rest only say so.
    let failed: string | undefined;
    let previous: string | null = null;
    let schema: SchemaModel | undefined;
    for (const step of schemaChangeSteps()) {
      const parent = previous;
      test(step.name, async (t) => {
        if (failed !== undefined) return t.skip(`${failed} failed, so this step cannot start from its state`);
        try {
          schema = await runChangeStep(project, step, parent, `${dialect}/changes`, schema);
        } catch (error) {
          failed = step.name;
          throw error;
        }
      });
      previous = step.revId;
    }
    test("the last step upgraded again to the same schema", (t) => {
      if (failed !== undefined || schema === undefined) return t.skip(`${failed ?? "a step"} failed`);
      assertSameSchema(project.inspect(), schema, ["upgraded again", "first upgrade"]);
    });
  });
}
