import type { OpApi } from "retort";

export const revision = "5c0000000009";
export const downRevision = "5c0000000008";
export const message = "books reference authors";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // may fail: foreign key FK_54f49efe2dd4d2850e736e9ab86 fails if existing rows do not match
  // heavy: rebuilds books (copies every row)
  await op.createForeignKey("books", {
    name: "FK_54f49efe2dd4d2850e736e9ab86",
    columns: ["authorId"],
    references: { table: "authors", columns: ["id"] },
    onDelete: "CASCADE",
  });
}

export async function down(op: OpApi): Promise<void> {
  // heavy: rebuilds books (copies every row)
  await op.dropForeignKey("books", {
    name: "FK_54f49efe2dd4d2850e736e9ab86",
    columns: ["authorId"],
    references: { table: "authors", columns: ["id"] },
    onDelete: "CASCADE",
  });
}
