import type { OpApi } from "retort";

export const revision = "7a8b9c0d1e2f";
export const downRevision = "0a1b2c3d4e5f";
export const message = "add prompts table";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.createTable("prompts", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(255)" },
      { name: "user_id", type: "integer", nullable: true },
      { name: "created_at", type: "timestamp", default: "now()" },
    ],
    primaryKey: { name: "PK_0a5b1f4c3f3e4d5a6b7c8d9e0f1", columns: ["id"] },
    foreignKeys: [
      {
        name: "FK_4a4f2d9c1b3e",
        columns: ["user_id"],
        references: { table: "users", columns: ["id"] },
        onDelete: "CASCADE",
      },
    ],
  });
  await op.createIndex("prompts", { name: "IDX_prompts_title", columns: ["title"] });
}

export async function down(op: OpApi): Promise<void> {
  await op.dropIndex("prompts", { name: "IDX_prompts_title", columns: ["title"] });
  // data loss: drops table prompts and all its rows
  await op.dropTable("prompts", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(255)" },
      { name: "user_id", type: "integer", nullable: true },
      { name: "created_at", type: "timestamp", default: "now()" },
    ],
    primaryKey: { name: "PK_0a5b1f4c3f3e4d5a6b7c8d9e0f1", columns: ["id"] },
    foreignKeys: [
      {
        name: "FK_4a4f2d9c1b3e",
        columns: ["user_id"],
        references: { table: "users", columns: ["id"] },
        onDelete: "CASCADE",
      },
    ],
  });
}
