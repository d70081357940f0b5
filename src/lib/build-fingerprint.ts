import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Every file at or below each path (a folder or a file; missing ones are skipped), symlinks followed, sorted. */
export function filesBelow(paths: readonly string[]): string[] {
  const files = paths.flatMap((path) => {
    if (!existsSync(path)) return [];
    if (statSync(path).isFile()) return [path];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => statSync(file).isFile());
  });
  return [...new Set(files)].sort();
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
