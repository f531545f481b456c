/**
 * PostgreSQL 15 keywords that are not "unreserved" (`SELECT word FROM pg_get_keywords() WHERE
 * catcode <> 'U'`): reserved (R), type/function-name (T) and column-name (C) keywords.
 * PostgreSQL's deparser (`quote_identifier`) keeps double quotes around identifiers equal to
 * any of these, and writes them in upper case when they are used as keywords. Normalisation
 * follows the same rules so that a hand-written expression and the catalog's agree.
 * See https://www.postgresql.org/docs/current/sql-keywords-appendix.html
 */
const keywordList = `
between bigint bit boolean char character coalesce dec decimal exists extract float greatest
grouping inout int integer interval least national nchar none normalize nullif numeric out
overlay position precision real row setof smallint substring time timestamp treat trim values
varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi
xmlroot xmlserialize xmltable
all analyse analyze and any array as asc asymmetric both case cast check collate column
constraint create current_catalog current_date current_role current_time current_timestamp
current_user default deferrable desc distinct do else end except false fetch for foreign from
grant group having in initially intersect into lateral leading limit localtime localtimestamp not
null offset on only or order placing primary references returning select session_user some
symmetric table then to trailing true union unique user using variadic when where window with
authorization binary collation concurrently cross current_schema freeze full ilike inner is
isnull join left like natural notnull outer overlaps right similar tablesample verbose
`;

/** Lower-case keywords that PostgreSQL quotes when they are used as identifiers. */
export const quotedKeywords: ReadonlySet<string> = new Set(keywordList.split(/\s+/).filter((w) => w !== ""));

/** True when `word` (any case) is a keyword that must stay quoted as an identifier. */
export function isKeyword(word: string): boolean {
  return quotedKeywords.has(word.toLowerCase());
}
