/** Operations → migration file text, then prettier with the user's configuration. */
export { renderMigrationFile, type MigrationFileInput, type MigrationHeader } from "./migration-file";
export { renderOperationCall } from "./operation-call";
export { formatMigration } from "./format";
