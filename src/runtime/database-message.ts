import { messageOf } from "../util/errors";

/**
 * The database's one-line message, with what to do where it is not obvious: PostgreSQL runs
 * out of lock slots when one transaction creates or alters thousands of tables.
 * https://www.postgresql.org/docs/current/runtime-config-locks.html
 */
export function databaseMessage(error: unknown): string {
  const message = messageOf(error).split("\n")[0] ?? "";
  if (/out of shared memory/i.test(message)) {
    return `${message} (one transaction took more locks than max_locks_per_transaction allows: split this migration into several revisions, or raise max_locks_per_transaction)`;
  }
  return message;
}

