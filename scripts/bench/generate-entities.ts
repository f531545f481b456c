/**
 * The synthetic entity sets of the benchmark, written directly as CommonJS JavaScript that
 * calls TypeORM's decorators the way `tsc --emitDecoratorMetadata` output does (metadata first,
 * then the decorators bottom-up). Both tools then load the very same files with plain
 * `require`, so neither pays for transpiling and neither gets an advantage from a cache.
 */
import type { BenchDialect } from "./options";

/** What one generated entity set looks like. */
export interface EntitySetInput {
  readonly dialect: BenchDialect;
  readonly count: number;
  /** When set, this entity (1-based) has one extra nullable column: scenario S3. */
  readonly addedColumnIn?: number;
}

/** File name (without `.js`) and class name of entity `index` (1-based). */
export function entityName(index: number): string {
  return `Item${String(index).padStart(4, "0")}`;
}

const varcharLengths = [40, 80, 120, 200, 255];

/** The column for a uuid: PostgreSQL has the type, TypeORM's SQLite driver does not. */
function uuidColumn(dialect: BenchDialect): string {
  return dialect === "postgres" ? `{ type: "uuid", nullable: true }` : `{ type: "varchar", length: 36, nullable: true }`;
}

function jsonColumn(dialect: BenchDialect): string {
  return dialect === "postgres" ? `{ type: "jsonb", nullable: true }` : `{ type: "json", nullable: true }`;
}

/**
 * A deterministic "earlier" entity for the ManyToOne of entity `index` (> 1): spread over the
 * whole range so that the foreign keys do not form one long chain.
 */
export function parentOf(index: number): number {
  return 1 + ((index * 7919) % (index - 1));
}

/** The source of entity `index` (1-based). */
export function renderEntity(input: EntitySetInput, index: number): string {
  const name = entityName(index);
  const table = name.toLowerCase();
  const lines: string[] = [
    `"use strict";`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `const typeorm = require("typeorm");`,
  ];
  const parent = index > 1 ? entityName(parentOf(index)) : undefined;
  if (parent !== undefined) lines.push(`const { ${parent} } = require("./${parent.toLowerCase()}");`);
  lines.push(
    `const type = (t) => Reflect.metadata("design:type", t);`,
    `class ${name} {}`,
    `exports.${name} = ${name};`,
    `const p = ${name}.prototype;`,
  );
  const property = (key: string, designType: string, decorator: string): void => {
    lines.push(`type(${designType})(p, "${key}");`, `${decorator}(p, "${key}");`);
  };
  property("id", "Number", "typeorm.PrimaryGeneratedColumn()");
  property("code", "String", `typeorm.Column({ type: "varchar", length: 32 })`);
  property("title", "String", `typeorm.Column({ type: "varchar", length: ${varcharLengths[index % varcharLengths.length]} })`);
  lines.push(`typeorm.Index()(p, "title");`);
  property("body", "String", `typeorm.Column({ type: "text", nullable: ${index % 3 === 0} })`);
  property("active", "Boolean", `typeorm.Column({ type: "boolean", default: ${index % 2 === 0} })`);
  property("amount", "String", `typeorm.Column({ type: "numeric", precision: 10, scale: 2, default: 0 })`);
  property("ref", "String", `typeorm.Column(${uuidColumn(input.dialect)})`);
  property("data", "Object", `typeorm.Column(${jsonColumn(input.dialect)})`);
  property("createdAt", "Date", "typeorm.CreateDateColumn()");
  if (input.addedColumnIn === index) {
    property("note", "String", `typeorm.Column({ type: "varchar", length: 100, nullable: true })`);
  }
  if (parent !== undefined) {
    property("parent", parent, `typeorm.ManyToOne(() => ${parent}, { nullable: true, onDelete: "SET NULL" })`);
  }
  // Class decorators apply bottom-up, Entity last, as in `@Entity() @Unique(...) @Index(...) class`.
  if (index % 2 === 0) lines.push(`typeorm.Index(["active", "createdAt"])(${name});`);
  lines.push(`typeorm.Unique(["code"])(${name});`, `typeorm.Entity("${table}")(${name});`, "");
  return lines.join("\n");
}

/** The source of `entities/index.js`: every entity class, in order. */
export function renderEntityIndex(count: number): string {
  const lines = [`"use strict";`, `Object.defineProperty(exports, "__esModule", { value: true });`, "exports.entities = ["];
  for (let index = 1; index <= count; index++) {
    const name = entityName(index);
    lines.push(`  require("./${name.toLowerCase()}").${name},`);
  }
  lines.push("];", "");
  return lines.join("\n");
}

/**
 * The DataSource module both tools load. The database comes from `$BENCH_DB` (a PostgreSQL URL
 * or an SQLite file), so one project serves several databases.
 */
export function renderDataSourceModule(entitiesModule: string): string {
  return [
    `"use strict";`,
    `Object.defineProperty(exports, "__esModule", { value: true });`,
    `require("reflect-metadata");`,
    `const { DataSource } = require("typeorm");`,
    `const { entities } = require(${JSON.stringify(entitiesModule)});`,
    `const db = process.env.BENCH_DB;`,
    `if (!db) throw new Error("BENCH_DB is not set");`,
    `exports.default = new DataSource(`,
    `  /^postgres(ql)?:/.test(db)`,
    `    ? { type: "postgres", url: db, entities }`,
    `    : { type: "better-sqlite3", database: db, entities },`,
    `);`,
    "",
  ].join("\n");
}
