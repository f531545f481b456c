import type { OpApi } from "retort";

export const revision = "5c0000000005";
export const downRevision = "5c0000000004";
export const message = "title optional";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.alterColumn("books", "title", {
    from: { type: "varchar(100)" },
    to: { type: "varchar(100)", nullable: true },
  });
}

export async function down(op: OpApi): Promise<void> {
  // may fail: SET NOT NULL on books.title fails if a row holds NULL
  await op.alterColumn("books", "title", {
    from: { type: "varchar(100)", nullable: true },
    to: { type: "varchar(100)" },
  });
}
