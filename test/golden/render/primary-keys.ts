import type { OpApi } from "retort";

export const revision = "4f5a6b7c8d9e";
export const downRevision = "0a1b2c3d4e5f";
export const message = "re-key tags";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.dropPrimaryKey("tags", { name: "PK_tags", columns: ["id"] });
  // may fail: primary key on tags fails on duplicate or NULL values
  await op.createPrimaryKey("tags", { name: "PK_tags_name", columns: ["name", "scope"] });

  // may fail: primary key on sqlite_pairs fails on duplicate or NULL values
  await op.createPrimaryKey("sqlite_pairs", ["left_id", "right_id"]);
}

export async function down(op: OpApi): Promise<void> {
  await op.dropPrimaryKey("sqlite_pairs", ["left_id", "right_id"]);

  await op.dropPrimaryKey("tags", { name: "PK_tags_name", columns: ["name", "scope"] });
  // may fail: primary key on tags fails on duplicate or NULL values
  await op.createPrimaryKey("tags", { name: "PK_tags", columns: ["id"] });
}
