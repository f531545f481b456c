import type { OpApi } from "retort";

export const revision = "5c0000000002";
export const downRevision = "5c0000000001";
export const message = "add authors bio";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.addColumn("authors", {
    name: "bio",
    type: "varchar(50)",
    nullable: true,
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: drops column authors.bio and its values
  // heavy: rebuilds authors (copies every row)
  await op.dropColumn("authors", {
    name: "bio",
    type: "varchar(50)",
    nullable: true,
  });
}
