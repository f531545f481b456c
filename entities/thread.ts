import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Where a conversation thread was started. */
export enum Platform {
  Sherab = "sherab",
  Webuddhist = "webuddhist",
  WebuddhistApp = "webuddhist-app",
}

/** A conversation thread. */
@Entity("threads")
export class Thread {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ type: "varchar" })
  email: string;

  @Index()
  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  @Column({ name: "is_deleted", type: "boolean", default: false })
  isDeleted: boolean;

  /**
   * "simple-enum", not "enum": TypeORM 1.x rejects "enum" on SQLite (DataTypeNotSupportedError),
   * while "simple-enum" gives a native enum type (threads_platform_enum) on PostgreSQL and a
   * varchar with an inline CHECK on SQLite.
   */
  @Column({ type: "simple-enum", enum: Platform })
  platform: Platform;
}
