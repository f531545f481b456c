/**
 * End to end on postgres: upgrade/downgrade targets, --sql, stamping a baseline, branches and
 * merge through the built CLI (see scenario-targets.ts and scenario-branches.ts).
 */
import { describe } from "node:test";
import { describeBranches } from "./scenario-branches";
import { describeTargets } from "./scenario-targets";

describe("revision graph workflows on postgres", () => {
  describeTargets("postgres");
  describeBranches("postgres");
});
