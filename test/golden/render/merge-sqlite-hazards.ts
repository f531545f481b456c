import type { OpApi } from "retort";

export const revision = "2b3c4d5e6f7a";
export const downRevision = ["aaaaaaaaaaaa", "bbbbbbbbbbbb"];
export const message = "merge feature branches";
export const createdAt = "2026-11-21T10:00:00.000Z";
export const branchLabels = ["feature"];

export async function up(op: OpApi): Promise<void> {
  // may fail: NOT NULL column users.email without a default fails on a non-empty table
  await op.addColumn("users", { name: "email", type: "varchar(320)" });
  // may fail: unique index IDX_users_email fails on duplicate rows
  await op.createIndex("users", { name: "IDX_users_email", columns: ["email"], unique: true });
  // data loss: drops column users.nickname and its values
  // heavy: rebuilds users (copies every row)
  await op.dropColumn("users", { name: "nickname", type: "text", nullable: true });
}

export async function down(op: OpApi): Promise<void> {
  await op.addColumn("users", { name: "nickname", type: "text", nullable: true });
  await op.dropIndex("users", { name: "IDX_users_email", columns: ["email"], unique: true });
  // data loss: drops column users.email and its values
  // heavy: rebuilds users (copies every row)
  await op.dropColumn("users", { name: "email", type: "varchar(320)" });
}
