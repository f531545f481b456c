/**
 * Operations → the text of a migration file: a static header (`scripts/` reads it without
 * running the file), then `up` and `down` as one `op.<method>(...)` call per operation, in the
 * given order, in blocks per table, with a comment above every hazardous operation.
 *
 * The text is laid out exactly as prettier 3 prints it with its default options (see
 * `js-layout.ts`), so prettier is needed only when the user configured it (`format.ts`); then
 * it formats the unformatted layout, as it always has.
 */
import type { DialectCapabilities } from "../dialects/dialect";
import { qualifiedName } from "../model/keys";
import { hazardsOf, type Hazard, type HazardLevel } from "../ops/hazards";
import { operationTable } from "../ops/describe";
import type { Operation } from "../ops/types";
import type { RevisionHeader } from "../revision/types";
import { assertNever } from "../util/assert-never";
import { exportConstStatement, printStatement } from "./js-layout";
import { renderOperationCall, renderOperationSource } from "./operation-call";
import { commentLine, toSource, type SourceValue } from "./source";

/** The header fields a new migration declares. */
export type MigrationHeader = Pick<RevisionHeader, "id" | "downRevisions" | "message" | "createdAt" | "branchLabels">;

export interface MigrationFileInput {
  readonly header: MigrationHeader;
  readonly upOps: readonly Operation[];
  readonly downOps: readonly Operation[];
  /** The target database's capabilities; with them, `heavy` hazards (locks, rewrites) are noted too. */
  readonly capabilities?: DialectCapabilities;
}

/**
 * How the text is laid out: `formatted` is what prettier prints with its default options;
 * `unformatted` is one line per statement (objects that stay expanded excepted), the input
 * prettier formats with a user's configuration.
 */
export type MigrationLayout = "formatted" | "unformatted";

/** Where migrations import their types from; `import type` is erased when they are loaded. */
const IMPORT = 'import type { OpApi } from "retort";';

/**
 * Renders a whole migration file, by default laid out as prettier prints it with its default
 * options (`renderFormattedMigration` applies a user's prettier configuration). Consecutive
 * operations on the same table form one block; the order is never changed, because the diff
 * ordered them for foreign keys and dependencies. An empty side says `// no changes`.
 */
export function renderMigrationFile(input: MigrationFileInput, layout: MigrationLayout = "formatted"): string {
  const { header } = input;
  const parents = header.downRevisions;
  const downRevision: SourceValue = parents.length === 0 ? null : parents.length === 1 ? parents[0]! : parents;
  const lines = [
    IMPORT,
    "",
    constant("revision", header.id, layout),
    constant("downRevision", downRevision, layout),
    constant("message", header.message, layout),
    constant("createdAt", header.createdAt, layout),
  ];
  if (header.branchLabels !== undefined && header.branchLabels.length > 0) {
    lines.push(constant("branchLabels", header.branchLabels, layout));
  }
  lines.push(
    "",
    ...renderStep("up", input.upOps, input.capabilities, layout),
    "",
    ...renderStep("down", input.downOps, input.capabilities, layout),
  );
  return `${lines.join("\n")}\n`;
}

function constant(name: string, value: SourceValue, layout: MigrationLayout): string {
  switch (layout) {
    case "formatted":
      return printStatement(exportConstStatement(name, value), 0);
    case "unformatted":
      return `export const ${name} = ${toSource(value)};`;
    default:
      return assertNever(layout, "layout");
  }
}

/** A statement of a function body (two spaces in). */
function statement(op: Operation, layout: MigrationLayout): string {
  switch (layout) {
    case "formatted":
      return renderOperationCall(op, 2);
    case "unformatted":
      return renderOperationSource(op)
        .split("\n")
        .map((line) => `  ${line}`)
        .join("\n");
    default:
      return assertNever(layout, "layout");
  }
}

function renderStep(
  name: "up" | "down",
  ops: readonly Operation[],
  capabilities: DialectCapabilities | undefined,
  layout: MigrationLayout,
): string[] {
  const body = ops.length === 0 ? ["  // no changes"] : renderBody(ops, capabilities, layout);
  return [
    `export async function ${name}(op: OpApi): Promise<void> {`,
    ...body,
    "}",
  ];
}

function renderBody(ops: readonly Operation[], capabilities: DialectCapabilities | undefined, layout: MigrationLayout): string[] {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const { op, hazards } of hazardsOf(ops, capabilities)) {
    const group = groupOf(op);
    if (previous !== undefined && group !== previous) lines.push("");
    previous = group;
    for (const hazard of orderHazards(hazards)) lines.push(`  ${commentLine(`${LABELS[hazard.level]}: ${hazard.reason}`)}`);
    lines.push(statement(op, layout));
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
