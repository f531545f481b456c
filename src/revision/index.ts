/** The revision graph: pure functions over migration headers (no I/O, no TypeORM). */
export type * from "./types";
export { buildRevisionGraph, RESERVED_NAMES } from "./graph";
export {
  ancestors,
  appliedRevisions,
  checkCurrentHeads,
  descendants,
  getRevision,
  isAncestor,
  normalizeHeads,
  sortByRank,
} from "./traverse";
export { formatTarget, parseTarget } from "./target";
export { MIN_PREFIX_LENGTH, multipleHeads, resolveRevisionRef, resolveTarget } from "./resolve";
export { planDowngrade, planRevisions, planUpgrade, sameHeads } from "./plan";
export { entryOf, historyEntries, iterateRange, parseRange } from "./history";
export type { RevisionRange } from "./history";
