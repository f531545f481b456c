import type { OpApi } from "retort";

export const revision = "b2cccccccccc";
export const downRevision = ["b1aaaaaaaaaa", "b1bbbbbbbbbb"];
export const message = "merge bio and index";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // no changes
}

export async function down(op: OpApi): Promise<void> {
  // no changes
}
