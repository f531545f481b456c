import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sqliteDialect } from "../../../src/dialects/sqlite";
import type { Column, TableModel } from "../../../src/model/types";
import type { Operation } from "../../../src/ops/types";
import { col, fk, index, opt, t, table } from "../../unit/dialects/emit/build";
import { emitSqlite, sqliteNeedsForeignKeysOff } from "../../../src/dialects/sqlite/emit";
import { emptyModel } from "../../../src/model/types";
import { checkScenario, openSqliteTarget, rows, runAll, type EmitTarget, type ScenarioHooks } from "./harness";

const expr = (sql: string): string => sqliteDialect.normalizeExpression(sql);

const parent: TableModel = table(
  "parent",
  [
    col("id", t.int, { identity: "increment" }),
    col("name", t.varchar(100), { collation: "NOCASE" }),
    col("status", t.inlineEnum("new", "it's done"), { default: "'new'" }),
    col("qty", t.int, { default: "0" }),
    opt("note", t.text),
    opt("note_upper", t.text, { computed: { expression: expr("upper(note)"), stored: true } }),
    opt("note_len", t.int, { computed: { expression: expr("length(note)"), stored: false } }),
    col("created", t.timestamptz, { default: "CURRENT_TIMESTAMP" }),
  ],
  {
    primaryKey: { columns: ["id"] },
    uniques: [{ name: "UQ_parent_name", columns: ["name"] }],
    checks: [{ name: "CHK_parent_qty", expression: expr('"qty" >= 0') }],
    indexes: [
      index("IDX_parent_qty", ["qty"], { where: expr('"qty" > 10') }),
      index("IDX_parent_name_qty", ["name", "qty"], { unique: true }),
    ],
  },
);

const child: TableModel = table(
  "child",
  [
    col("id", t.int, { identity: "increment" }),
    opt("parent_id", t.int),
    opt("sibling_id", t.int),
    opt("label", t.text),
  ],
  {
    primaryKey: { columns: ["id"] },
    foreignKeys: [
      fk("FK_child_parent", ["parent_id"], "parent", ["id"], { onDelete: "CASCADE", deferrable: "INITIALLY DEFERRED" }),
      fk("FK_child_sibling", ["sibling_id"], "child", ["id"], { onDelete: "SET NULL", onUpdate: "CASCADE" }),
    ],
    indexes: [index("IDX_child_label", ["label"])],
  },
);

const pair: TableModel = table("pair", [col("a", t.int), col("b", t.varchar()), opt("c", t.text)], {
  primaryKey: { columns: ["a", "b"] },
});

const family: Operation[] = [
  { kind: "createTable", table: parent },
  { kind: "createTable", table: child },
];

/** Rows in both tables, a child per parent (ON DELETE CASCADE) and a self reference. */
async function fillFamily(target: EmitTarget): Promise<void> {
  await rows(target, `INSERT INTO "parent" ("name", "note", "qty") VALUES ('one', 'n1', 1), ('two', NULL, 20)`);
  await rows(target, `DELETE FROM "parent" WHERE "id" = 2`);
  await rows(target, `INSERT INTO "parent" ("name", "note", "qty") VALUES ('three', 'n3', 30)`);
  await rows(
    target,
    `INSERT INTO "child" ("parent_id", "sibling_id", "label") VALUES (1, NULL, 'a'), (3, 1, 'b'), (3, 2, NULL)`,
  );
}

type Rows = Record<string, unknown>[];

const familySnapshot = async (target: EmitTarget): Promise<{ parent: Rows; child: Rows }> => ({
  parent: await rows(target, `SELECT * FROM "parent" ORDER BY "id"`),
  child: await rows(target, `SELECT * FROM "child" ORDER BY "id"`),
});

/** The rows with only the columns both snapshots have (an operation may add, drop or rename one). */
function common(a: Rows, b: Rows, ignore: readonly string[]): [Rows, Rows] {
  const keys = Object.keys(a[0] ?? {}).filter((k) => k in (b[0] ?? {}) && !ignore.includes(k));
  const pick = (list: Rows): Rows => list.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
  return [pick(a), pick(b)];
}

/**
 * Fills the family, then asserts after the operations and after the reverse that every row is
 * there with its values, child rows included (a rebuild of the parent must not cascade).
 * `ignore` names columns whose values the operations change on purpose (dropped, recomputed).
 */
