import "reflect-metadata";
import { DataSource } from "typeorm";

/**
 * An ES-module project: TypeORM loads the entities itself from a glob, with `import()`, and the
 * entity files import each other ESM-style (`./tag.js` for tag.ts).
 */
const dataSource = new DataSource({
  type: "better-sqlite3",
  database: "data/app.sqlite",
  entities: ["entities/*.ts"],
});
export default dataSource;
