/**
 * retort's public API: the types a migration file uses, and the pieces a program can call
 * directly (the readers, the diff, the renderer).
 */
export type { OpApi, ExecuteArgs, OpApiExtras } from "./runtime/op-api";
export { collectOperations } from "./runtime/op-api";
export type { Migration, MigrationModule } from "./runtime/migration-module";
export type {
  TableRef,
  NameRef,
  TypeSpec,
  ColumnSpec,
  ColumnDefinitionSpec,
  TableSpec,
  PrimaryKeySpec,
  IndexSpec,
  UniqueSpec,
  ForeignKeySpec,
  CheckSpec,
  ExclusionSpec,
  EnumSpec,
  ViewSpec,
  AlterColumnSpec,
  AlterEnumSpec,
  EnumUsageSpec,
  TableCommentSpec,
  ExecuteOptions,
  ExecuteReverseSpec,
} from "./ops/spec";
export type * from "./model/types";
export type { Operation, OperationKind } from "./ops/types";
export { readEntityModel } from "./metadata";
export { dialects } from "./dialects";
export { diffModels } from "./diff";
export { renderMigrationFile, formatMigration, renderFormattedMigration } from "./render";
