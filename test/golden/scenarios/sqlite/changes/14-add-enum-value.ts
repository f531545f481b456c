import type { OpApi } from "retort";

export const revision = "5c0000000014";
export const downRevision = "5c0000000013";
export const message = "essays";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // heavy: rebuilds books (copies every row)
  await op.alterColumn("books", "genre", {
    from: {
      type: { kind: "inline-enum", values: ["fiction", "poetry"] },
      default: "'fiction'",
    },
    to: {
      type: { kind: "inline-enum", values: ["fiction", "poetry", "essay"] },
      default: "'fiction'",
    },
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: narrows books.genre (values may be cut or rejected)
  // heavy: rebuilds books (copies every row)
  await op.alterColumn("books", "genre", {
    from: {
      type: { kind: "inline-enum", values: ["fiction", "poetry", "essay"] },
      default: "'fiction'",
    },
    to: {
      type: { kind: "inline-enum", values: ["fiction", "poetry"] },
      default: "'fiction'",
    },
  });
}
