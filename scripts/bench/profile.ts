/**
 * Summaries of V8 CPU profiles (`node --cpu-prof`): self time by area (retort's source folders,
 * npm packages, Node internals, GC), the top functions by self time, and retort's own functions
 * by inclusive time (what the time is spent under), which is what points at a fix.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface TimedEntry {
  readonly name: string;
  readonly ms: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly byArea: readonly TimedEntry[];
  readonly topSelf: readonly TimedEntry[];
  readonly retortInclusive: readonly TimedEntry[];
}

/** The area a script URL belongs to. */
export function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName === "" ? "(native)" : functionName;
  if (url.startsWith("node:")) return "node internals";
  // The count hook wraps the drivers' native calls: its self time is the database's work.
  if (url.includes("count-hook")) return "native SQL driver calls";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return pkg[1]!;
  const own = /\/dist\/(src\/[^/]+)/.exec(url);
  if (own !== null) return `retort ${own[1]}`;
  if (url.includes("/entities/") || url.endsWith("ormconfig.js")) return "project entities";
  return "other";
}

function shortUrl(url: string): string {
  const pkg = /node_modules\/(.*)$/.exec(url);
  if (pkg !== null) return pkg[1]!;
  const own = /\/dist\/(.*)$/.exec(url);
  if (own !== null) return own[1]!;
  return url.replace(/^file:\/\//, "");
}

function frameKey(frame: CallFrame): string {
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  return frame.url === "" ? name : `${name} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function top(map: ReadonlyMap<string, number>, count: number): TimedEntry[] {
  return [...map.entries()]
    .map(([name, micros]) => ({ name, ms: micros / 1000 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count);
}

/** Summarises one profile. */
export function summariseProfile(profile: CpuProfile, count = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    self.set(id, (self.get(id) ?? 0) + delta);
    total += delta;
  });
  const byArea = new Map<string, number>();
  const bySelf = new Map<string, number>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame.url, frame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + micros);
    bySelf.set(frameKey(frame), (bySelf.get(frameKey(frame)) ?? 0) + micros);
  }
  const inclusive = new Map<string, number>();
  const totals = new Map<number, number>();
  const totalOf = (id: number): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const sum = (self.get(id) ?? 0) + (node.children ?? []).reduce((acc, child) => acc + totalOf(child), 0);
    totals.set(id, sum);
    return sum;
  };
  // Iterative walk (profiles can be deeper than the JS stack allows to recurse comfortably).
  const root = profile.nodes[0];
  if (root !== undefined) {
    const order: ProfileNode[] = [];
    const collect: ProfileNode[] = [root];
    while (collect.length > 0) {
      const node = collect.pop()!;
      order.push(node);
      for (const child of node.children ?? []) collect.push(byId.get(child)!);
    }
    for (const node of order.reverse()) totalOf(node.id);
    const walk: { node: ProfileNode; ancestors: ReadonlySet<string> }[] = [{ node: root, ancestors: new Set() }];
    while (walk.length > 0) {
      const { node, ancestors } = walk.pop()!;
      const key = frameKey(node.callFrame);
      const isOwn = node.callFrame.url.includes("/dist/src/");
      let next = ancestors;
      if (isOwn && !ancestors.has(key)) {
        inclusive.set(key, (inclusive.get(key) ?? 0) + totalOf(node.id));
        next = new Set(ancestors).add(key);
      }
      for (const child of node.children ?? []) walk.push({ node: byId.get(child)!, ancestors: next });
    }
  }
  return { totalMs: total / 1000, byArea: top(byArea, count), topSelf: top(bySelf, count), retortInclusive: top(inclusive, count + 4) };
}

/** Reads the main thread's profile from a `--cpu-prof-dir` (the largest file there). */
export function readProfileDir(dir: string): CpuProfile {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => join(dir, name))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  return JSON.parse(readFileSync(files[0]!, "utf8")) as CpuProfile;
}
