import type { OpApi } from "retort";

export const revision = "5c0000000001";
export const downRevision = null;
export const message = "create authors and books";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.createTable("authors", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "name", type: "varchar(100)" },
    ],
    primaryKey: ["id"],
  });

  await op.createTable("books", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(100)" },
      { name: "pages", type: "integer" },
      { name: "status", type: "varchar(20)", default: "'draft'" },
      {
        name: "genre",
        type: { kind: "inline-enum", values: ["fiction", "poetry"] },
        default: "'fiction'",
      },
      { name: "authorId", type: "integer", nullable: true },
    ],
    primaryKey: ["id"],
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: drops table books and all its rows
  await op.dropTable("books", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(100)" },
      { name: "pages", type: "integer" },
      { name: "status", type: "varchar(20)", default: "'draft'" },
      {
        name: "genre",
        type: { kind: "inline-enum", values: ["fiction", "poetry"] },
        default: "'fiction'",
      },
      { name: "authorId", type: "integer", nullable: true },
    ],
    primaryKey: ["id"],
  });

  // data loss: drops table authors and all its rows
  await op.dropTable("authors", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "name", type: "varchar(100)" },
    ],
    primaryKey: ["id"],
  });
}
