import type { OpApi } from "retort";

export const revision = "2d3e4f5a6b7c";
export const downRevision = "0a1b2c3d4e5f";
export const message = "tighten users";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.alterColumn("users", "age", {
    from: { type: "integer", nullable: true },
    to: { type: "bigint", nullable: true },
  });
  // data loss: narrows users.name (values may be cut or rejected)
  // may fail: SET NOT NULL on users.name fails if a row holds NULL
  await op.alterColumn("users", "name", {
    from: { type: "varchar(255)", nullable: true },
    to: { type: "varchar(100)" },
  });
  await op.alterColumn("users", "status", {
    from: { type: "text", default: "'new'" },
    to: { type: "text", default: "'active'", comment: "Lifecycle state" },
  });
  // may fail: casting users.score fails for values that do not convert
  await op.alterColumn("users", "score", {
    from: { type: "text", nullable: true },
    to: { type: "numeric(5)", nullable: true },
    using: "score::numeric(5)",
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.alterColumn("users", "score", {
    from: { type: "numeric(5)", nullable: true },
    to: { type: "text", nullable: true },
  });
  await op.alterColumn("users", "status", {
    from: { type: "text", default: "'active'", comment: "Lifecycle state" },
    to: { type: "text", default: "'new'" },
  });
  await op.alterColumn("users", "name", {
    from: { type: "varchar(100)" },
    to: { type: "varchar(255)", nullable: true },
  });
  // data loss: narrows users.age (values may be cut or rejected)
  await op.alterColumn("users", "age", {
    from: { type: "bigint", nullable: true },
    to: { type: "integer", nullable: true },
  });
}
