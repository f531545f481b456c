import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseMergeParents } from "../../../src/commands/merge";
import { chooseParents } from "../../../src/commands/revision";
import { UsageError } from "../../../src/util/errors";
import { BRANCHED, DIAMOND, LINEAR, MULTI_ROOT, graphOf, throwsRevision } from "../revision/build";

test("a new revision follows the single head, or --head; base starts a new root", () => {
  assert.deepEqual(chooseParents(graphOf([]), undefined, false), []);
  assert.deepEqual(chooseParents(graphOf(LINEAR), undefined, false), ["a3"]);
  assert.deepEqual(chooseParents(graphOf(LINEAR), "head", false), ["a3"]);
  assert.deepEqual(chooseParents(graphOf(LINEAR), "base", false), []);
  assert.deepEqual(chooseParents(graphOf(BRANCHED), "b2", false), ["b2"]);
});

test("several heads need --head; a non-head needs --splice; --splice needs --head", () => {
  throwsRevision(() => chooseParents(graphOf(BRANCHED), undefined, false), /^Multiple heads are present: a2, b2; pass --head <rev>/);
  throwsRevision(() => chooseParents(graphOf(LINEAR), "a1", false), /^Revision a1 is not a head revision; pass --splice/);
  assert.deepEqual(chooseParents(graphOf(LINEAR), "a1", true), ["a1"]);
  throwsRevision(() => chooseParents(graphOf(BRANCHED), "heads", false), /^--head heads names several revisions \(a2, b2\)/);
  assert.throws(() => chooseParents(graphOf(LINEAR), undefined, true), UsageError);
});

test("a merge joins the heads by default, or the named revisions, never an ancestor with its descendant", () => {
  assert.deepEqual(chooseMergeParents(graphOf(BRANCHED), []), ["a2", "b2"]);
  assert.deepEqual(chooseMergeParents(graphOf(MULTI_ROOT), ["y1", "x1"]), ["x1", "y1"]);
  assert.deepEqual(chooseMergeParents(graphOf(BRANCHED), ["a1", "b2"]), ["a1", "b2"]);
  throwsRevision(() => chooseMergeParents(graphOf(LINEAR), []), /^Nothing to merge: there is one head$/);
  throwsRevision(() => chooseMergeParents(graphOf([]), []), /^Nothing to merge: there are no revisions$/);
  throwsRevision(() => chooseMergeParents(graphOf(DIAMOND), ["c1", "c1"]), /^A merge needs at least two revisions; only c1 given$/);
  throwsRevision(() => chooseMergeParents(graphOf(DIAMOND), ["a1", "c1"]), /^Cannot merge a1 with its descendant c1/);
});
