import type { EntitySchema } from "typeorm";
import type { DialectName } from "../../../../src/dialects/dialect";

/** A few entities the agreement test synchronizes and reads back on the listed dialects. */
export interface EntitySet {
  readonly name: string;
  readonly dialects: readonly DialectName[];
  readonly entities: readonly (Function | EntitySchema<any>)[];
  /** Extra DataSource options (e.g. `uuidExtension`). */
  readonly dataSourceOptions?: Record<string, unknown>;
  /** SQL run after `initialize()`, before `synchronize()`, per dialect. */
  readonly setupSql?: Partial<Record<DialectName, readonly string[]>>;
}
