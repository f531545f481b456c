import type { OpApi } from "retort";

export const revision = "7c8d9e0f1a2b";
export const downRevision = "0a1b2c3d4e5f";
export const message = "enum changes";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.createEnum("mood", ["happy", "sad"]);

  await op.createEnum({ schema: "billing", name: "plan" }, []);

  // data loss: removes value(s) 'published' from enum status
  await op.alterEnum("status", {
    from: ["draft", "published", "archived"],
    to: ["draft", "live", "archived", "deleted"],
    usedBy: [
      {
        table: "posts",
        column: { name: "status", type: { kind: "enum", name: "status" }, default: "'draft'" },
      },
      {
        table: { schema: "audit", table: "events" },
        column: {
          name: "statuses",
          type: { kind: "array", element: { kind: "enum", name: "status" } },
          nullable: true,
        },
      },
    ],
  });

  await op.alterEnum(
    { schema: "billing", name: "currency" },
    {
      from: ["eur"],
      to: ["eur", "usd"],
      usedBy: [],
    },
  );

  await op.addColumn("users", {
    name: "mood",
    type: { kind: "enum", name: "mood" },
    nullable: true,
  });
  await op.addColumn("users", {
    name: "kind",
    type: { kind: "inline-enum", values: ["a", "b"] },
    default: "'a'",
  });

  await op.dropEnum("legacy_mood", ["ok"]);
}

export async function down(op: OpApi): Promise<void> {
  await op.createEnum("legacy_mood", ["ok"]);

  // data loss: drops column users.kind and its values
  await op.dropColumn("users", {
    name: "kind",
    type: { kind: "inline-enum", values: ["a", "b"] },
    default: "'a'",
  });
  // data loss: drops column users.mood and its values
  await op.dropColumn("users", {
    name: "mood",
    type: { kind: "enum", name: "mood" },
    nullable: true,
  });

  // data loss: removes value(s) 'usd' from enum billing.currency
  await op.alterEnum(
    { schema: "billing", name: "currency" },
    {
      from: ["eur", "usd"],
      to: ["eur"],
      usedBy: [],
    },
  );

  // data loss: removes value(s) 'live', 'deleted' from enum status
  await op.alterEnum("status", {
    from: ["draft", "live", "archived", "deleted"],
    to: ["draft", "published", "archived"],
    usedBy: [
      {
        table: "posts",
        column: { name: "status", type: { kind: "enum", name: "status" }, default: "'draft'" },
      },
      {
        table: { schema: "audit", table: "events" },
        column: {
          name: "statuses",
          type: { kind: "array", element: { kind: "enum", name: "status" } },
          nullable: true,
        },
      },
    ],
  });

  await op.dropEnum({ schema: "billing", name: "plan" }, []);

  await op.dropEnum("mood", ["happy", "sad"]);
}
