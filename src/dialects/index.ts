import type { Dialect, DialectName } from "./dialect";
import { postgresDialect } from "./postgres";
import { sqliteDialect } from "./sqlite";

export type * from "./dialect";

/** Every dialect, by name; a new dialect is a compile error until it is listed here. */
export const dialects: Readonly<Record<DialectName, Dialect>> = {
  postgres: postgresDialect,
  sqlite: sqliteDialect,
};
