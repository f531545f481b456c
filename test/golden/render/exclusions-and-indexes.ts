import type { OpApi } from "retort";

export const revision = "5a6b7c8d9e0f";
export const downRevision = "0a1b2c3d4e5f";
export const message = "bookings and places";
export const createdAt = "2026-11-21T10:00:00.000Z";

export async function up(op: OpApi): Promise<void> {
  // may fail: exclusion XCL_bookings_room_period fails if existing rows conflict
  // heavy: exclusion XCL_bookings_room_period builds its index under a write lock
  await op.createExclusion("bookings", {
    name: "XCL_bookings_room_period",
    expression: "USING gist (room_id WITH =, period WITH &&)",
  });
  await op.dropExclusion("bookings", {
    name: "XCL_bookings_old",
    expression: "USING gist (period WITH &&)",
  });

  // heavy: index IDX_places_location is built without CONCURRENTLY and blocks writes
  await op.createIndex("places", {
    name: "IDX_places_location",
    columns: ["location"],
    spatial: true,
  });
  // may fail: unique index UQ_places_slug_live fails on duplicate rows
  // heavy: index UQ_places_slug_live is built without CONCURRENTLY and blocks writes
  await op.createIndex("places", {
    name: "UQ_places_slug_live",
    columns: ["slug"],
    unique: true,
    where: "deleted_at IS NULL",
  });
  await op.dropIndex("places", { name: "IDX_places_name", columns: ["name", "city"] });
}

export async function down(op: OpApi): Promise<void> {
  // heavy: index IDX_places_name is built without CONCURRENTLY and blocks writes
  await op.createIndex("places", { name: "IDX_places_name", columns: ["name", "city"] });
  await op.dropIndex("places", {
    name: "UQ_places_slug_live",
    columns: ["slug"],
    unique: true,
    where: "deleted_at IS NULL",
  });
  await op.dropIndex("places", {
    name: "IDX_places_location",
    columns: ["location"],
    spatial: true,
  });

  // may fail: exclusion XCL_bookings_old fails if existing rows conflict
  // heavy: exclusion XCL_bookings_old builds its index under a write lock
  await op.createExclusion("bookings", {
    name: "XCL_bookings_old",
    expression: "USING gist (period WITH &&)",
  });
  await op.dropExclusion("bookings", {
    name: "XCL_bookings_room_period",
    expression: "USING gist (room_id WITH =, period WITH &&)",
  });
}
