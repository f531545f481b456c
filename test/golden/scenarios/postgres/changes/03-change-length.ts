import type { OpApi } from "retort";

export const revision = "5c0000000003";
export const downRevision = "5c0000000002";
export const message = "longer bio";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.alterColumn("authors", "bio", {
    from: { type: "varchar(50)", nullable: true },
    to: { type: "varchar(200)", nullable: true },
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: narrows authors.bio (values may be cut or rejected)
  await op.alterColumn("authors", "bio", {
    from: { type: "varchar(200)", nullable: true },
    to: { type: "varchar(50)", nullable: true },
  });
}
