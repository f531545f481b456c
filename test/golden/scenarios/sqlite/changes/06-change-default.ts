import type { OpApi } from "retort";

export const revision = "5c0000000006";
export const downRevision = "5c0000000005";
export const message = "status defaults to new";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // heavy: rebuilds books (copies every row)
  await op.alterColumn("books", "status", {
    from: { type: "varchar(20)", default: "'draft'" },
    to: { type: "varchar(20)", default: "'new'" },
  });
}

export async function down(op: OpApi): Promise<void> {
  // heavy: rebuilds books (copies every row)
  await op.alterColumn("books", "status", {
    from: { type: "varchar(20)", default: "'new'" },
    to: { type: "varchar(20)", default: "'draft'" },
  });
}
