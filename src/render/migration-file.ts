/**
 * Operations → the text of a migration file: a static header (`scripts/` reads it without
 * running the file), then `up` and `down` as one `op.<method>(...)` call per operation, in the
 * given order, in blocks per table, with a comment above every hazardous operation.
 */
import type { DialectCapabilities } from "../dialects/dialect";
import { qualifiedName } from "../model/keys";
import { hazardsOf, type Hazard, type HazardLevel } from "../ops/hazards";
import { operationTable } from "../ops/describe";
import type { Operation } from "../ops/types";
import type { RevisionHeader } from "../revision/types";
import { renderOperationCall } from "./operation-call";
import { commentLine, stringLiteral, toSource } from "./source";

/** The header fields a new migration declares. */
export type MigrationHeader = Pick<RevisionHeader, "id" | "downRevisions" | "message" | "createdAt" | "branchLabels">;

export interface MigrationFileInput {
  readonly header: MigrationHeader;
  readonly upOps: readonly Operation[];
  readonly downOps: readonly Operation[];
  /** The target database's capabilities; with them, `heavy` hazards (locks, rewrites) are noted too. */
  readonly capabilities?: DialectCapabilities;
}

/** Where migrations import their types from; `import type` is erased when they are loaded. */
const IMPORT = 'import type { OpApi } from "retort";';

/**
 * Renders a whole migration file (before prettier; see `formatMigration`). Consecutive
 * operations on the same table form one block; the order is never changed, because the diff
 * ordered them for foreign keys and dependencies. An empty side says `// no changes`.
 */
export function renderMigrationFile(input: MigrationFileInput): string {
  const { header } = input;
  const parents = header.downRevisions;
  const downRevision = parents.length === 0 ? "null" : parents.length === 1 ? stringLiteral(parents[0]!) : toSource(parents);
  const lines = [
    IMPORT,
    "",
    `export const revision = ${stringLiteral(header.id)};`,
    `export const downRevision = ${downRevision};`,
    `export const message = ${stringLiteral(header.message)};`,
    `export const createdAt = ${stringLiteral(header.createdAt)};`,
  ];
  if (header.branchLabels !== undefined && header.branchLabels.length > 0) {
    lines.push(`export const branchLabels = ${toSource(header.branchLabels)};`);
  }
  lines.push(
    "",
    ...renderStep("up", input.upOps, input.capabilities),
    "",
    ...renderStep("down", input.downOps, input.capabilities),
  );
  return `${lines.join("\n")}\n`;
}

function renderStep(name: "up" | "down", ops: readonly Operation[], capabilities: DialectCapabilities | undefined): string[] {
  const body = ops.length === 0 ? ["// no changes"] : renderBody(ops, capabilities);
  return [
    `export async function ${name}(op: OpApi): Promise<void> {`,
    ...body.map((line) => (line === "" ? "" : `  ${line}`)),
    "}",
  ];
}

function renderBody(ops: readonly Operation[], capabilities: DialectCapabilities | undefined): string[] {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const { op, hazards } of hazardsOf(ops, capabilities)) {
    const group = groupOf(op);
    if (previous !== undefined && group !== previous) lines.push("");
    previous = group;
    for (const hazard of orderHazards(hazards)) lines.push(commentLine(`${LABELS[hazard.level]}: ${hazard.reason}`));
    lines.push(...renderOperationCall(op).split("\n"));
  }
  return lines;
}

const LABELS: Readonly<Record<HazardLevel, string>> = {
  "data-loss": "data loss",
  "may-fail": "may fail",
  heavy: "heavy",
};

const RANK: Readonly<Record<HazardLevel, number>> = { "data-loss": 0, "may-fail": 1, heavy: 2 };

/** Data loss first: it is what a reviewer must not miss. */
function orderHazards(hazards: readonly Hazard[]): Hazard[] {
  return [...hazards].sort((a, b) => RANK[a.level] - RANK[b.level]);
}

/** The block an operation belongs to: its table, or its enum type, view or raw SQL. */
function groupOf(op: Operation): string {
  switch (op.kind) {
    case "createEnum":
    case "dropEnum":
      return `enum ${qualifiedName(op.enumType)}`;
    case "alterEnum":
      return `enum ${qualifiedName(op)}`;
    case "createView":
    case "dropView":
      return `view ${qualifiedName(op.view)}`;
    case "execute":
      return "execute";
    default:
      // Grouping only separates blocks with a blank line, so a kind without a table is harmless here.
      return `table ${qualifiedName(operationTable(op) ?? { name: "" })}`;
  }
}
