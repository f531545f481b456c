import type { OpApi } from "retort";

export const revision = "5c0000000010";
export const downRevision = "5c0000000009";
export const message = "drop title index";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.dropIndex("books", {
    name: "IDX_3cd818eaf734a9d8814843f119",
    columns: ["title"],
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.createIndex("books", {
    name: "IDX_3cd818eaf734a9d8814843f119",
    columns: ["title"],
  });
}
