import type { OpApi } from "retort";

export const revision = "b1aaaaaaaaaa";
export const downRevision = "b0b0b0b0b0b0";
export const message = "add bio";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.addColumn("authors", {
    name: "bio",
    type: "varchar(80)",
    nullable: true,
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: drops column authors.bio and its values
  await op.dropColumn("authors", {
    name: "bio",
    type: "varchar(80)",
    nullable: true,
  });
}
