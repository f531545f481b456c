import { emitSqlite, sqliteEmitNeedsModel } from "./emit";
import type { Dialect } from "../dialect";
import { introspectSqlite } from "./introspect";
import { normalizeSqliteDefault, normalizeSqliteExpression } from "./normalize";
import { quoteIdent, quoteLiteral } from "./quote";
import { formatSqliteType, parseSqliteType } from "./types";

/** The SQLite dialect (TypeORM's `better-sqlite3` / `sqlite` drivers). */
export const sqliteDialect: Dialect = {
  name: "sqlite",
  capabilities: {
    transactionalDdl: true,
    canAlterColumnType: false,
    enumTypes: false,
    schemas: false,
    comments: false,
    arrays: false,
    rebuildsTables: true,
  },
  defaultSchema: "main",
  quoteIdent,
  quoteLiteral,
  parseType: parseSqliteType,
  formatType: formatSqliteType,
  normalizeDefault: normalizeSqliteDefault,
  normalizeExpression: normalizeSqliteExpression,
  emit: emitSqlite,
  emitNeedsModel: sqliteEmitNeedsModel,
  introspect: introspectSqlite,
};

export { parseCreateTable } from "./parse-create-table";
export type {
  ParsedTable,
  ParsedColumn,
  ParsedTableConstraint,
  ParsedReference,
  ParsedCheck,
} from "./parse-create-table";
export { parseCreateIndex } from "./parse-create-index";
export { parseCreateView } from "./parse-create-view";
export { buildSqliteModel } from "./parse-catalog";
export type { SqliteCatalogRows } from "./catalog-rows";
