import type { OpApi } from "retort";

export const revision = "5c0000000008";
export const downRevision = "5c0000000007";
export const message = "unique author names";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // may fail: unique constraint UQ_6c64b3df09e6774438aeca7e0b0 fails on duplicate rows
  // heavy: unique constraint UQ_6c64b3df09e6774438aeca7e0b0 builds its index under a write lock
  await op.createUnique("authors", {
    name: "UQ_6c64b3df09e6774438aeca7e0b0",
    columns: ["name"],
  });
}

export async function down(op: OpApi): Promise<void> {
  await op.dropUnique("authors", {
    name: "UQ_6c64b3df09e6774438aeca7e0b0",
    columns: ["name"],
  });
}
