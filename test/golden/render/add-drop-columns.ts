import type { OpApi } from "retort";

export const revision = "1c2d3e4f5a6b";
export const downRevision = "0a1b2c3d4e5f";
export const message = "product details";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  await op.addColumn("products", { name: "price", type: "numeric(10,2)", default: "0" });
  await op.addColumn("products", { name: "tags", type: "text[]", nullable: true });
  await op.addColumn("products", { name: "sku", type: "uuid", default: "gen_random_uuid()" });
  // may fail: NOT NULL column products.seen_at without a default fails on a non-empty table
  await op.addColumn("products", { name: "seen_at", type: "timestamptz(6)" });
  await op.addColumn("products", {
    name: "name_lower",
    type: "text",
    nullable: true,
    computed: { expression: "lower(name)", stored: true },
  });
  // may fail: NOT NULL column products.code without a default fails on a non-empty table
  await op.addColumn("products", {
    name: "code",
    type: "varchar(20)",
    comment: "Supplier code",
    collation: "C",
  });
  await op.addColumn("products", { name: "serial", type: "bigint", identity: "always" });
  await op.addColumn("products", {
    name: "extra",
    type: { kind: "native", sql: "citext" },
    nullable: true,
  });
  // data loss: drops column products.legacy_flag and its values
  await op.dropColumn("products", { name: "legacy_flag", type: "boolean", default: "false" });

  // data loss: drops column orders.note and its values
  await op.dropColumn("orders", { name: "note", type: "char(3)", nullable: true });
}

export async function down(op: OpApi): Promise<void> {
  await op.addColumn("orders", { name: "note", type: "char(3)", nullable: true });

  await op.addColumn("products", { name: "legacy_flag", type: "boolean", default: "false" });
  // data loss: drops column products.extra and its values
  await op.dropColumn("products", {
    name: "extra",
    type: { kind: "native", sql: "citext" },
    nullable: true,
  });
  // data loss: drops column products.serial and its values
  await op.dropColumn("products", { name: "serial", type: "bigint", identity: "always" });
  // data loss: drops column products.code and its values
  await op.dropColumn("products", {
    name: "code",
    type: "varchar(20)",
    comment: "Supplier code",
    collation: "C",
  });
  // data loss: drops column products.name_lower and its values
  await op.dropColumn("products", {
    name: "name_lower",
    type: "text",
    nullable: true,
    computed: { expression: "lower(name)", stored: true },
  });
  // data loss: drops column products.seen_at and its values
  await op.dropColumn("products", { name: "seen_at", type: "timestamptz(6)" });
  // data loss: drops column products.sku and its values
  await op.dropColumn("products", { name: "sku", type: "uuid", default: "gen_random_uuid()" });
  // data loss: drops column products.tags and its values
  await op.dropColumn("products", { name: "tags", type: "text[]", nullable: true });
  // data loss: drops column products.price and its values
  await op.dropColumn("products", { name: "price", type: "numeric(10,2)", default: "0" });
}
