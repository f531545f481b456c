/**
 * TypeORM's side of every measured scenario, run as a child process in the generated project:
 * it loads the project's `ormconfig.js` (the same file retort loads) and does what TypeORM's
 * own CLI does, without the CLI's yargs start-up:
 * - `generate [file]`: `migration:generate` — initialize with every side effect off, then
 *   `driver.createSchemaBuilder().log()`; with `file`, writes the migration class (JavaScript).
 * - `sync`: `schema:sync` (benchmark set-up only).
 * - `migrate <dir> [each|none]`: `migration:run` of every `*.js` class in `dir`, a transaction
 *   each (default) or none (`--transaction none`, for schemas too large for one transaction).
 * - `show <dir>`: `migration:show`.
 * The last stdout line is JSON: `{"up": n, "down": n}` for `generate`, `{"ran": n}` otherwise.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DataSource, DataSourceOptions } from "typeorm";

interface Query {
  readonly query: string;
  readonly parameters?: unknown[];
}

function loadDataSource(): DataSource {
  const exported = require(resolve(process.cwd(), "ormconfig.js")) as { default: DataSource };
  return exported.default;
}

/** Options `migration:generate` and friends force before initializing. */
function withCliOptions(dataSource: DataSource, extra: Partial<DataSourceOptions>): DataSource {
  const Constructor = dataSource.constructor as new (options: DataSourceOptions) => DataSource;
  return new Constructor({
    ...dataSource.options,
    synchronize: false,
    migrationsRun: false,
    dropSchema: false,
    logging: false,
    ...extra,
  } as DataSourceOptions);
}

function renderQuery(query: Query): string {
  const parameters = query.parameters !== undefined && query.parameters.length > 0 ? `, ${JSON.stringify(query.parameters)}` : "";
  return `    await queryRunner.query(${JSON.stringify(query.query)}${parameters});`;
}

/** The class `migration:generate` writes (as JavaScript, so applying it needs no ts-node). */
function renderMigrationClass(up: readonly Query[], down: readonly Query[]): string {
  const timestamp = Date.now();
  const name = `Init${timestamp}`;
  return [
    `"use strict";`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `class ${name} {`,
    `  constructor() { this.name = "${name}"; }`,
    `  async up(queryRunner) {`,
    ...up.map(renderQuery),
    `  }`,
    `  async down(queryRunner) {`,
    ...[...down].reverse().map(renderQuery),
    `  }`,
    `}`,
    `exports.${name} = ${name};`,
    "",
  ].join("\n");
}

async function generate(file: string | undefined): Promise<void> {
  const dataSource = withCliOptions(loadDataSource(), {});
  await dataSource.initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (file !== undefined && sql.upQueries.length > 0) {
      writeFileSync(file, renderMigrationClass(sql.upQueries, sql.downQueries));
    }
    console.log(JSON.stringify({ up: sql.upQueries.length, down: sql.downQueries.length }));
  } finally {
    await dataSource.destroy();
  }
}

async function synchronize(): Promise<void> {
  const dataSource = withCliOptions(loadDataSource(), {});
  await dataSource.initialize();
  try {
    await dataSource.synchronize();
    console.log(JSON.stringify({ ran: 1 }));
  } finally {
    await dataSource.destroy();
  }
}

async function migrate(dir: string, show: boolean, transaction: "each" | "none"): Promise<void> {
  const dataSource = withCliOptions(loadDataSource(), {
    migrations: [join(resolve(dir), "*.js")],
    migrationsTransactionMode: transaction,
  });
  await dataSource.initialize();
  try {
    if (show) {
      const pending = await dataSource.showMigrations();
      console.log(JSON.stringify({ ran: 0, pending }));
    } else {
      const ran = await dataSource.runMigrations({ transaction });
      console.log(JSON.stringify({ ran: ran.length }));
    }
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const [mode, argument, option] = argv;
  switch (mode) {
    case "generate":
      return generate(argument);
    case "sync":
      return synchronize();
    case "migrate":
    case "show":
      if (argument === undefined) throw new Error(`${mode} needs a migrations directory`);
      if (option !== undefined && option !== "each" && option !== "none") throw new Error(`transaction mode must be each or none, got ${option}`);
      return migrate(argument, mode === "show", option ?? "each");
    default:
      throw new Error(`unknown mode ${String(mode)}: generate [file] | sync | migrate <dir> [each|none] | show <dir>`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
