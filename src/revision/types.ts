/**
 * Data types of the revision graph. Everything here is plain, readonly data; behaviour lives in
 * standalone functions (`buildRevisionGraph`, `resolveTarget`, `planUpgrade`, ...).
 */

/** What a migration file declares about itself, read statically by `scripts/`. */
export interface RevisionHeader {
  /** The revision id (normally 12 hex digits). */
  readonly id: string;
  /** Parent revisions: empty for a base, one for a plain step, several for a merge. */
  readonly downRevisions: readonly string[];
  readonly message: string;
  /** ISO-8601 timestamp; orders otherwise unordered revisions (ties broken by id). */
  readonly createdAt: string;
  /** The file the header was read from; used in error messages. */
  readonly path: string;
  /** Names that can be used instead of the id in targets (`<label>`, `<label>@head`). */
  readonly branchLabels?: readonly string[];
}

/** A header plus the edges the graph computed for it. */
export interface RevisionNode extends RevisionHeader {
  /** Revisions whose `downRevisions` name this one, in graph order. */
  readonly children: readonly string[];
}

/** A validated revision graph (a DAG); built only by `buildRevisionGraph`. */
export interface RevisionGraph {
  readonly nodes: ReadonlyMap<string, RevisionNode>;
  /**
   * Every revision in topological order (parents before children); among revisions that are
   * ready at the same time, the earlier `createdAt` comes first, then the smaller id.
   */
  readonly order: readonly string[];
  /** Revisions without children, in graph order. */
  readonly heads: readonly string[];
  /** Revisions without parents, in graph order. */
  readonly bases: readonly string[];
  /** Revisions with more than one child, in graph order. */
  readonly branchPoints: readonly string[];
  /** Revisions with more than one parent, in graph order. */
  readonly mergePoints: readonly string[];
  /** Branch label → the revision that declares it. */
  readonly labels: ReadonlyMap<string, string>;
  /** Position of each revision in `order`. */
  readonly rank: ReadonlyMap<string, number>;
}

/**
 * Where a target starts from. `current` is the database's applied heads, `head` the single head
 * of the graph (an error when there are several), `heads` all of them, `base` nothing applied.
 * `revision` is a full id, a unique id prefix or a branch label; `branch-head` (`<ref>@head`) is
 * the single head that descends from `ref`.
 */
export type TargetAnchor =
  | { readonly kind: "current" }
  | { readonly kind: "head" }
  | { readonly kind: "heads" }
  | { readonly kind: "base" }
  | { readonly kind: "revision"; readonly ref: string }
  | { readonly kind: "branch-head"; readonly ref: string };

/**
 * A parsed revision target. `relative` walks `steps` revisions up (positive) or down (negative)
 * from its anchor: `+2` is `{ anchor: current, steps: 2 }`, `head-1` is `{ anchor: head, steps: -1 }`.
 */
export type Target =
  TargetAnchor | { readonly kind: "relative"; readonly anchor: TargetAnchor; readonly steps: number };

export type Direction = "up" | "down";

/** One migration to run, and the version table contents once it has run. */
export interface PlanStep {
  readonly revision: string;
  readonly direction: Direction;
  /** The applied heads (version table rows) after this step, sorted by id. */
  readonly headsAfter: readonly string[];
  /** Rows this step deletes from the version table, sorted by id. */
  readonly removedHeads: readonly string[];
  /** Rows this step inserts into the version table, sorted by id. */
  readonly addedHeads: readonly string[];
}

/** An ordered migration plan. */
export interface Plan {
  readonly direction: Direction;
  /** The applied heads before the first step, sorted by id. */
  readonly from: readonly string[];
  /** The applied heads after the last step, sorted by id (equal to `from` for an empty plan). */
  readonly to: readonly string[];
  readonly steps: readonly PlanStep[];
}

/** One line of `retort history`, newest first. */
export interface HistoryEntry {
  readonly id: string;
  readonly downRevisions: readonly string[];
  readonly children: readonly string[];
  readonly message: string;
  readonly createdAt: string;
  readonly path: string;
  readonly branchLabels: readonly string[];
  readonly isHead: boolean;
  readonly isBase: boolean;
  readonly isBranchPoint: boolean;
  readonly isMergePoint: boolean;
  /** True when the revision is one of the given current heads (a version table row). */
  readonly isCurrent: boolean;
  /** True when the revision is a current head or an ancestor of one. */
  readonly isApplied: boolean;
}
