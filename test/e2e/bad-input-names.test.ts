/**
 * The bad-input catalogue, names and literals: tables, columns, indexes and an enum type named
 * with quotes, spaces, reserved words and non-ASCII letters; a comment, defaults and enum values
 * holding quotes, backslashes, newlines and `'; DROP TABLE x; --`. The whole workflow runs on
 * both dialects (autogenerate, upgrade, check, downgrade base) and nothing is ever injected: a
 * canary table `x` survives with its row, every value reads back exactly, and afterwards the
 * database holds nothing but the canary and the version table.
 *
 * TypeORM pastes string defaults into SQL unescaped (`'${default}'`), so the defaults here are
 * SQL expressions written the way TypeORM needs them (`() => "'it''s'"`): what is tested is
 * retort's path from that expression to the migration file and the database, not TypeORM's.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { SchemaModel } from "../../src/model/types";
import { openBadProject } from "./bad-input-support";
import { placeholder } from "./scenario-database";

const COMMENT = "it's \\ a \"quote\"\nnext line '; DROP TABLE x; --";
const DEFAULT_VALUE = "it's \\ a '; DROP TABLE x; --";
const MOODS = ["it's", "back\\slash", "new\nline", "'; DROP TABLE x; --"];

/** `value` as a SQL string literal, for the default expressions TypeORM takes verbatim. */
function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const entities = `import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Relation } from "typeorm";

@Entity("order")
export class Order {
  @PrimaryGeneratedColumn({ name: "select" })
  id!: number;

  @Column({ name: "naïve name", type: "varchar", length: 40, comment: ${JSON.stringify(COMMENT)} })
  naive!: string;

  @Column({ name: 'say "hi"', type: "varchar", length: 60, default: () => ${JSON.stringify(sqlLiteral(DEFAULT_VALUE))} })
  hi!: string;

  @Column({ type: "simple-enum", enum: ${JSON.stringify(MOODS)}, enumName: 'mood "kind"', default: () => ${JSON.stringify(sqlLiteral(MOODS[0]!))} })
  mood!: string;
}

@Entity("line item ñ")
@Index('idx "odd" naïve', ["qty", "order"])
export class LineItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: "int", name: "group by" })
  qty!: number;

  @ManyToOne(() => Order, { onDelete: "CASCADE" })
  @JoinColumn({ name: "order" })
  order!: Relation<Order>;
}

export const entities: Function[] = [Order, LineItem];
`;

/** Table names of the live database (SQLite's own bookkeeping left out). */
function liveTables(model: SchemaModel): string[] {
  return model.tables.map((table) => table.name).sort();
}

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`${dialect}: quoted, spaced, reserved and non-ASCII names; quotes, backslashes, newlines and SQL in literals`, async () => {
    const project = await openBadProject(dialect, "scenario-app");
    writeFileSync(join(project.dir, "entities", "index.ts"), entities);
    const db = project.database;
    await db.exec("CREATE TABLE x (a integer); INSERT INTO x (a) VALUES (42)");
    const retort = (...args: string[]): string[] => project.ok("--exclude-table", "x", ...args);

    const generated = retort("revision", "--autogenerate", "-m", "nasty names", "--rev-id", "0000aaaa0001");
    assert.match(generated[0]!, /^Generating migrations\/\d{8}_\d{4}_0000aaaa0001_nasty_names\.ts \.\.\. done$/);
    assert.deepEqual(generated.slice(1), [
      ...(dialect === "postgres" ? ['  - create enum mood "kind"'] : []),
      "  - create table order",
      "  - create table line item ñ",
    ]);
    assert.match(retort("upgrade", "head")[0]!, /^Running upgrade <base> -> 0000aaaa0001, nasty names \(\d+ ms\)$/);
    assert.deepEqual(retort("check"), ["No new upgrade operations detected."]);
    assert.deepEqual(retort("revision", "--autogenerate", "-m", "again"), ["No changes in schema detected."]);

    // What retort reads back is exactly what the entities say.
    const model = JSON.parse(retort("inspect", "--json").join("\n")) as SchemaModel;
    assert.deepEqual(liveTables(model), ["line item ñ", "order"]);
    const order = model.tables.find((table) => table.name === "order")!;
    const column = (name: string) => order.columns.find((candidate) => candidate.name === name)!;
    assert.equal(column("naïve name").comment, dialect === "postgres" ? COMMENT : undefined);
    const mood = column("mood").type;
    const values = mood.kind === "enum" ? model.enums.find((entry) => entry.name === mood.name)?.values : mood.kind === "inline-enum" ? mood.values : undefined;
    assert.deepEqual(values, MOODS);
    const lineItem = model.tables.find((table) => table.name === "line item ñ")!;
    assert.deepEqual(lineItem.indexes.map((index) => [index.name, index.columns]), [['idx "odd" naïve', ["group by", "order"]]]);

    // And the database means the same: the defaults fill in the intended text.
    await db.query(`INSERT INTO "order" ("naïve name") VALUES (${placeholder(dialect, 1)})`, ["n"]);
    const rows = await db.query(`SELECT "say ""hi""" AS hi, "mood" AS mood FROM "order"`);
    assert.deepEqual(rows.map((row) => ({ ...row })), [{ hi: DEFAULT_VALUE, mood: MOODS[0] }]);
    if (dialect === "postgres") {
      const [described] = await db.query(`SELECT col_description('"order"'::regclass, 2) AS comment`);
      assert.equal(described!.comment, COMMENT);
      const labels = await db.query(`SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`, ['mood "kind"']);
      assert.deepEqual(labels.map((row) => row.enumlabel), MOODS);
    }
    for (const value of MOODS) {
      await db.query(`INSERT INTO "order" ("naïve name", "mood") VALUES (${placeholder(dialect, 1)}, ${placeholder(dialect, 2)})`, ["v", value]);
    }
    await assert.rejects(db.query(`INSERT INTO "order" ("naïve name", "mood") VALUES (${placeholder(dialect, 1)}, ${placeholder(dialect, 2)})`, ["v", "it"]));

    assert.match(retort("downgrade", "base")[0]!, /^Running downgrade 0000aaaa0001 -> <base>, nasty names \(\d+ ms\)$/);
    const after = JSON.parse(project.ok("inspect", "--json").join("\n")) as SchemaModel;
    assert.deepEqual(liveTables(after), ["x"], "nothing but the canary (the version table is never part of the model)");
    assert.deepEqual(after.enums, []);
    assert.deepEqual((await db.query("SELECT a FROM x")).map((row) => Number(row.a)), [42], "the canary is untouched");
  });
}
