import type { Dialect } from "../dialects/dialect";
import type { Statement } from "../dialects/statement";
import type { SchemaModel } from "../model/types";
import { emptyModel } from "../model/types";
import { applyOperation, type Operation } from "../ops";
import { ancestors, planDowngrade, planUpgrade, sortByRank, type Direction, type RevisionGraph } from "../revision";
import type { MigrationModule } from "./migration-module";
import { createOpApi } from "./op-api";
import { sessionBehaviours } from "./session";
import { createVersionTableStatement, updateVersionStatements, type VersionTable } from "./version-table";

/** What `--sql` needs: no connection, only the dialect and the migration files. */
export interface OfflineContext {
  readonly dialect: Dialect;
  readonly versionTable: string;
  readonly graph: RevisionGraph;
  readonly loadMigration: (revision: string) => Promise<MigrationModule>;
}

/**
 * Writes the SQL of the path from `from` (the heads the database is assumed to be at; empty
 * for base) to `target`, each migration in its own transaction with its version-table change,
 * exactly as the runner would send it. Nothing connects to a database. Where the dialect
 * needs the schema to emit (SQLite rebuilds), it is derived from the migrations themselves by
 * applying every operation from base.
 */
export async function renderOfflineSql(
  ctx: OfflineContext,
  direction: Direction,
  from: readonly string[],
  target: string,
): Promise<string> {
  const behaviour = sessionBehaviours[ctx.dialect.name];
  const table: VersionTable = { name: ctx.versionTable, dialect: ctx.dialect };
  const plan = direction === "up" ? planUpgrade(ctx.graph, from, target) : planDowngrade(ctx.graph, from, target);
  let model = ctx.dialect.capabilities.rebuildsTables ? await modelAt(ctx, from) : emptyModel;
  const out: Statement[] = [createVersionTableStatement(table)];
  for (const step of plan.steps) {
    out.push(...behaviour.beforeTransaction, { sql: behaviour.begin });
    const module = await ctx.loadMigration(step.revision);
    const api = createOpApi(
      async (op: Operation) => {
        out.push(...ctx.dialect.emit(op, model));
        if (ctx.dialect.capabilities.rebuildsTables) model = applyOperation(model, op);
      },
      { queryRunner: undefined },
    );
    await (step.direction === "up" ? module.up(api) : module.down(api));
    out.push(...updateVersionStatements(table, step.removedHeads, step.addedHeads));
    out.push({ sql: "COMMIT" }, ...behaviour.afterTransaction);
  }
  return out.map(formatStatement).join("\n") + "\n";
}

/** The schema the migrations describe once every revision up to `heads` has run. */
async function modelAt(ctx: OfflineContext, heads: readonly string[]): Promise<SchemaModel> {
  const applied = new Set<string>(heads);
  for (const head of heads) for (const id of ancestors(ctx.graph, head)) applied.add(id);
  let model: SchemaModel = emptyModel;
  for (const id of sortByRank(ctx.graph, [...applied])) {
    const module = await ctx.loadMigration(id);
    const api = createOpApi(
      async (op: Operation) => {
        model = applyOperation(model, op);
      },
      { queryRunner: undefined },
    );
    await module.up(api);
  }
  return model;
}

function formatStatement(statement: Statement): string {
  const params = statement.params ?? [];
  const suffix = params.length === 0 ? "" : ` -- parameters: ${JSON.stringify(params)}`;
  return `${statement.sql.trimEnd().replace(/;$/, "")};${suffix}`;
}
