/**
 * Parsing of `DATABASE_URL`, which overrides the DataSource's connection:
 * `postgres://` / `postgresql://` → PostgreSQL by URL, `sqlite:path`, `sqlite:///abs/path`,
 * `sqlite::memory:` and `file:path` → an SQLite file through better-sqlite3.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../util/errors";
import { secretMask } from "./secrets";

/** A parsed DATABASE_URL. */
export type DatabaseUrl =
  | {
      readonly kind: "postgres";
      /** The URL as given, for the driver. */
      readonly url: string;
      readonly host: string;
      readonly port?: number;
      readonly database?: string;
      readonly username?: string;
      readonly password?: string;
    }
  | { readonly kind: "sqlite"; /** Absolute path, or `:memory:`. */ readonly database: string };

// Spelled so that the output scrubber (which masks every `scheme://user:secret@`) leaves it alone.
const expectedForms =
  "expected postgres://host:port/database (with user:password@ before the host), sqlite:relative/path.sqlite, sqlite:///absolute/path.sqlite or file:path";

/**
 * `url` safe to print: the password of its `user:password@` part replaced by `***`. Works on
 * malformed URLs too (a password with spaces, an unencoded `@`), since those are exactly the
 * ones echoed in an error: everything between `user:` and the last `@` is masked.
 */
export function maskDatabaseUrl(url: string): string {
  const at = url.lastIndexOf("@");
  if (at < 0) return url;
  const slashes = url.indexOf("://");
  const authorityStart = slashes >= 0 && slashes < at ? slashes + 3 : url.indexOf(":") + 1;
  const userinfo = url.slice(authorityStart, at);
  const colon = userinfo.indexOf(":");
  const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
  // Without a colon the userinfo may be a password alone (`postgres://secret@host`): keep only
  // what cannot be a secret, i.e. nothing.
  const shownUser = colon < 0 ? "" : `${user}:`;
  return `${url.slice(0, authorityStart)}${shownUser}${secretMask}${url.slice(at)}`;
}

function malformed(url: string, why: string): ConfigError {
  return new ConfigError(`DATABASE_URL is not valid (${why}): ${maskDatabaseUrl(url)}; ${expectedForms}`);
}

/**
 * Parses DATABASE_URL; relative SQLite paths resolve against `cwd`.
 *
 * @throws ConfigError naming DATABASE_URL and the accepted forms; the password is never shown.
 */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseUrl {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  switch (scheme) {
    case "postgres":
    case "postgresql":
      return parsePostgresUrl(trimmed);
    case "sqlite":
      return { kind: "sqlite", database: parseSqlitePath(trimmed, trimmed.slice("sqlite:".length), cwd) };
    case "file":
      return { kind: "sqlite", database: parseFilePath(trimmed, cwd) };
    case undefined:
      throw malformed(trimmed, trimmed === "" ? "it is empty" : "no scheme");
    default:
      throw malformed(trimmed, `unsupported scheme "${scheme}:"`);
  }
}

function parsePostgresUrl(url: string): DatabaseUrl {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw malformed(url, "not a URL");
  }
  if (parsed.hostname === "") throw malformed(url, "no host");
  const port = parsed.port === "" ? undefined : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (database.includes("/")) throw malformed(url, "the path must be just the database name");
  return {
    kind: "postgres",
    url,
    host: parsed.hostname,
    ...(port === undefined ? {} : { port }),
    ...(database === "" ? {} : { database }),
    ...(parsed.username === "" ? {} : { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password === "" ? {} : { password: decodeURIComponent(parsed.password) }),
  };
}

function parseSqlitePath(url: string, rest: string, cwd: string): string {
  if (rest === ":memory:" || rest === "//:memory:") return ":memory:";
  if (rest.startsWith("///")) return rest.slice(2);
  // `sqlite://x` reads like a host name; refuse rather than guess.
  if (rest.startsWith("//")) throw malformed(url, "use sqlite:relative/path or sqlite:///absolute/path");
  if (rest === "") throw malformed(url, "no file path");
  return isAbsolute(rest) ? rest : resolve(cwd, rest);
}

function parseFilePath(url: string, cwd: string): string {
  if (url.startsWith("file://")) {
    try {
      return fileURLToPath(url);
    } catch {
      throw malformed(url, "not a file URL");
    }
  }
  const rest = url.slice("file:".length);
  if (rest === "") throw malformed(url, "no file path");
  return isAbsolute(rest) ? rest : resolve(cwd, rest);
}
