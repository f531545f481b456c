import type { OpApi } from "retort";

export const revision = "8d9e0f1a2b3c";
export const downRevision = "0a1b2c3d4e5f";
export const message = "reporting views";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.dropView("active_users", { definition: "SELECT id, name FROM users WHERE active" });
  await op.createView("active_users", {
    definition: "SELECT id, name, email FROM users WHERE active",
  });

  await op.createView(
    { schema: "reports", name: "daily_totals" },
    { definition: "SELECT day, sum(total) AS total FROM orders GROUP BY day", materialized: true },
  );
}

export async function down(op: OpApi): Promise<void> {
  await op.dropView(
    { schema: "reports", name: "daily_totals" },
    { definition: "SELECT day, sum(total) AS total FROM orders GROUP BY day", materialized: true },
  );

  await op.dropView("active_users", {
    definition: "SELECT id, name, email FROM users WHERE active",
  });
  await op.createView("active_users", { definition: "SELECT id, name FROM users WHERE active" });
}
