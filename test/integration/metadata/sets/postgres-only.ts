import "reflect-metadata";
import { Column, Entity, Exclusion, Generated, PrimaryGeneratedColumn, ViewColumn, ViewEntity } from "typeorm";
import type { EntitySet } from "./entity-set";

@Entity("ag_booking")
@Exclusion(`USING gist ("during" WITH &&)`)
export class AgBooking {
  @PrimaryGeneratedColumn("identity", { generatedIdentity: "ALWAYS" })
  id: number;

  @Column({ type: "tsrange" })
  during: string;

  @Column({ type: "text", array: true, default: () => "'{}'" })
  labels: string[];

  @Column({ type: "enum", enum: ["low", "mid", "high"], enumName: "ag_level" })
  priority: string;

  @Column({ type: "enum", enum: ["low", "mid", "high"], enumName: "ag_level", nullable: true })
  fallbackPriority: string | null;

  @Column({ type: "uuid" })
  @Generated("uuid")
  token: string;
}

@Entity("ag_booking_log", { schema: "ag_audit" })
export class AgBookingLog {
  @PrimaryGeneratedColumn("increment", { type: "bigint" })
  id: string;

  @Column({ type: "enum", enum: ["low", "mid", "high"], enumName: "ag_level" })
  level: string;

  @Column({ type: "enum", enum: ["insert", "update"], default: "insert" })
  action: string;

  @Column({ type: "timestamptz", precision: 3, default: () => "CURRENT_TIMESTAMP" })
  at: Date;

  @Column({ type: "varchar", length: 50, collation: "C" })
  actor: string;
}

@ViewEntity({
  name: "ag_booking_count",
  materialized: true,
  expression: `SELECT "priority", count(*) AS "total" FROM "ag_booking" GROUP BY "priority"`,
})
export class AgBookingCount {
  @ViewColumn()
  priority: string;

  @ViewColumn()
  total: number;
}

/** PostgreSQL only: identity, arrays, named/shared enums, another schema, exclusion, materialized view, pgcrypto. */
export const postgresOnlySet: EntitySet = {
  name: "pg_only",
  dialects: ["postgres"],
  entities: [AgBooking, AgBookingLog, AgBookingCount],
  dataSourceOptions: { uuidExtension: "pgcrypto" },
  setupSql: { postgres: [`CREATE SCHEMA IF NOT EXISTS "ag_audit"`] },
};
