/** The migrations folder: static headers, file names, ids, writing new files. */
export { readRevisionHeaders, checkMigrationsDir } from "./read-headers";
export { scanRevisionHeader } from "./scan-header";
export { formatFileTimestamp, isMigrationFileName, MAX_SLUG_LENGTH, migrationFileName, slugify } from "./file-names";
export { newRevisionId } from "./new-id";
export { writeMigrationFile } from "./write-file";
