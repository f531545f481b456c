import type { OpApi } from "retort";

export const revision = "9e0f1a2b3c4d";
export const downRevision = "0a1b2c3d4e5f";
export const message = "rename people to users";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.renameTable("people", "users");

  await op.renameColumn("users", "fullname", "full_name");

  await op.renameTable({ schema: "audit", table: "log" }, "events");

  await op.renameColumn({ schema: "audit", table: "events" }, "at", "occurred_at");
}

export async function down(op: OpApi): Promise<void> {
  await op.renameColumn({ schema: "audit", table: "events" }, "occurred_at", "at");
  await op.renameTable({ schema: "audit", table: "events" }, "log");

  await op.renameColumn("users", "full_name", "fullname");
  await op.renameTable("users", "people");
}
