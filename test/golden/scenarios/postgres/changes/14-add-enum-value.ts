import type { OpApi } from "retort";

export const revision = "5c0000000014";
export const downRevision = "5c0000000013";
export const message = "essays";
export const createdAt = "2000-01-01T00:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.alterEnum("books_genre_enum", {
    from: ["fiction", "poetry"],
    to: ["fiction", "poetry", "essay"],
    usedBy: [
      {
        table: "books",
        column: {
          name: "genre",
          type: { kind: "enum", name: "books_genre_enum" },
          default: "'fiction'",
        },
      },
    ],
  });
}

export async function down(op: OpApi): Promise<void> {
  // data loss: removes value(s) 'essay' from enum books_genre_enum
  // heavy: re-creates enum books_genre_enum and rewrites the 1 column(s) using it
  await op.alterEnum("books_genre_enum", {
    from: ["fiction", "poetry", "essay"],
    to: ["fiction", "poetry"],
    usedBy: [
      {
        table: "books",
        column: {
          name: "genre",
          type: { kind: "enum", name: "books_genre_enum" },
          default: "'fiction'",
        },
      },
    ],
  });
}
