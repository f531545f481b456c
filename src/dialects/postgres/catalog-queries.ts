/**
 * The pg_catalog queries introspection runs: one per kind of object, each covering every user
 * schema at once, so the number of queries never depends on the number of tables. `$1` is
 * always the array of excluded bare table names.
 *
 * Left out everywhere: system schemas (`pg_*` — user schemas may not start with `pg_` —
 * and `information_schema`), objects that belong to an extension (PostGIS puts
 * `spatial_ref_sys` in `public`), partitions (the partitioned parent carries the definition).
 */

/** Schemas that hold user objects; `n` is the object's pg_namespace. */
const userSchema = `n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'`;

function notExtensionMember(catalog: "pg_class" | "pg_type", oid: string): string {
  return `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
}

/** Joins the namespace `n` of relation `c`. */
const joinNamespace = `JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace`;

/** Selects the user's ordinary and partitioned tables `c` (in namespace `n`). */
const isUserTable = `c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${userSchema}
  AND c.relname <> ALL($1::text[]) AND ${notExtensionMember("pg_class", "c.oid")}`;

/** The current schema and where (if anywhere) TypeORM's `typeorm_metadata` table lives. */
export const contextQuery = `SELECT current_schema() AS current_schema,
  mn.nspname AS metadata_schema, mc.relname AS metadata_table
FROM (SELECT to_regclass($1::text) AS oid) r
LEFT JOIN pg_catalog.pg_class mc ON mc.oid = r.oid
LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mc.relnamespace`;

export const tablesQuery = `SELECT n.nspname AS schema, c.relname AS name,
  obj_description(c.oid, 'pg_class') AS comment
FROM pg_catalog.pg_class c
  ${joinNamespace}
WHERE ${isUserTable}
ORDER BY n.nspname, c.relname`;

export const columnsQuery = `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name,
  format_type(a.atttypid, a.atttypmod) AS type,
  t.typtype AS type_kind, tn.nspname AS type_schema, t.typname AS type_name,
  et.typtype AS element_kind, etn.nspname AS element_schema, et.typname AS element_name,
  a.attnotnull AS not_null,
  pg_get_expr(ad.adbin, ad.adrelid) AS default,
  a.attidentity AS identity, a.attgenerated AS generated,
  CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
  col_description(c.oid, a.attnum) AS comment
FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  ${joinNamespace}
  JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
  JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
  LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
WHERE ${isUserTable} AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum`;

/** Column names of `keys` (an attnum array) of relation `rel`, in key order, as a JSON array. */
function keyColumns(keys: string, rel: string): string {
  return `array_to_json(ARRAY(SELECT a.attname FROM unnest(${keys}) WITH ORDINALITY k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum ORDER BY k.ord))`;
}

export const constraintsQuery = `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name,
  con.contype AS type,
  ${keyColumns("con.conkey", "con.conrelid")} AS columns,
  rn.nspname AS referenced_schema, rc.relname AS referenced_table,
  ${keyColumns("con.confkey", "con.confrelid")} AS referenced_columns,
  con.confdeltype AS on_delete, con.confupdtype AS on_update,
  con.condeferrable AS deferrable, con.condeferred AS deferred,
  pg_get_constraintdef(con.oid) AS definition
FROM pg_catalog.pg_constraint con
  JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
  ${joinNamespace}
  LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
  LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE ${isUserTable} AND con.contype IN ('p', 'u', 'f', 'c', 'x')
ORDER BY n.nspname, c.relname, con.conname`;

/**
 * Indexes that do not back a primary key, unique or exclusion constraint. Key columns only
 * (not `INCLUDE` ones); an expression key is reported as its deparsed expression.
 */
export const indexesQuery = `SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name,
  i.indisunique AS unique, am.amname AS method,
  pg_get_expr(i.indpred, i.indrelid) AS predicate,
  array_to_json(ARRAY(
    SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname::text END
    FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
      LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)) AS columns
FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_catalog.pg_am am ON am.oid = ic.relam
  JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
  ${joinNamespace}
WHERE ${isUserTable}
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
      WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY n.nspname, c.relname, ic.relname`;

export const enumsQuery = `SELECT n.nspname AS schema, t.typname AS name,
  array_to_json(ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)) AS values
FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${userSchema} AND ${notExtensionMember("pg_type", "t.oid")}
ORDER BY n.nspname, t.typname`;

export const viewsQuery = `SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
  pg_get_viewdef(c.oid, true) AS definition
FROM pg_catalog.pg_class c
  ${joinNamespace}
WHERE c.relkind IN ('v', 'm') AND ${userSchema} AND c.relname <> ALL($1::text[])
  AND ${notExtensionMember("pg_class", "c.oid")}
ORDER BY n.nspname, c.relname`;
