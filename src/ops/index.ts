export type * from "./types";
export { reverse, reverseAll, isReversible } from "./reverse";
export { applyAll, applyOperation, type ApplyOptions } from "./apply";
export {
  hazards,
  hazardsOf,
  type Hazard,
  type HazardLevel,
  type OperationHazards,
} from "./hazards";
export { classifyTypeChange, type TypeChange, type TypeChangeClass } from "./type-change";
export { describeOperation, operationTable, type QualifiedObject } from "./describe";
export { IrreversibleOperationError, InvalidOperationError } from "../util/errors";
export { chunkOperations } from "./chunk";
