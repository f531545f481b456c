import { catalogSet } from "./catalog";
import type { EntitySet } from "./entity-set";
import { extrasSet } from "./extras";
import { postgresOnlySet } from "./postgres-only";
import { shopSet } from "./shop";

export type { EntitySet } from "./entity-set";

/** Every entity set the agreement test runs. */
export const entitySets: readonly EntitySet[] = [shopSet, catalogSet, extrasSet, postgresOnlySet];
