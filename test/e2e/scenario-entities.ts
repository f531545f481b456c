/**
 * The entity files of the schema-change scenario, written from a small description of their
 * state, so that each step states only what it changes. Both dialects get the same files
 * (DATABASE_URL picks the database); columns a step adds come last, where PostgreSQL's
 * ADD COLUMN puts them, so column order matches what `synchronize()` creates.
 */
import type { EntityFiles } from "./scenario-project";

/** What the `authors` and `books` entities look like at one step. */
export interface LibraryState {
  /** `authors.bio`: absent, or a nullable varchar of this length. */
  readonly bioLength?: number;
  /** `authors.name` carries a unique constraint. */
  readonly nameUnique: boolean;
  readonly pagesType: "integer" | "bigint";
  readonly titleNullable: boolean;
  readonly statusDefault: string;
  /** `books.title` has an index. */
  readonly titleIndexed: boolean;
  /** `books.authorId` is a foreign key to `authors.id` (a relation), not only a column. */
  readonly authorForeignKey: boolean;
  /** The values of the `books.genre` enum, in order. */
  readonly genres: readonly string[];
}

/** The state the scenario starts from with its first migration. */
export const initialLibrary: LibraryState = {
  nameUnique: false,
  pagesType: "integer",
  titleNullable: false,
  statusDefault: "draft",
  titleIndexed: false,
  authorForeignKey: false,
  genres: ["fiction", "poetry"],
};

function options(members: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const written = Object.entries(members)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? JSON.stringify(value) : String(value)}`);
  return `{ ${written.join(", ")} }`;
}

function renderAuthor(state: LibraryState): string {
  const lines = [
    `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";`,
    ``,
    `@Entity("authors")`,
    `export class Author {`,
    `  @PrimaryGeneratedColumn()`,
    `  id: number;`,
    ``,
    `  @Column(${options({ type: "varchar", length: 100, unique: state.nameUnique })})`,
    `  name: string;`,
  ];
  if (state.bioLength !== undefined) {
    lines.push(``, `  @Column(${options({ type: "varchar", length: state.bioLength, nullable: true })})`, `  bio: string | null;`);
  }
  lines.push(`}`, ``);
  return lines.join("\n");
}

function renderBook(state: LibraryState): string {
  const relation = state.authorForeignKey;
  const lines = [
    `import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";`,
    `import { Author } from "./author";`,
    ``,
    `@Entity("books")`,
    `export class Book {`,
    `  @PrimaryGeneratedColumn()`,
    `  id: number;`,
    ``,
    ...(state.titleIndexed ? [`  @Index()`] : []),
    `  @Column(${options({ type: "varchar", length: 100, nullable: state.titleNullable })})`,
    `  title: string;`,
    ``,
    `  @Column(${options({ type: state.pagesType })})`,
    `  pages: number;`,
    ``,
    `  @Column(${options({ type: "varchar", length: 20, default: state.statusDefault })})`,
    `  status: string;`,
    ``,
    `  @Column({ type: "simple-enum", enum: ${JSON.stringify(state.genres)}, default: ${JSON.stringify(state.genres[0])} })`,
    `  genre: string;`,
    ``,
    `  @Column({ type: "integer", nullable: true })`,
    `  authorId: number | null;`,
  ];
  if (relation) {
    lines.push(``, `  @ManyToOne(() => Author, { onDelete: "CASCADE" })`, `  @JoinColumn({ name: "authorId" })`, `  author: Author | null;`);
  }
  lines.push(`}`, ``);
  return lines.join("\n");
}

/** The entity files for `state`. */
export function renderLibrary(state: LibraryState): EntityFiles {
  return { "author.ts": renderAuthor(state), "book.ts": renderBook(state) };
}
