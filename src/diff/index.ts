export { diffModels, diffModelsAsync } from "./diff-models";
export type {
  AsyncDiffOptions,
  AsyncRenameResolver,
  DiffOptions,
  RenamePair,
  RenameResolver,
} from "./options";
export { renamesFromList, type ListRenameResolver } from "./rename-list";
export { compileExcludes } from "./exclude";
