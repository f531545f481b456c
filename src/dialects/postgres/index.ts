import { emitPostgres } from "./emit";
import type { Dialect } from "../dialect";
import { normalizeDefault } from "./defaults";
import { normalizeExpression } from "./expressions";
import { introspect } from "./introspect";
import { quoteIdent, quoteLiteral } from "./quote";
import { formatType, parseType } from "./types";

/** PostgreSQL: transactional DDL, enum types, schemas, comments and arrays. */
export const postgresDialect: Dialect = {
  name: "postgres",
  capabilities: {
    transactionalDdl: true,
    canAlterColumnType: true,
    enumTypes: true,
    schemas: true,
    comments: true,
    arrays: true,
    rebuildsTables: false,
    // A default server's lock table runs out after about a thousand new tables in one transaction.
    maxOperationsPerMigration: 500,
  },
  defaultSchema: "public",
  quoteIdent,
  quoteLiteral,
  parseType,
  formatType,
  normalizeDefault,
  normalizeExpression,
  emit: emitPostgres,
  // PostgreSQL alters in place; its emitter reads no schema.
  emitNeedsModel: () => false,
  introspect,
};

export { normalizeDefault, normalizeExpression, parseType, formatType, quoteIdent, quoteLiteral, introspect };
export { parseCatalog } from "./parse-catalog";
export type { CatalogRows } from "./catalog-rows";
