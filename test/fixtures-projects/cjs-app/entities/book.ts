import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Author } from "./author";

@Entity("books")
@Index(["title"])
export class Book {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 200 })
  title: string;

  @Column({ default: 0 })
  pages: number;

  @ManyToOne(() => Author, (author) => author.books, { onDelete: "CASCADE" })
  author: Author;
}
