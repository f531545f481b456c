/**
 * Wraps a pure function of a string so that each distinct text is worked out once. Catalog
 * readers call such functions with a handful of spellings thousands of times (every column's
 * type and default); the memory stays bounded by forgetting everything once `limit` texts are
 * held. Only for functions whose result depends on the text alone and is never mutated.
 */
export function rememberByText<T>(compute: (text: string) => T, limit = 1000): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined && !results.has(text)) {
      if (results.size >= limit) results.clear();
      result = compute(text);
      results.set(text, result);
    }
    return result as T;
  };
}
