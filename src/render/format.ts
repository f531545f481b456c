import { ConfigError } from "../util/errors";

/**
 * Formats a rendered migration with prettier and the user's configuration for `filePath`
 * (`.prettierrc`, `package.json#prettier`, overrides, `.editorconfig`), as TypeScript.
 * Prettier is loaded only here, on first use: it is large and most commands never format.
 * @param filePath where the file will be written; config is resolved from there.
 * @throws ConfigError when prettier cannot load the configuration or format the text.
 */
export async function formatMigration(text: string, filePath: string): Promise<string> {
  const prettier = await import("prettier");
  try {
    const config = (await prettier.resolveConfig(filePath, { editorconfig: true })) ?? {};
    return await prettier.format(text, { ...config, filepath: filePath, parser: "typescript" });
  } catch (error) {
    throw new ConfigError(`Cannot format ${filePath} with prettier: ${(error as Error).message}`, { cause: error });
  }
}
