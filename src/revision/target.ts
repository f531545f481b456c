import { assertNever } from "../util/assert-never";
import { RevisionError } from "../util/errors";
import type { Target, TargetAnchor } from "./types";

const RELATIVE = /^[+-]\d+$/;

/**
 * Parses a revision target as typed on the command line:
 * - `head` (the single head), `heads` (all heads), `base` (nothing applied), `current` (the
 *   database's heads);
 * - a full revision id, a unique id prefix of at least 4 characters, or a branch label;
 * - `<ref>@head`: the single head descending from `ref`;
 * - `+N` / `-N`: N steps up / down from the current revisions;
 * - `<anchor>+N` / `<anchor>-N` with any of the above as anchor: `head-1`, `ae10+2`, `base+1`.
 *
 * Parsing only checks syntax; `resolveTarget` decides what the names mean.
 * @throws RevisionError for an empty or malformed target.
 */
export function parseTarget(text: string): Target {
  const target = text.trim();
  if (target.length === 0) throw new RevisionError("Empty revision target; try `head`, `base` or a revision id");
  if (RELATIVE.test(target)) {
    return { kind: "relative", anchor: { kind: "current" }, steps: Number(target) };
  }
  const sign = target.search(/[+-]/);
  if (sign >= 0) {
    const steps = target.slice(sign);
    if (sign === 0 || !RELATIVE.test(steps)) throw malformed(target);
    return { kind: "relative", anchor: parseAnchor(target.slice(0, sign), target), steps: Number(steps) };
  }
  return parseAnchor(target, target);
}

function parseAnchor(text: string, whole: string): TargetAnchor {
  switch (text) {
    case "head":
    case "heads":
    case "base":
    case "current":
      return { kind: text };
  }
  if (text.includes(":")) {
    throw new RevisionError(`'${whole}' is a range; ranges (a:b) are only accepted by \`retort history -r\``);
  }
  const at = text.indexOf("@");
  if (at >= 0) {
    const ref = text.slice(0, at);
    if (ref.length === 0 || text.slice(at + 1) !== "head" || ref.includes("@")) throw malformed(whole);
    return { kind: "branch-head", ref };
  }
  if (/\s/.test(text)) throw malformed(whole);
  return { kind: "revision", ref: text };
}

function malformed(target: string): RevisionError {
  return new RevisionError(
    `Cannot parse revision target '${target}'; expected head, heads, base, current, a revision id or prefix, <rev>@head, +N, -N or <rev>±N`,
  );
}

/** Writes a target back in command-line syntax (the inverse of `parseTarget`). */
export function formatTarget(target: Target): string {
  switch (target.kind) {
    case "relative": {
      const steps = target.steps >= 0 ? `+${target.steps}` : `${target.steps}`;
      return target.anchor.kind === "current" ? steps : `${formatTarget(target.anchor)}${steps}`;
    }
    case "current":
    case "head":
    case "heads":
    case "base":
      return target.kind;
    case "revision":
      return target.ref;
    case "branch-head":
      return `${target.ref}@head`;
    default:
      return assertNever(target, "target");
  }
}
