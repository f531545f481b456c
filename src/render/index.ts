/** Operations → migration file text, laid out as prettier prints it, or formatted with the user's prettier configuration. */
export { renderMigrationFile, type MigrationFileInput, type MigrationHeader, type MigrationLayout } from "./migration-file";
export { renderOperationCall } from "./operation-call";
export { formatMigration, renderFormattedMigration } from "./format";
