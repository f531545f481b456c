import "reflect-metadata";
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from "typeorm";
import type { Relation } from "typeorm";
import type { EntitySet } from "./entity-set";

export enum AgOrderStatus {
  Pending = "pending",
  Paid = "paid",
  Shipped = "shipped",
}

@Entity("ag_customer")
@Check(`"age" >= 0`)
@Unique(["name", "country"])
export class AgCustomer {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 120 })
  name: string;

  @Column({ type: "varchar", length: 2, default: "NL" })
  country: string;

  @Column({ type: "varchar", length: 200, unique: true })
  email: string;

  @Column({ type: "int", default: 0 })
  age: number;

  @Column({ type: "boolean", default: true })
  active: boolean;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

@Entity("ag_order")
@Index("IDX_ag_order_reference_set", ["reference"], { where: `"reference" IS NOT NULL` })
export class AgOrder {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "simple-enum", enum: AgOrderStatus, default: AgOrderStatus.Pending })
  status: AgOrderStatus;

  @Column({ type: "decimal", precision: 10, scale: 2, default: 0 })
  total: string;

  @Index()
  @Column({ type: "varchar", length: 30, nullable: true })
  reference: string | null;

  @Index({ unique: true })
  @Column({ type: "int" })
  number: number;

  @Column({ type: "text", nullable: true })
  note: string | null;

  @ManyToOne(() => AgCustomer, { onDelete: "CASCADE", nullable: false })
  customer: Relation<AgCustomer>;
}

/** Enum, uuid, FK, indexes (plain, unique, partial), uniques, a check, create/update dates. */
export const shopSet: EntitySet = {
  name: "shop",
  dialects: ["postgres", "sqlite"],
  entities: [AgCustomer, AgOrder],
};
