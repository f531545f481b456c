import type { OpApi } from "retort";

export const revision = "3e4f5a6b7c8d";
export const downRevision = "0a1b2c3d4e5f";
export const message = "constraints";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.dropUnique("users", { name: "UQ_users_email", columns: ["email"] });
  // may fail: unique constraint UQ_users_email_tenant fails on duplicate rows
  await op.createUnique("users", {
    name: "UQ_users_email_tenant",
    columns: ["email", "tenant_id"],
  });
  // may fail: check CHK_users_age fails if existing rows violate it
  await op.createCheck("users", { name: "CHK_users_age", expression: "age >= 18" });
  await op.dropCheck("users", { name: "CHK_users_name", expression: "length(name) > 0" });

  await op.dropForeignKey("posts", {
    name: "FK_posts_author",
    columns: ["author_id"],
    references: { table: "users", columns: ["id"] },
  });
  // may fail: foreign key FK_posts_author_cascade fails if existing rows do not match
  await op.createForeignKey("posts", {
    name: "FK_posts_author_cascade",
    columns: ["author_id"],
    references: { table: "users", columns: ["id"] },
    onDelete: "CASCADE",
    onUpdate: "SET NULL",
    deferrable: "INITIALLY DEFERRED",
  });

  // may fail: foreign key FK_events_post fails if existing rows do not match
  await op.createForeignKey(
    { schema: "audit", table: "events" },
    {
      name: "FK_events_post",
      columns: ["post_id", "post_version"],
      references: { schema: "public_v2", table: "posts", columns: ["id", "version"] },
      onDelete: "RESTRICT",
      onUpdate: "SET DEFAULT",
      deferrable: "INITIALLY IMMEDIATE",
    },
  );
}

export async function down(op: OpApi): Promise<void> {
  await op.dropForeignKey(
    { schema: "audit", table: "events" },
    {
      name: "FK_events_post",
      columns: ["post_id", "post_version"],
      references: { schema: "public_v2", table: "posts", columns: ["id", "version"] },
      onDelete: "RESTRICT",
      onUpdate: "SET DEFAULT",
      deferrable: "INITIALLY IMMEDIATE",
    },
  );

  await op.dropForeignKey("posts", {
    name: "FK_posts_author_cascade",
    columns: ["author_id"],
    references: { table: "users", columns: ["id"] },
    onDelete: "CASCADE",
    onUpdate: "SET NULL",
    deferrable: "INITIALLY DEFERRED",
  });
  // may fail: foreign key FK_posts_author fails if existing rows do not match
  await op.createForeignKey("posts", {
    name: "FK_posts_author",
    columns: ["author_id"],
    references: { table: "users", columns: ["id"] },
  });

  // may fail: check CHK_users_name fails if existing rows violate it
  await op.createCheck("users", { name: "CHK_users_name", expression: "length(name) > 0" });
  await op.dropCheck("users", { name: "CHK_users_age", expression: "age >= 18" });
  await op.dropUnique("users", { name: "UQ_users_email_tenant", columns: ["email", "tenant_id"] });
  // may fail: unique constraint UQ_users_email fails on duplicate rows
  await op.createUnique("users", { name: "UQ_users_email", columns: ["email"] });
}
