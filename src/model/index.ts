export type * from "./types";
export { emptyModel } from "./types";
export { qualifiedName, compareStrings, sortBy, keyBy } from "./keys";
export { sortModel, sortTable } from "./sort";
export { compareModels, stableJson, columnsEqual } from "./compare";
