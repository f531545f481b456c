/**
 * A frozen copy of the built retort (bin/, dist/src/, package.json, and a node_modules symlink)
 * that the measured children run: other work rebuilding dist/ during a long benchmark must
 * not change, or break, the program being measured halfway through.
 */
import { cpSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/** Copies the build into `<workDir>/retort-build` and returns that root. */
export function snapshotRetortBuild(repoRoot: string, workDir: string): string {
  const root = join(workDir, "retort-build");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(repoRoot, "bin"), join(root, "bin"), { recursive: true });
  cpSync(join(repoRoot, "dist", "src"), join(root, "dist", "src"), { recursive: true });
  cpSync(join(repoRoot, "package.json"), join(root, "package.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
  return root;
}
