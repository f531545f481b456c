/**
 * Turns whatever loading a user file threw into a one-line `LoadError` naming the file (relative
 * to the working directory): a syntax error, a missing module, or an exception thrown by the
 * module's top-level code.
 */
import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { LoadError, RetortError, messageOf } from "../util/errors";
import { moduleThatThrew } from "./require-hook";
import { parseSyntaxErrorMessage } from "./transpile";

/** `file` relative to `cwd` when it lies inside it, else as given. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? file : rel.split(sep).join("/");
}

/** The first line of a message, trimmed. */
export function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "")?.trim() ?? "";
}

/** True when `error` is (or wraps) a failure to load a user module rather than anything else. */
export function isLoadFailure(error: unknown): boolean {
  if (error instanceof LoadError) return true;
  if (!(error instanceof Error)) return false;
  return (
    parseSyntaxErrorMessage(error.message) !== undefined ||
    moduleThatThrew(error) !== undefined ||
    isModuleNotFound(error) ||
    thrownByEsmEvaluation(error)
  );
}

/**
 * True when the error escaped the top-level code of an ES module: Node's module job is on the
 * stack. (CommonJS evaluation is seen by the require hook instead.)
 */
function thrownByEsmEvaluation(error: Error): boolean {
  return /\bat (async )?ModuleJob\.run\b/.test(error.stack ?? "");
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND";
}

/**
 * The user file an exception came from, by its stack: the first frame inside `cwd` that is not
 * in `node_modules`. Used for ES modules, whose evaluation the require hook does not see.
 */
function fileFromStack(error: unknown, cwd: string): string | undefined {
  const stack = error instanceof Error ? error.stack : undefined;
  if (stack === undefined) return undefined;
  for (const match of stack.matchAll(/\(?((?:file:\/\/)?\/[^\s():]+):\d+:\d+\)?/g)) {
    const location = match[1]!;
    const file = location.startsWith("file:") ? fileURLToPath(location) : location;
    if (!file.startsWith(cwd + sep) || file.includes(`${sep}node_modules${sep}`)) continue;
    return file;
  }
  return undefined;
}

/**
 * Translates an error thrown while loading `entry` (or a module it imports) into a `LoadError`.
 * RetortErrors pass through unchanged.
 */
export function toLoadError(error: unknown, entry: string, cwd: string): RetortError {
  if (error instanceof RetortError) return error;
  const message = messageOf(error);
  const syntax = parseSyntaxErrorMessage(message);
  if (syntax !== undefined) {
    return new LoadError(syntax.file, `${displayPath(syntax.file, cwd)}: SyntaxError: ${syntax.detail}`, { cause: error });
  }
  if (isModuleNotFound(error)) {
    // ESM says who imported the missing module; CommonJS errors are tagged by the require hook.
    const importer = /imported from (\S+)\s*$/.exec(firstLine(message))?.[1];
    const file = moduleThatThrew(error) ?? importer ?? entry;
    const detail = firstLine(message)
      .replace(/^Error:\s*/, "")
      .replace(/\s*imported from \S+\s*$/, "")
      .split(cwd + sep)
      .join("");
    return new LoadError(file, `${displayPath(file, cwd)}: ${detail}`, { cause: error });
  }
  const file = moduleThatThrew(error) ?? fileFromStack(error, cwd) ?? entry;
  const shown = displayPath(file, cwd);
  const name = error instanceof Error ? error.name : "thrown value";
  return new LoadError(file, `${shown} threw while loading: ${name}: ${firstLine(message)}`, { cause: error });
}
