import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

/** An account of the example application. */
@Entity("users")
export class User {
  @PrimaryGeneratedColumn("increment")
  id: number;

  @Column({ type: "varchar", unique: true })
  email: string;

  @Column({ type: "varchar" })
  name: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