function familyKept(ignore: readonly string[] = []): ScenarioHooks {
  let was: { parent: Rows; child: Rows };
  const same = async (target: EmitTarget, when: string): Promise<void> => {
    const now = await familySnapshot(target);
    assert.equal(now.parent.length, 2, `parent rows ${when}`);
    assert.equal(now.child.length, 3, `child rows ${when}`);
    assert.deepEqual(...common(now.parent, was.parent, ignore), `parent rows ${when}`);
    assert.deepEqual(...common(now.child, was.child, ignore), `child rows ${when}`);
    // AUTOINCREMENT keeps counting past deleted ids.
    const [next] = await rows(target, `SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'parent'`);
    assert.deepEqual(next, { seq: 3 }, `parent AUTOINCREMENT counter ${when}`);
  };
  return {
    async afterSetup(target) {
      await fillFamily(target);
      was = await familySnapshot(target);
    },
    afterOps: (target) => same(target, "after the operations"),
    afterReverse: (target) => same(target, "after the reverse"),
  };
}

const columnOf = (tableModel: TableModel, name: string): Column =>
  tableModel.columns.find((c) => c.name === name) as Column;

describe("SQLite emitter round trips on a live database", () => {
  let target: EmitTarget;
  before(() => {
    target = openSqliteTarget("emit");
  });
  after(async () => {
    await target.close();
  });
  const scenario = (
    name: string,
    setup: readonly Operation[],
    ops: readonly Operation[],
    hooks: ScenarioHooks = {},
  ): void => {
    test(name, () => checkScenario(target, setup, ops, hooks));
  };

  scenario("createTable with every column and table feature", [], [...family, { kind: "createTable", table: pair }]);

  scenario(
    "nasty identifiers and literals",
    [],
    [
      {
        kind: "createTable",
        table: table(
          'we"ird table',
          [
            col("select", t.int),
            opt("naïve column", t.inlineEnum("a'b", "back\\slash", "new\nline", "'; DROP TABLE x; --")),
            opt("Mixed Case", t.text, { default: "'it''s \\ here'" }),
          ],
          { primaryKey: { columns: ["select"] }, indexes: [index("idx ünïcode", ["Mixed Case"])] },
        ),
      },
    ],
  );

  scenario("renameTable keeps foreign keys pointing at it", family, [
    { kind: "renameTable", from: "parent", to: "Parent Renamed" },
  ]);

  scenario(
    "addColumn in place (nullable, constant default) and by rebuild (non-constant default, NOT NULL)",
    family,
    [
      { kind: "addColumn", table: "parent", column: opt("extra", t.text) },
      { kind: "addColumn", table: "parent", column: col("flag", t.bool, { default: "1" }) },
      { kind: "addColumn", table: "parent", column: col("stamp", t.timestamptz, { default: "CURRENT_TIMESTAMP" }) },
      {
        kind: "addColumn",
        table: "parent",
        column: opt("doubled", t.int, { computed: { expression: expr('"qty" * 2'), stored: true } }),
      },
    ],
    familyKept(),
  );

  scenario(
    "dropColumn rebuilds the parent; cascading children survive",
    family,
    [{ kind: "dropColumn", table: "parent", column: columnOf(parent, "created") }],
    familyKept(["created"]),
  );

  scenario(
    "dropColumn on the child keeps its self reference",
    family,
    [
      { kind: "dropIndex", table: "child", index: child.indexes[0]! },
      { kind: "dropColumn", table: "child", column: columnOf(child, "label") },
    ],
    familyKept(["label"]),
  );

  const alterations: [string, Operation][] = [
    [
      "type change text → varchar(20)",
      { kind: "alterColumn", table: "parent", from: columnOf(parent, "note"), to: opt("note", t.varchar(20)) },
    ],
    [
      "inline enum values",
      {
        kind: "alterColumn",
        table: "parent",
        from: columnOf(parent, "status"),
        to: col("status", t.inlineEnum("new", "it's done", "archived"), { default: "'new'" }),
      },
    ],
    [
      "collation dropped, default added",
      {
        kind: "alterColumn",
        table: "parent",
        from: columnOf(parent, "name"),
        to: col("name", t.varchar(100), { default: "'anon'" }),
      },
    ],
    [
      "computed expression",
      {
        kind: "alterColumn",
        table: "parent",
        from: columnOf(parent, "note_len"),
        to: opt("note_len", t.int, { computed: { expression: expr("length(note) + 1"), stored: false } }),
      },
    ],
  ];
  for (const [name, op] of alterations) scenario(`alterColumn: ${name}`, family, [op], familyKept(["note_len"]));

  test("alterColumn: NULL → NOT NULL with a default fills the NULLs from the default", async () => {
    const op: Operation = {
      kind: "alterColumn",
      table: "parent",
      from: columnOf(parent, "note"),
      to: col("note", t.text, { default: "'none'" }),
    };
    await checkScenario(target, family, [op], {
      async afterSetup(target) {
        await fillFamily(target);
        await rows(target, `INSERT INTO "parent" ("name", "note") VALUES ('four', NULL)`);
      },
      async afterOps(target) {
        const notes = await rows(target, `SELECT "note" FROM "parent" ORDER BY "id"`);
        assert.deepEqual(
          notes.map((r) => r.note),
          ["n1", "n3", "none"],
        );
      },
    });
  });

  scenario(
    "renameColumn",
    family,
    [{ kind: "renameColumn", table: "child", from: "label", to: "Label 2" }],
    familyKept(),
  );

  scenario(
    "create and drop indexes",
    family,
    [
      { kind: "dropIndex", table: "parent", index: parent.indexes[0]! },
      {
        kind: "createIndex",
        table: "parent",
        index: index("IDX_note", ["note", "qty"], { unique: true, where: expr('"note" IS NOT NULL') }),
      },
    ],
    familyKept(),
  );

  scenario(
    "constraints by rebuild: unique, check, foreign key, primary key",
    [...family, { kind: "createTable", table: pair }],
    [
      { kind: "dropUnique", table: "parent", unique: parent.uniques[0]! },
      { kind: "createUnique", table: "parent", unique: { name: "UQ_note_qty", columns: ["note", "qty"] } },
      { kind: "dropCheck", table: "parent", check: parent.checks[0]! },
      { kind: "createCheck", table: "parent", check: { name: "CHK new", expression: expr('"qty" < 1000') } },
      { kind: "dropForeignKey", table: "child", foreignKey: child.foreignKeys[0]! },
      {
        kind: "createForeignKey",
        table: "child",
        foreignKey: fk("FK_new", ["parent_id"], "parent", ["id"], { onUpdate: "RESTRICT" }),
      },
      { kind: "dropPrimaryKey", table: "pair", primaryKey: pair.primaryKey! },
      { kind: "createPrimaryKey", table: "pair", primaryKey: { columns: ["b", "a"] } },
    ],
    familyKept(),
  );

  scenario(
    "views, and a view survives a rebuild of the table it reads",
    family,
    [
      {
        kind: "createView",
        view: { name: "parent_names", definition: expr('SELECT "id", "name" FROM "parent"'), materialized: false },
      },
      {
        kind: "createView",
        view: { name: "names_again", definition: expr('SELECT "name" FROM "parent_names"'), materialized: false },
      },
      { kind: "dropColumn", table: "parent", column: columnOf(parent, "created") },
    ],
    familyKept(["created"]),
  );

  test("the foreign-keys-off flag matters: with foreign keys ON a parent rebuild cascades to children", async () => {
    await target.reset();
    const model = await runAll(target, emptyModel, family);
    await fillFamily(target);
    const op: Operation = { kind: "dropColumn", table: "parent", column: columnOf(parent, "created") };
    assert.equal(sqliteNeedsForeignKeysOff(op, model), true);
    for (const s of emitSqlite(op, model)) await target.executor.query(s.sql, s.params);
    const children = await rows(target, `SELECT "id" FROM "child"`);
    assert.ok(children.length < 3, "DROP TABLE with foreign keys ON deleted child rows through ON DELETE CASCADE");
  });

  test("execute passes SQL and parameters through", async () => {
    await checkScenario(
      target,
      family,
      [
        {
          kind: "execute",
          sql: `INSERT INTO "child" ("id", "label") VALUES (?, ?)`,
          params: [9, "'; DROP TABLE x; --"],
          reverseSql: `DELETE FROM "child" WHERE "id" = ?`,
          reverseParams: [9],
        },
      ],
      {
        async afterOps(target) {
          assert.deepEqual(await rows(target, `SELECT "id", "label" FROM "child"`), [
            { id: 9, label: "'; DROP TABLE x; --" },
          ]);
        },
        async afterReverse(target) {
          assert.deepEqual(await rows(target, `SELECT "id" FROM "child"`), []);
        },
      },
    );
  });
});
