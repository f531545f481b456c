import { Column, Entity, OneToMany, PrimaryColumn } from "typeorm";
import type { Relation } from "typeorm";
import { Note } from "./note.js";

@Entity("tags")
export class Tag {
  @PrimaryColumn({ length: 40 })
  slug: string;

  @Column({ type: "text", nullable: true })
  description: string | null;

  @OneToMany(() => Note, (note) => note.tag)
  notes: Relation<Note[]>;
}
