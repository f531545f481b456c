import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { Relation } from "typeorm";
import { Tag } from "./tag.js";

@Entity("notes")
export class Note {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  body: string;

  @Column({ default: false })
  pinned: boolean;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;

  // Relation<> keeps the ES-module import cycle out of the emitted design:type metadata.
  @ManyToOne(() => Tag, (tag) => tag.notes, { nullable: true })
  tag: Relation<Tag>;
}
