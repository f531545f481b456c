/**
 * What went wrong when a database could not be opened, in a few words: refused, unknown host,
 * bad credentials, no such database. Drivers report these very differently (Node socket errors,
 * `AggregateError` from dual-stack connects, PostgreSQL SQLSTATEs, better-sqlite3's SqliteError).
 */

interface ErrorShape {
  readonly code?: unknown;
  readonly errno?: unknown;
  readonly syscall?: unknown;
  readonly severity?: unknown;
  readonly message?: unknown;
  readonly name?: unknown;
  readonly errors?: unknown;
}

const socketReasons: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EACCES: "permission denied",
  ENOENT: "no such file or directory",
};

function firstMessageLine(error: ErrorShape): string {
  const message = typeof error.message === "string" ? error.message : "";
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
}

/**
 * Why a connection failed, as one short phrase, or undefined when `error` does not look like a
 * connection failure at all (then it is something else: a bug, a bad entity).
 */
export function describeConnectionFailure(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const shape = error as ErrorShape;
  // Dual-stack connects (`localhost` → ::1 and 127.0.0.1) fail with an AggregateError whose own
  // message is empty; its members say what happened.
  if (Array.isArray(shape.errors) && shape.errors.length > 0 && typeof shape.code !== "string") {
    return describeConnectionFailure(shape.errors[0]);
  }
  const code = typeof shape.code === "string" ? shape.code : undefined;
  if (code !== undefined && socketReasons[code] !== undefined) {
    return `${socketReasons[code]} (${code})`;
  }
  // pg's DatabaseError: a SQLSTATE code and a severity; its message names the user or database.
  if (code !== undefined && /^[0-9A-Z]{5}$/.test(code) && typeof shape.severity === "string") {
    return firstMessageLine(shape);
  }
  if (shape.name === "SqliteError" || (code !== undefined && code.startsWith("SQLITE_"))) {
    return firstMessageLine(shape);
  }
  const message = firstMessageLine(shape);
  if (/connection (terminated|timeout)|timeout expired|Cannot open database/i.test(message)) return message;
  if (typeof shape.syscall === "string") return message;
  return undefined;
}
