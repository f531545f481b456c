import type { OpApi } from "retort";

export const revision = "0f1a2b3c4d5e";
export const downRevision = "0a1b2c3d4e5f";
export const message = "backfill slugs";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.execute("UPDATE posts SET slug = lower(title) WHERE slug IS NULL");
  await op.execute("INSERT INTO settings (key, value) VALUES ($1, $2)", ["theme", "dark"], {
    reverse: { sql: "DELETE FROM settings WHERE key = $1", params: ["theme"] },
  });
  await op.execute(
    "UPDATE counters\nSET value = value + $1\nWHERE id = $2",
    [1, null, true, -0, 2.5],
    { reverse: "SELECT 1" },
  );
  await op.execute("SELECT 1", []);
}

export async function down(op: OpApi): Promise<void> {
  await op.execute("DELETE FROM settings WHERE key = 'theme'");
}
