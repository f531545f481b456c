import type { OpApi } from "retort";

export const revision = "d1d2b1f437d2";
export const downRevision = null;
export const message = "create users, prompts and threads";
export const createdAt = "2026-11-21T10:20:13.773Z";

export async function up(op: OpApi): Promise<void> {
  await op.createTable("users", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "email", type: "varchar" },
      { name: "name", type: "varchar" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
    ],
    primaryKey: ["id"],
    uniques: [{ name: "UQ_97672ac88f789774dd47f7c8be3", columns: ["email"] }],
  });

  await op.createTable("prompts", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(255)" },
      { name: "content", type: "text" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
      { name: "updated_at", type: "timestamp", default: "datetime('now')" },
      { name: "user_id", type: "integer", nullable: true },
    ],
    primaryKey: ["id"],
    foreignKeys: [
      {
        name: "FK_aa88f45bd24d019088a898cf66b",
        columns: ["user_id"],
        references: { table: "users", columns: ["id"] },
      },
    ],
  });

  await op.createTable("threads", {
    columns: [
      { name: "id", type: "varchar" },
      { name: "email", type: "varchar" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
      { name: "is_deleted", type: "boolean", default: "0" },
      {
        name: "platform",
        type: {
          kind: "inline-enum",
          values: ["sherab", "webuddhist", "webuddhist-app"],
        },
      },
    ],
    primaryKey: ["id"],
    indexes: [
      { name: "IDX_08cbfcb9e621a6c248ea000f80", columns: ["created_at"] },
      { name: "IDX_86b49a67e83d232f973860f4e4", columns: ["email"] },
    ],
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: drops table threads and all its rows
  await op.dropTable("threads", {
    columns: [
      { name: "id", type: "varchar" },
      { name: "email", type: "varchar" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
      { name: "is_deleted", type: "boolean", default: "0" },
      {
        name: "platform",
        type: {
          kind: "inline-enum",
          values: ["sherab", "webuddhist", "webuddhist-app"],
        },
      },
    ],
    primaryKey: ["id"],
    indexes: [
      { name: "IDX_08cbfcb9e621a6c248ea000f80", columns: ["created_at"] },
      { name: "IDX_86b49a67e83d232f973860f4e4", columns: ["email"] },
    ],
  });

  // data loss: drops table prompts and all its rows
  await op.dropTable("prompts", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "title", type: "varchar(255)" },
      { name: "content", type: "text" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
      { name: "updated_at", type: "timestamp", default: "datetime('now')" },
      { name: "user_id", type: "integer", nullable: true },
    ],
    primaryKey: ["id"],
    foreignKeys: [
      {
        name: "FK_aa88f45bd24d019088a898cf66b",
        columns: ["user_id"],
        references: { table: "users", columns: ["id"] },
      },
    ],
  });

  // data loss: drops table users and all its rows
  await op.dropTable("users", {
    columns: [
      { name: "id", type: "integer", identity: "increment" },
      { name: "email", type: "varchar" },
      { name: "name", type: "varchar" },
      { name: "created_at", type: "timestamp", default: "datetime('now')" },
    ],
    primaryKey: ["id"],
    uniques: [{ name: "UQ_97672ac88f789774dd47f7c8be3", columns: ["email"] }],
  });
}
