import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { postgresDialect } from "../../../src/dialects/postgres";
import type { Column, TableModel } from "../../../src/model/types";
import type { Operation } from "../../../src/ops/types";
import { col, fk, index, opt, t, table } from "../../unit/dialects/emit/build";
import { checkScenario, openPostgresTarget, rows, type EmitTarget } from "./harness";

const expr = (sql: string): string => postgresDialect.normalizeExpression(sql);

const moodType = { name: "mood", values: ["sad", "ok", "happy"] };
const mood: Operation = { kind: "createEnum", enumType: moodType };

const parent: TableModel = table(
  "parent",
  [
    col("id", t.int, { identity: "increment" }),
    col("seq", t.bigint, { identity: "always" }),
    col("code", t.int, { identity: "by-default" }),
    col("name", t.varchar(100), { collation: "C", comment: "the name; it's 'quoted'" }),
    opt("mood", t.enumRef("mood"), { default: "'happy'" }),
    col("qty", t.int, { default: "'0'" }),
    opt("title", t.text),
    opt("title_lower", t.text, { computed: { expression: expr("lower(title)"), stored: true } }),
    opt("area", t.native("circle")),
    opt("location", t.native("point")),
    col("created", t.timestamptz, { default: "now()" }),
  ],
  {
    primaryKey: { name: "PK_parent", columns: ["id"] },
    uniques: [{ name: "UQ_parent_name", columns: ["name"] }],
    checks: [{ name: "CHK_parent_qty", expression: expr("qty >= 0") }],
    exclusions: [{ name: "XCL_parent_area", expression: expr("USING gist (area WITH &&)") }],
    indexes: [
      index("IDX_parent_qty", ["qty"], { where: expr("qty > 10") }),
      index("IDX_parent_code", ["code"], { unique: true }),
      index("IDX_parent_location", ["location"], { spatial: true }),
    ],
    comment: "Parent's table",
  },
);

const child: TableModel = table("child", [col("id", t.int), opt("parent_id", t.int), opt("sibling_id", t.int)], {
  primaryKey: { name: "PK_child", columns: ["id"] },
  foreignKeys: [
    fk("FK_child_parent", ["parent_id"], "parent", ["id"], { onDelete: "CASCADE", deferrable: "INITIALLY DEFERRED" }),
    fk("FK_child_sibling", ["sibling_id"], "child", ["id"], { onDelete: "SET NULL", onUpdate: "CASCADE" }),
  ],
});

const plain: TableModel = table(
  "plain",
  [
    col("id", t.int),
    opt("a", t.varchar(50), { default: "'x'" }),
    opt("b", t.int),
    opt("c", t.text),
    opt("s", t.text),
    opt("d", t.text, { computed: { expression: expr("upper(s)"), stored: true } }),
  ],
  { primaryKey: { name: "PK_plain", columns: ["id"] } },
);

const at = { table: "plain" } as const;
function alter(from: Column, to: Column, using?: string): Operation {
  return { kind: "alterColumn", ...at, from, to, ...(using === undefined ? {} : { using }) };
}
const columnOf = (name: string): Column => plain.columns.find((c) => c.name === name) as Column;

