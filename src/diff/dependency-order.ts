/** One dependency: `from` needs `to` to exist first. */
export interface Dependency<E> {
  readonly to: string;
  readonly edge: E;
}

export interface DependencyOrder<E> {
  /** Every key, each after the keys it depends on (except through `cycleEdges`). */
  readonly order: string[];
  /** Edges left unsatisfied because they close a cycle; the caller must break them. */
  readonly cycleEdges: E[];
}

/**
 * Orders `keys` so that each comes after what it depends on: a depth-first search in the
 * given key order (so the result is deterministic), iterative so long chains cannot overflow
 * the stack. Dependencies on keys outside `keys`, and on the key itself, are ignored. An edge
 * reaching a key still being visited closes a cycle and is reported in `cycleEdges`.
 */
export function orderByDependencies<E>(
  keys: readonly string[],
  dependenciesOf: (key: string) => readonly Dependency<E>[],
): DependencyOrder<E> {
  const state = new Map<string, "new" | "visiting" | "done">(keys.map((k) => [k, "new"]));
  const order: string[] = [];
  const cycleEdges: E[] = [];
  for (const root of keys) {
    if (state.get(root) !== "new") continue;
    const stack = [{ key: root, deps: dependenciesOf(root), next: 0 }];
    state.set(root, "visiting");
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.deps.length) {
        const dep = top.deps[top.next++]!;
        const seen = state.get(dep.to);
        if (dep.to === top.key || seen === undefined || seen === "done") continue;
        if (seen === "visiting") {
          cycleEdges.push(dep.edge);
          continue;
        }
        state.set(dep.to, "visiting");
        stack.push({ key: dep.to, deps: dependenciesOf(dep.to), next: 0 });
      } else {
        stack.pop();
        state.set(top.key, "done");
        order.push(top.key);
      }
    }
  }
  return { order, cycleEdges };
}
