import type { SecretSet } from "../config/secrets";
import type { AsyncRenameResolver } from "../diff/options";
import type { Reporter } from "./reporter";

/** What every command receives besides its own options: its surroundings, injected. */
export interface CommandContext {
  /** The project directory; relative paths and messages are relative to it. */
  readonly cwd: string;
  /** The environment (DATABASE_URL). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly reporter: Reporter;
  /** Passwords learned while loading the DataSource; the CLI scrubs them from all output. */
  readonly secrets: SecretSet;
  /** Asks the user whether a dropped table or column was renamed; only on an interactive terminal. */
  readonly askRenames?: AsyncRenameResolver;
}
