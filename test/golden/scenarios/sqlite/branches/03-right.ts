import type { OpApi } from "retort";

export const revision = "b1bbbbbbbbbb";
export const downRevision = "b0b0b0b0b0b0";
export const message = "index titles";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
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
