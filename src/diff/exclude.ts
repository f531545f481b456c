import { qualifiedName } from "../model/keys";
import type { SchemaModel } from "../model/types";

type Named = { readonly schema?: string; readonly name: string };

/**
 * Builds a predicate telling whether a table or view is excluded. A pattern matches the whole
 * bare name or the whole qualified name; `*` matches any run of characters, nothing else is
 * special.
 */
export function compileExcludes(patterns: readonly string[]): (object: Named) => boolean {
  if (patterns.length === 0) return () => false;
  const exact = new Set(patterns.filter((p) => !p.includes("*")));
  const globs = patterns.filter((p) => p.includes("*")).map(globToRegExp);
  return (object) => {
    const names = [object.name, qualifiedName(object)];
    return names.some((n) => exact.has(n) || globs.some((g) => g.test(n)));
  };
}

/** The model without excluded tables and views. */
export function withoutExcluded(model: SchemaModel, patterns: readonly string[]): SchemaModel {
  if (patterns.length === 0) return model;
  const excluded = compileExcludes(patterns);
  return {
    ...model,
    tables: model.tables.filter((t) => !excluded(t)),
    views: model.views.filter((v) => !excluded(v)),
  };
}

function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`);
}
