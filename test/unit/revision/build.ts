import assert from "node:assert/strict";
import { buildRevisionGraph } from "../../../src/revision";
import { RevisionError } from "../../../src/util/errors";
import type { RevisionGraph, RevisionHeader } from "../../../src/revision";

/** `[id, parents, extra?]`; createdAt follows declaration order unless `extra` sets it. */
export type Spec = readonly [string, readonly string[], Partial<RevisionHeader>?];

/** Headers for inline graphs: the n-th spec is created n minutes after 2026-01-01. */
export function headersOf(specs: readonly Spec[]): RevisionHeader[] {
  return specs.map(([id, downRevisions, extra], index) => ({
    id,
    downRevisions,
    message: `revision ${id}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
    path: `migrations/${id}.ts`,
    ...extra,
  }));
}

export function graphOf(specs: readonly Spec[]): RevisionGraph {
  return buildRevisionGraph(headersOf(specs));
}

/** r0 → a1 → a2 → a3. */
export const LINEAR: readonly Spec[] = [
  ["r0", []],
  ["a1", ["r0"]],
  ["a2", ["a1"]],
  ["a3", ["a2"]],
];

/** r0 → a1 → a2 and r0 → b1 → b2 (two heads, r0 is a branch point). */
export const BRANCHED: readonly Spec[] = [
  ["r0", []],
  ["a1", ["r0"]],
  ["b1", ["r0"]],
  ["a2", ["a1"]],
  ["b2", ["b1"]],
];

/** BRANCHED plus the merge m(a2, b2) and c1 after it. */
export const DIAMOND: readonly Spec[] = [...BRANCHED, ["m", ["a2", "b2"]], ["c1", ["m"]]];

/** Two unrelated roots: x0 → x1 and y0 → y1. */
export const MULTI_ROOT: readonly Spec[] = [
  ["x0", []],
  ["y0", []],
  ["x1", ["x0"]],
  ["y1", ["y0"]],
];

/** Asserts that `run` throws a RevisionError whose message matches `pattern`. */
export function throwsRevision(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof RevisionError, `expected a RevisionError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}
