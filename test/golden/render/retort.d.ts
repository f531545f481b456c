// The golden migrations import their types from "retort", as a user's migrations do. Inside
// this repository that name does not resolve, so it is declared here; the build then
// type-checks every golden file against the real `op` API.
declare module "retort" {
  export type OpApi = import("../../../src/runtime/op-api").OpApi;
  export type Migration = import("../../../src/runtime/migration-module").Migration;
}
