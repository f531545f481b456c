import { randomBytes } from "node:crypto";

/**
 * A new revision id: 12 random hex digits (48 bits, as Alembic uses). When `taken` is given,
 * draws again until the id is unused (a collision is astronomically unlikely, but cheap to rule
 * out).
 */
export function newRevisionId(taken?: ReadonlySet<string>): string {
  for (;;) {
    const id = randomBytes(6).toString("hex");
    if (taken === undefined || !taken.has(id)) return id;
  }
}
