import type { OpApi } from "retort";

export const revision = "6b7c8d9e0f1a";
export const downRevision = "0a1b2c3d4e5f";
export const message = "document tables";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.setTableComment("users", { from: null, to: "People who can sign in" });

  await op.setTableComment("orders", { from: "Orders", to: "Customer orders" });

  await op.setTableComment({ schema: "audit", table: "events" }, { from: "Audit trail", to: null });
}

export async function down(op: OpApi): Promise<void> {
  await op.setTableComment({ schema: "audit", table: "events" }, { from: null, to: "Audit trail" });

  await op.setTableComment("orders", { from: "Customer orders", to: "Orders" });

  await op.setTableComment("users", { from: "People who can sign in", to: null });
}
