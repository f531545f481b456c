/**
 * Passwords retort has seen (in DATABASE_URL or the DataSource options), so that every line it
 * prints can be scrubbed of them: messages, driver errors, stacks printed with `--verbose`.
 * The CLI creates one per run and passes it down; nothing is global.
 */

/** The text shown in place of a secret. */
export const secretMask = "***";

/** Masks the password of every `scheme://user:password@` in `text`. */
export function maskUrlPasswords(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]*)@/gi, `$1${secretMask}@`);
}

/** A set of secrets and the scrubbing of them from text. */
export class SecretSet {
  private readonly secrets = new Set<string>();

  /** Remembers a secret (ignores empty values), in its raw and URL-encoded spellings. */
  add(secret: string | undefined | null): void {
    if (typeof secret !== "string" || secret === "") return;
    this.secrets.add(secret);
    this.secrets.add(encodeURIComponent(secret));
    try {
      this.secrets.add(decodeURIComponent(secret));
    } catch {
      // not valid percent-encoding: the raw spelling is all there is
    }
  }

  /** `text` with URL passwords masked and every known secret replaced by `***`. */
  redact(text: string): string {
    let result = maskUrlPasswords(text);
    // Longest first, so that a secret containing another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      result = result.split(secret).join(secretMask);
    }
    return result;
  }
}
