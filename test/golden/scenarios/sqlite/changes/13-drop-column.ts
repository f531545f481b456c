import type { OpApi } from "retort";

export const revision = "5c0000000013";
export const downRevision = "5c0000000012";
export const message = "drop authors bio";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // data loss: drops column authors.bio and its values
  // heavy: rebuilds authors (copies every row)
  await op.dropColumn("authors", {
    name: "bio",
    type: "varchar(200)",
    nullable: true,
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.addColumn("authors", {
    name: "bio",
    type: "varchar(200)",
    nullable: true,
  });
}