describe("PostgreSQL emitter round trips on a live database", () => {
  let target: EmitTarget;
  before(async () => {
    target = await openPostgresTarget("emit");
  });
  after(async () => {
    await target.close();
  });
  const scenario = (name: string, setup: readonly Operation[], ops: readonly Operation[], hooks = {}): void => {
    test(name, () => checkScenario(target, setup, ops, hooks));
  };

  scenario(
    "createTable with every column and table feature, createEnum",
    [],
    [mood, { kind: "createTable", table: parent }, { kind: "createTable", table: child }],
  );

  scenario(
    "nasty identifiers and literals",
    [],
    [
      {
        kind: "createEnum",
        enumType: { name: 'we"ird enum', values: ["a'b", "back\\slash", "new\nline", "'; DROP TABLE x; --"] },
      },
      {
        kind: "createTable",
        table: table(
          'we"ird table',
          [
            col("select", t.int),
            opt("naïve column", t.enumRef('we"ird enum'), { comment: "'; DROP TABLE x; --\nline two \\ back" }),
            opt("Mixed Case", t.text, { default: "'it''s \\ here'" }),
          ],
          {
            primaryKey: { name: 'PK "weird"', columns: ["select"] },
            indexes: [index("idx ünïcode", ["Mixed Case"])],
            comment: "O'Reilly \\n",
          },
        ),
      },
    ],
  );

  scenario(
    "renameTable keeps foreign keys pointing at it",
    [mood, { kind: "createTable", table: parent }, { kind: "createTable", table: child }],
    [{ kind: "renameTable", from: "parent", to: "Parent Renamed" }],
  );

  scenario(
    "addColumn and dropColumn",
    [{ kind: "createTable", table: plain }],
    [
      { kind: "addColumn", ...at, column: opt("e", t.varchar(20), { comment: "new" }) },
      { kind: "addColumn", ...at, column: col("f", t.int, { default: "'7'" }) },
      { kind: "addColumn", ...at, column: col("g", t.bigint, { identity: "increment" }) },
      {
        kind: "addColumn",
        ...at,
        column: opt("h", t.text, { computed: { expression: expr("lower(c)"), stored: true } }),
      },
      { kind: "dropColumn", ...at, column: columnOf("b") },
    ],
  );

  scenario(
    "renameColumn",
    [{ kind: "createTable", table: plain }],
    [{ kind: "renameColumn", ...at, from: "b", to: "B renamed" }],
  );

  const alterations: [string, Operation][] = [
    ["type change varchar → text keeps the default", alter(columnOf("a"), opt("a", t.text, { default: "'x'" }))],
    ["type change text → integer with using", alter(columnOf("c"), opt("c", t.int), "length(c)")],
    ["nullability and type int → bigint", alter(columnOf("b"), col("b", t.bigint))],
    ["default set", alter(columnOf("b"), opt("b", t.int, { default: "'3'" }))],
    ["default changed", alter(columnOf("a"), opt("a", t.varchar(50), { default: "'y'" }))],
    ["collation", alter(columnOf("a"), opt("a", t.varchar(50), { default: "'x'", collation: "C" }))],
    ["comment", alter(columnOf("c"), opt("c", t.text, { comment: "a comment" }))],
    ["plain → identity always", alter(columnOf("id"), col("id", t.int, { identity: "always" }))],
    ["plain → serial", alter(columnOf("id"), col("id", t.int, { identity: "increment" }))],
    [
      "computed expression changed",
      alter(columnOf("d"), opt("d", t.text, { computed: { expression: expr("lower(s)"), stored: true } })),
    ],
    ["computed → plain", alter(columnOf("d"), opt("d", t.text))],
    ["text → enum", alter(columnOf("c"), opt("c", t.enumRef("mood")))],
  ];
  for (const [name, op] of alterations) {
    scenario(`alterColumn: ${name}`, [mood, { kind: "createTable", table: plain }], [op], {
      async afterSetup(target: EmitTarget) {
        await rows(
          target,
          `INSERT INTO "plain" ("id", "b", "c", "s") VALUES (1, 10, 'ok', 'x'), (2, 20, 'happy', 'y')`,
        );
      },
      async afterReverse(target: EmitTarget) {
        const kept = await rows(target, `SELECT "id" FROM "plain" ORDER BY "id"`);
        assert.deepEqual(
          kept.map((r) => r.id),
          [1, 2],
        );
      },
    });
  }

  scenario(
    "alterColumn: SET NOT NULL with a default fills existing NULLs first (no failure, no lost rows)",
    [{ kind: "createTable", table: plain }],
    [alter(columnOf("b"), col("b", t.int, { default: "'5'" }))],
    {
      async afterSetup(target: EmitTarget) {
        await rows(target, `INSERT INTO "plain" ("id", "b") VALUES (1, NULL), (2, 20)`);
      },
      async afterOps(target: EmitTarget) {
        const filled = await rows(target, `SELECT "id", "b" FROM "plain" ORDER BY "id"`);
        assert.deepEqual(
          filled.map((r) => [r.id, r.b]),
          [
            [1, 5],
            [2, 20],
          ],
        );
      },
    },
  );

  const serialTable = table("counter", [col("id", t.int, { identity: "increment" }), opt("v", t.text)], {
    primaryKey: { name: "PK_counter", columns: ["id"] },
  });
  const serialId = serialTable.columns[0] as Column;
  for (const [name, to] of [
    ["serial → plain", col("id", t.int)],
    ["serial → identity by default", col("id", t.int, { identity: "by-default" })],
    ["serial int → bigserial", col("id", t.bigint, { identity: "increment" })],
  ] as const) {
    scenario(
      `alterColumn: ${name} (rows keep their ids, new rows follow them)`,
      [{ kind: "createTable", table: serialTable }],
      [{ kind: "alterColumn", table: "counter", from: serialId, to }],
      {
        async afterSetup(target: EmitTarget) {
          await rows(target, `INSERT INTO "counter" ("v") VALUES ('a'), ('b')`);
        },
        async afterReverse(target: EmitTarget) {
          await rows(target, `INSERT INTO "counter" ("v") VALUES ('c')`);
          const all = await rows(target, `SELECT "id", "v" FROM "counter" ORDER BY "id"`);
          assert.deepEqual(
            all.map((r) => [r.id, r.v]),
            [
              [1, "a"],
              [2, "b"],
              [3, "c"],
            ],
          );
        },
      },
    );
  }

  scenario(
    "create and drop indexes",
    [mood, { kind: "createTable", table: parent }],
    [
      { kind: "dropIndex", table: "parent", index: parent.indexes[0]! },
      {
        kind: "createIndex",
        table: "parent",
        index: index("IDX_name_qty", ["name", "qty"], { unique: true, where: expr("qty > 0") }),
      },
      { kind: "createIndex", table: "parent", index: index("IDX_area", ["area"], { spatial: true }) },
    ],
  );

  scenario(
    "create and drop constraints",
    [mood, { kind: "createTable", table: parent }, { kind: "createTable", table: child }],
    [
      { kind: "dropForeignKey", table: "child", foreignKey: child.foreignKeys[0]! },
      {
        kind: "createForeignKey",
        table: "child",
        foreignKey: fk("FK_new", ["parent_id"], "parent", ["id"], {
          onUpdate: "RESTRICT",
          deferrable: "INITIALLY IMMEDIATE",
        }),
      },
      { kind: "dropUnique", table: "parent", unique: parent.uniques[0]! },
      { kind: "createUnique", table: "parent", unique: { name: "UQ_name_qty", columns: ["name", "qty"] } },
      { kind: "dropCheck", table: "parent", check: parent.checks[0]! },
      { kind: "createCheck", table: "parent", check: { name: "CHK new", expression: expr("qty < 1000 AND qty >= 0") } },
      { kind: "dropExclusion", table: "parent", exclusion: parent.exclusions[0]! },
      {
        kind: "createExclusion",
        table: "parent",
        exclusion: { name: "XCL_new", expression: expr("USING gist (location WITH ~=)") },
      },
      { kind: "dropForeignKey", table: "child", foreignKey: child.foreignKeys[1]! },
      { kind: "dropPrimaryKey", table: "child", primaryKey: child.primaryKey! },
      { kind: "createPrimaryKey", table: "child", primaryKey: { name: "PK_child_2", columns: ["id"] } },
    ],
  );

  scenario(
    "setTableComment set, change, remove",
    [{ kind: "createTable", table: plain }],
    [
      { kind: "setTableComment", ...at, to: "first" },
      { kind: "setTableComment", ...at, from: "first", to: "second 'quoted'" },
      { kind: "setTableComment", ...at, from: "second 'quoted'" },
    ],
  );

  const withMood = table(
    "person",
    [
      col("id", t.int),
      col("mood", t.enumRef("mood"), { default: "'sad'" }),
      opt("moods", { kind: "array", element: t.enumRef("mood") }),
    ],
    { primaryKey: { name: "PK_person", columns: ["id"] } },
  );
  const usage = withMood.columns.slice(1).map((column) => ({ table: "person", column }));
  const alterMood = (to: string[]): Operation => ({
    kind: "alterEnum",
    name: "mood",
    from: ["sad", "ok", "happy"],
    to,
    usedBy: usage,
  });
  for (const [name, to] of [
    ["values inserted (ADD VALUE); reverse re-creates the type", ["meh", "sad", "ok", "fine", "happy", "ecstatic"]],
    ["value renamed (RENAME VALUE)", ["sad", "okay", "happy"]],
    ["values reordered (re-created type)", ["happy", "ok", "sad"]],
  ] as const) {
    scenario(`alterEnum: ${name}`, [mood, { kind: "createTable", table: withMood }], [alterMood([...to])], {
      async afterSetup(target: EmitTarget) {
        await rows(
          target,
          `INSERT INTO "person" ("id", "mood", "moods") VALUES (1, 'sad', '{ok,happy}'), (2, 'happy', NULL)`,
        );
      },
      async afterReverse(target: EmitTarget) {
        const all = await rows(
          target,
          `SELECT "mood"::text AS mood, "moods"::text AS moods FROM "person" ORDER BY "id"`,
        );
        assert.deepEqual(
          all.map((r) => [r.mood, r.moods]),
          [
            ["sad", "{ok,happy}"],
            ["happy", null],
          ],
        );
      },
    });
  }

  scenario("createEnum and dropEnum", [], [mood, { kind: "dropEnum", enumType: moodType }]);

  scenario(
    "views and materialized views",
    [{ kind: "createTable", table: plain }],
    [
      {
        kind: "createView",
        view: { name: "plain_view", definition: expr("SELECT plain.id, plain.a FROM plain"), materialized: false },
      },
      {
        kind: "createView",
        view: {
          name: "plain_mat",
          definition: expr("SELECT plain.id FROM plain WHERE plain.b > 1"),
          materialized: true,
        },
      },
    ],
  );

  test("execute passes SQL and parameters through", async () => {
    await checkScenario(
      target,
      [{ kind: "createTable", table: plain }],
      [
        {
          kind: "execute",
          sql: `INSERT INTO "plain" ("id", "c") VALUES ($1, $2)`,
          params: [5, "'; DROP TABLE x; --"],
          reverseSql: `DELETE FROM "plain" WHERE "id" = $1`,
          reverseParams: [5],
        },
      ],
      {
        async afterOps(target: EmitTarget) {
          assert.deepEqual(await rows(target, `SELECT "id", "c" FROM "plain"`), [{ id: 5, c: "'; DROP TABLE x; --" }]);
        },
        async afterReverse(target: EmitTarget) {
          assert.deepEqual(await rows(target, `SELECT "id" FROM "plain"`), []);
        },
      },
    );
  });
});
