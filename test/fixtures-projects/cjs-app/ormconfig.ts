import "reflect-metadata";
import { DataSource } from "typeorm";
import { Author } from "./entities/author";
import { Book } from "./entities/book";

/** A CommonJS project: entities imported as classes, SQLite unless DATABASE_URL says otherwise. */
export default new DataSource({
  type: "better-sqlite3",
  database: "data/app.sqlite",
  entities: [Author, Book],
});
