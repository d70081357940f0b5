import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, realpathSync, type Stats, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";

/** A link to nothing, or to itself (an editor's lock file beside a post, say), is no file of the project. */
function followedStat(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if (["ENOENT", "ELOOP"].includes((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw error;
  }
}

/**
 * Every file at or below each path (a folder or a file; missing ones are skipped), sorted. Linked
 * folders are followed, as Astro's content loader follows them, each real folder once.
 */
export function filesBelow(paths: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string) => {
    const stats = followedStat(path);
    if (!stats) return;
    if (stats.isFile()) {
      files.add(path);
      return;
    }
    if (!stats.isDirectory()) return;
    const real = realpathSync(path);
    if (seen.has(real)) return;
    seen.add(real);
    // Sorted, so a folder linked in twice is recorded under the same path on every machine.
    for (const name of readdirSync(path).sort()) visit(join(path, name));
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return [...files].sort();
}

/**
 * A digest of the files at or below `paths` by their path below `root` and their content, in a
 * fixed order: it changes when any file is added, removed, renamed or edited, and only then, so
 * the same files on another machine or in a fresh clone give the same digest.
 */
export function filesDigest(paths: readonly string[], root: string): string {
  const hash = createHash("sha256");
  for (const file of filesBelow(paths)) {
    hash.update(relative(root, file).split(sep).join("/")).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** The nearest `name` at or above `dir` (a lockfile may sit at a workspace's root); undefined when there is none. */
export function nearestFile(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return undefined;
  }
}
