/**
 * The example project's DataSource, the file retort loads by default. Without DATABASE_URL it
 * uses an SQLite file (TypeORM creates `var/`); with `DATABASE_URL=postgres://...` PostgreSQL.
 * Migrations are retort's business, so there is no `migrations` option.
 */
import "reflect-metadata";
import { DataSource } from "typeorm";
import { entities } from "./entities";

const databaseUrl = process.env.DATABASE_URL;
const usePostgres = databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(databaseUrl);

export default new DataSource(
  usePostgres
    ? { type: "postgres", url: databaseUrl, entities }
    : { type: "better-sqlite3", database: "var/retort.sqlite", entities },
);
