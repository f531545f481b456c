/** Marks a branch the type checker proves unreachable; throws loudly if reached at run time. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
