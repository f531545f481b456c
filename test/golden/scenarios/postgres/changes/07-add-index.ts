import type { OpApi } from "retort";

export const revision = "5c0000000007";
export const downRevision = "5c0000000006";
export const message = "index book titles";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // heavy: index IDX_3cd818eaf734a9d8814843f119 is built without CONCURRENTLY and blocks writes
  await op.createIndex("books", {
    name: "IDX_3cd818eaf734a9d8814843f119",
    columns: ["title"],
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.dropIndex("books", {
    name: "IDX_3cd818eaf734a9d8814843f119",
    columns: ["title"],
  });
}
