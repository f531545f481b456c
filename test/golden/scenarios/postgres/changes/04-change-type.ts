import type { OpApi } from "retort";

export const revision = "5c0000000004";
export const downRevision = "5c0000000003";
export const message = "pages as bigint";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // heavy: changing the type of books.pages rewrites the table
  await op.alterColumn("books", "pages", {
    from: { type: "integer" },
    to: { type: "bigint" },
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: narrows books.pages (values may be cut or rejected)
  // heavy: changing the type of books.pages rewrites the table
  await op.alterColumn("books", "pages", {
    from: { type: "bigint" },
    to: { type: "integer" },
  });
}
