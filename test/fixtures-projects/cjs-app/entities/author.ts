import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from "typeorm";
import type { Book } from "./book";

@Entity("authors")
export class Author {
  @PrimaryGeneratedColumn()
  id: number;

  // No explicit type: TypeORM infers varchar from the emitted design:type metadata.
  @Column({ unique: true })
  name: string;

  @Column({ nullable: true })
  born: Date;

  @OneToMany("Book", (book: Book) => book.author)
  books: Book[];
}
