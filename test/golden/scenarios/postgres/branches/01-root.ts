import type { OpApi } from "retort";

export const revision = "b0b0b0b0b0b0";
export const downRevision = null;
export const message = "library";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.createEnum("books_genre_enum", ["fiction", "poetry"]);

  await op.createTable("authors", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "name", type: "varchar(100)" },
    ],
    primaryKey: { name: "PK_d2ed02fabd9b52847ccb85e6b88", columns: ["id"] },
  });

  await op.createTable("books", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(100)" },
      { name: "pages", type: "integer" },
      { name: "status", type: "varchar(20)", default: "'draft'" },
      {
        name: "genre",
        type: { kind: "enum", name: "books_genre_enum" },
        default: "'fiction'",
      },
      { name: "authorId", type: "integer", nullable: true },
    ],
    primaryKey: { name: "PK_f3f2f25a099d24e12545b70b022", columns: ["id"] },
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
        type: { kind: "enum", name: "books_genre_enum" },
        default: "'fiction'",
      },
      { name: "authorId", type: "integer", nullable: true },
    ],
    primaryKey: { name: "PK_f3f2f25a099d24e12545b70b022", columns: ["id"] },
  });

  // data loss: drops table authors and all its rows
  await op.dropTable("authors", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "name", type: "varchar(100)" },
    ],
    primaryKey: { name: "PK_d2ed02fabd9b52847ccb85e6b88", columns: ["id"] },
  });

  await op.dropEnum("books_genre_enum", ["fiction", "poetry"]);
}
