import type { Operation } from "./types";

/**
 * Splits an ordered operation list into consecutive parts of at most `max` operations, keeping
 * the order (the diff's order is what makes foreign keys and enums apply). One part when `max`
 * is absent or the list is short enough.
 *
 * Why: a PostgreSQL transaction holds a lock on every table it creates or alters until it ends,
 * and the shared lock table of a default server (max_locks_per_transaction 64 × connections)
 * runs out after about a thousand new tables. An initial migration of thousands of entities is
 * therefore written as several revisions, each applied in its own transaction.
 * https://www.postgresql.org/docs/current/runtime-config-locks.html
 */
export function chunkOperations(ops: readonly Operation[], max: number | undefined): Operation[][] {
  if (max === undefined || ops.length <= max) return [[...ops]];
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`chunk size must be a positive integer, got ${max}`);
  const parts: Operation[][] = [];
  for (let start = 0; start < ops.length; start += max) parts.push(ops.slice(start, start + max));
  return parts;
}
