import type { OpApi } from "retort";

export const revision = "0fb2f8910f9e";
export const downRevision = "d1d2b1f437d2";
export const message = "prompt language and visibility";
export const createdAt = "2026-11-21T10:20:25.167Z";

export async function up(op: OpApi): Promise<void> {
  await op.addColumn("prompts", {
    name: "language",
    type: "varchar(16)",
    default: "'en'",
  });
  await op.addColumn("prompts", {
    name: "is_public",
    type: "boolean",
    default: "0",
  });
  await op.createIndex("prompts", {
    name: "IDX_ad4279e46f1b567673792436c8",
    columns: ["is_public"],
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.dropIndex("prompts", {
    name: "IDX_ad4279e46f1b567673792436c8",
    columns: ["is_public"],
  });
  // data loss: drops column prompts.is_public and its values
  // heavy: rebuilds prompts (copies every row)
  await op.dropColumn("prompts", {
    name: "is_public",
    type: "boolean",
    default: "0",
  });
  // data loss: drops column prompts.language and its values
  // heavy: rebuilds prompts (copies every row)
  await op.dropColumn("prompts", {
    name: "language",
    type: "varchar(16)",
    default: "'en'",
  });
}
