/**
 * Property-style round trips over model pairs: the diff's operations turn live into target,
 * their reverse turns target back into live, and diffing the result finds nothing more.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffModels, renamesFromList } from "../../../src/diff";
import type { SchemaModel } from "../../../src/model/types";
import { applyAll } from "../../../src/ops/apply";
import { reverseAll } from "../../../src/ops/reverse";
import {
  assertSameModel,
  changeTable,
  check,
  col,
  enumType,
  fk,
  idTable,
  index,
  model,
  table,
  textCol,
  types,
  view,
} from "./builders";

const users = idTable(
  "users",
  [textCol("name"), col("age"), col("status", types.enumOf("status"))],
  {
    uniques: [{ name: "UQ_name", columns: ["name"] }],
    indexes: [index("IDX_age", ["age"], { where: "age > 0" })],
    checks: [check("CHK_age", "age >= 0")],
  },
);
const posts = idTable("posts", [col("author_id"), textCol("title")], {
  foreignKeys: [fk("FK_author", ["author_id"], "users", ["id"], { onDelete: "CASCADE" })],
  indexes: [index("IDX_author", ["author_id"])],
});
const tags = idTable("tags", [textCol("label")]);
const postTags = table("post_tags", [col("post_id"), col("tag_id")], {
  primaryKey: { name: "PK_post_tags", columns: ["post_id", "tag_id"] },
  foreignKeys: [fk("FK_pt_post", ["post_id"], "posts"), fk("FK_pt_tag", ["tag_id"], "tags")],
});
const base = model({
  tables: [users, posts, tags, postTags],
  enums: [enumType("status", ["active", "banned"])],
  views: [view("adult_users", "SELECT id, name FROM users WHERE age >= 18")],
});

const mapColumns = (
  m: SchemaModel,
  tableName: string,
  f: (c: (typeof users.columns)[number]) => (typeof users.columns)[number],
) => changeTable(m, tableName, (t) => ({ ...t, columns: t.columns.map(f) }));

const pairs: [string, SchemaModel, SchemaModel, string[]?][] = [
  ["empty to full", model(), base],
  ["full to empty", base, model()],
  ["identical", base, base],
  [
    "add a table referencing two",
    base,
    {
      ...base,
      tables: [
        ...base.tables,
        idTable("likes", [col("user_id"), col("post_id")], {
          foreignKeys: [fk("FK_l_u", ["user_id"], "users"), fk("FK_l_p", ["post_id"], "posts")],
        }),
      ],
    },
  ],
  [
    "drop a referenced table and its referrers",
    base,
    { ...base, tables: [users], views: base.views },
  ],
  [
    "widen a referenced key",
    base,
    mapColumns(
      mapColumns(base, "users", (c) => (c.name === "id" ? { ...c, type: types.bigint } : c)),
      "posts",
      (c) => (c.name === "author_id" ? { ...c, type: types.bigint } : c),
    ),
  ],
  [
    "column nullability, default and comment",
    base,
    mapColumns(base, "posts", (c) =>
      c.name === "title" ? { ...c, nullable: false, default: "''", comment: "headline" } : c,
    ),
  ],
  [
    "add enum value and a column using a new enum",
    base,
    changeTable(
      {
        ...base,
        enums: [enumType("status", ["active", "banned", "pending"]), enumType("mood", ["ok"])],
      },
      "tags",
      (t) => ({ ...t, columns: [...t.columns, col("mood", types.enumOf("mood"))] }),
    ),
  ],
  [
    "drop the enum column and the enum",
    changeTable(base, "users", (t) => t),
    changeTable({ ...base, enums: [] }, "users", (t) => ({
      ...t,
      columns: t.columns.filter((c) => c.name !== "status"),
    })),
  ],
  [
    "composite key change",
    base,
    changeTable(base, "post_tags", (t) => ({
      ...t,
      primaryKey: { name: "PK_post_tags", columns: ["tag_id", "post_id"] },
    })),
  ],
  [
    "constraints swapped around",
    base,
    changeTable(base, "users", (t) => ({
      ...t,
      uniques: [],
      indexes: [
        index("UQ_name", ["name"], { unique: true }),
        index("IDX_age", ["age"], { where: "age > 1" }),
      ],
      checks: [check("CHK_age", "age >= 1"), check("CHK_name", "name <> ''")],
    })),
  ],
  [
    "view changed and a view added",
    base,
    {
      ...base,
      views: [
        view("adult_users", "SELECT id FROM users WHERE age >= 21"),
        view("all_posts", "SELECT * FROM posts"),
      ],
    },
  ],
  [
    "rename a table referenced by a foreign key",
    base,
    changeTable(
      changeTable(base, "users", (t) => ({ ...t, name: "people" })),
      "posts",
      (t) => ({
        ...t,
        foreignKeys: t.foreignKeys.map((f) => ({ ...f, referencedTable: "people" })),
      }),
    ),
    ["users->people"],
  ],
  [
    "rename a referenced column",
    base,
    changeTable(
      changeTable(
        mapColumns(base, "tags", (c) => (c.name === "id" ? { ...c, name: "tag_id" } : c)),
        "tags",
        (t) => ({ ...t, primaryKey: { name: "PK_tags", columns: ["tag_id"] } }),
      ),
      "post_tags",
      (t) => ({
        ...t,
        foreignKeys: t.foreignKeys.map((f) =>
          f.referencedTable === "tags" ? { ...f, referencedColumns: ["tag_id"] } : f,
        ),
      }),
    ),
    ["tags.id->tags.tag_id"],
  ],
  [
    "new tables in a cycle next to a schema-qualified table",
    base,
    {
      ...base,
      tables: [
        ...base.tables,
        idTable("a", [col("b_id")], { foreignKeys: [fk("FK_a_b", ["b_id"], "b")] }),
        idTable("b", [col("a_id")], { foreignKeys: [fk("FK_b_a", ["a_id"], "a")] }),
        { ...idTable("events"), schema: "audit" },
      ],
    },
  ],
  [
    "everything at once",
    base,
    changeTable(
      changeTable(
        { ...base, enums: [enumType("status", ["banned", "active"])], views: [] },
        "posts",
        (t) => ({
          ...t,
          columns: [...t.columns.filter((c) => c.name !== "title"), textCol("body")],
          indexes: [],
          foreignKeys: [fk("FK_author", ["author_id"], "users")],
        }),
      ),
      "tags",
      (t) => ({
        ...t,
        comment: "labels",
        columns: t.columns.map((c) => (c.name === "label" ? { ...c, type: types.varchar(80) } : c)),
      }),
    ),
  ],
];

describe("diff: round trips", () => {
  for (const [name, live, target, renames] of pairs) {
    it(name, () => {
      const options = renames === undefined ? {} : { renames: renamesFromList(renames) };
      const ops = diffModels(live, target, options);
      const upgraded = applyAll(live, ops);
      assertSameModel(upgraded, target, "up");
      assertSameModel(applyAll(upgraded, reverseAll(ops)), live, "down");
      assert.deepEqual(diffModels(upgraded, target), [], "nothing left to do");
      if (name === "identical") assert.deepEqual(ops, []);
      else assert.notDeepEqual(ops, []);
    });
  }
});
