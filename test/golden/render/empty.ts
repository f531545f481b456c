import type { OpApi } from "retort";

export const revision = "1a2b3c4d5e6f";
export const downRevision = null;
export const message = "initial";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // no changes
}

export async function down(op: OpApi): Promise<void> {
  // no changes
}
