/** Longest slug kept in a file name; longer messages are cut at a word boundary (as Alembic does). */
export const MAX_SLUG_LENGTH = 40;

/** Extensions of migration files; `.d.ts` declaration files are not migrations. */
const MIGRATION_FILE = /\.(ts|js)$/;

/** True for `*.ts` / `*.js` names that are migrations (not `.d.ts`, not hidden files). */
export function isMigrationFileName(name: string): boolean {
  return MIGRATION_FILE.test(name) && !name.endsWith(".d.ts") && !name.startsWith(".");
}

/**
 * The file-name slug of a message: ASCII lower-case words (accents dropped, everything else a
 * separator) joined with `_`, at most {@link MAX_SLUG_LENGTH} characters, cut at a word boundary
 * when possible. May be empty.
 */
export function slugify(message: string): string {
  const ascii = message
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  const slug = (ascii.match(/[a-z0-9]+/g) ?? []).join("_");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  if (slug[MAX_SLUG_LENGTH] === "_") return slug.slice(0, MAX_SLUG_LENGTH);
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const boundary = cut.lastIndexOf("_");
  return boundary > 0 ? cut.slice(0, boundary) : cut;
}

/** `YYYYMMDD_HHMM` of a date, in UTC (the same clock as `createdAt`). */
export function formatFileTimestamp(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `_${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}`
  );
}

/**
 * The file name of a new migration: `<YYYYMMDD_HHMM>_<id>_<slug>.ts` (UTC), or
 * `<YYYYMMDD_HHMM>_<id>.ts` when the message has no usable words. The timestamp first keeps a
 * directory listing in creation order; the id keeps names unique.
 */
export function migrationFileName(date: Date, id: string, message: string, extension: "ts" | "js" = "ts"): string {
  const slug = slugify(message);
  return `${formatFileTimestamp(date)}_${id}${slug === "" ? "" : `_${slug}`}.${extension}`;
}
