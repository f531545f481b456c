import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "./entities";

/**
 * The project the end-to-end scenarios edit step by step: they rewrite entities/*.ts (and the
 * list in entities/index.ts) and always set DATABASE_URL, which replaces this SQLite file.
 */
export default new DataSource({
  type: "better-sqlite3",
  database: "data/app.sqlite",
  entities,
});
