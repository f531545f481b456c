export { readEntityModel } from "./read-entity-model";
export type { ReadEntityModelOptions } from "./read-entity-model";
export { listTypeormTables } from "./bookkeeping";
export { typeormBehaviours } from "./dialect-behaviour";
export type { TypeormBehaviour } from "./dialect-behaviour";
