/**
 * Preloaded (`node --require`) into every measured child, retort's and TypeORM's alike: counts
 * the SQL statements the process sends, at the driver, so that neither tool's own logging is
 * trusted. On exit it writes `{ statements, maxRssKb }` to `$BENCH_STATS_FILE`.
 *
 * The drivers are patched when first required (an interception of `Module._load`), so a child
 * that never touches PostgreSQL does not pay for loading `pg`.
 * - `pg`: every `Client.prototype.query` call is one statement (TypeORM's pool uses that Client).
 * - `better-sqlite3`: every `exec` and every execution of a prepared statement (`run`, `get`,
 *   `all`, `iterate`); preparing alone sends nothing, and TypeORM caches prepared statements.
 */
import { writeFileSync } from "node:fs";
import Module from "node:module";

interface LoaderInternals {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

let statements = 0;
/** With `$BENCH_TRACE_FILE` set, the statements' text too (for investigating a count). */
const traceFile = process.env.BENCH_TRACE_FILE;
const trace: string[] = [];
const patched = new Set<string>();

function countCalls(target: Record<string, unknown>, methods: readonly string[]): void {
  for (const method of methods) {
    const original = target[method];
    if (typeof original !== "function") continue;
    target[method] = function counted(this: unknown, ...args: unknown[]): unknown {
      statements++;
      if (traceFile !== undefined) trace.push(`${method}: ${describeSql(this, args[0])}`);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  }
}

function describeSql(target: unknown, first: unknown): string {
  // A prepared statement knows its SQL (`source`); its arguments are only the parameters.
  const source = (target as { source?: unknown } | null)?.source;
  const text = typeof source === "string" ? source : typeof first === "string" ? first : ((first as { text?: string } | null)?.text ?? "?");
  return text.replace(/\s+/g, " ").slice(0, 160);
}

function patchPg(pg: { Client?: { prototype: Record<string, unknown> } }): void {
  if (pg.Client !== undefined) countCalls(pg.Client.prototype, ["query"]);
}

function patchBetterSqlite(Database: { prototype: Record<string, unknown> }): void {
  countCalls(Database.prototype, ["exec"]);
  const prepare = Database.prototype.prepare as (...args: unknown[]) => object;
  let statementPatched = false;
  Database.prototype.prepare = function prepareCounted(this: unknown, ...args: unknown[]): object {
    const statement = prepare.apply(this, args);
    if (!statementPatched) {
      statementPatched = true;
      countCalls(Object.getPrototypeOf(statement) as Record<string, unknown>, ["run", "get", "all", "iterate"]);
    }
    return statement;
  };
}

const loader = Module as unknown as LoaderInternals;
const load = loader._load;
loader._load = function loadAndPatch(request: string, parent: unknown, isMain: boolean): unknown {
  const exported = load.call(this, request, parent, isMain);
  if ((request === "pg" || request === "better-sqlite3") && !patched.has(request)) {
    patched.add(request);
    if (request === "pg") patchPg(exported as Parameters<typeof patchPg>[0]);
    else patchBetterSqlite(exported as Parameters<typeof patchBetterSqlite>[0]);
  }
  return exported;
};

process.on("exit", () => {
  if (traceFile !== undefined) writeFileSync(traceFile, `${trace.join("\n")}\n`);
  const file = process.env.BENCH_STATS_FILE;
  if (file === undefined || file === "") return;
  // resourceUsage().maxRSS is in kilobytes.
  writeFileSync(file, JSON.stringify({ statements, maxRssKb: process.resourceUsage().maxRSS }));
});
