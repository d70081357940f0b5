import { constants, copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder a cache of this site keeps inside Astro's cache folder (the
 * `cacheDir` setting; node_modules/.astro unless the config says otherwise).
 * Pages read `cacheDir` from `astro:config/server`, integrations from the
 * `astro:config:done` hook, and the card renderer is given the resolved path.
 */
export function cacheFolder(cacheDir: URL | string, name: string): string {
  return join(cacheDir instanceof URL ? fileURLToPath(cacheDir) : cacheDir, name);
}

/** Errors with which a file system refuses a hard link it cannot make (another device, no links, too many). */
const LINK_REFUSED = new Set(["EXDEV", "EPERM", "ENOTSUP", "EOPNOTSUPP", "EMLINK", "ENOSYS"]);

export type LinkFile = (existing: string, created: string) => void;

/**
 * Puts a cached file into the build output as a hard link to it: copying 10,000 social cards took
 * seconds, linking them a tenth of one. A link shares the file with the cache, which is safe because
 * the caches never change a file in place: each is written beside and renamed, or into a fresh
 * folder. Where the file system refuses links (the cache on another disk, say), the file is copied,
 * as a copy-on-write clone where the file system has them. A file already at `target` (one of
 * `public/` at the same address) is replaced, as a copy would have replaced it.
 */
export function placeCachedFile(cached: string, target: string, link: LinkFile = linkSync): void {
  try {
    linkOrCopy(cached, target, link);
  } catch (error) {
    if (errorCode(error) !== "EEXIST") throw error;
    rmSync(target);
    linkOrCopy(cached, target, link);
  }
}

function linkOrCopy(cached: string, target: string, link: LinkFile): void {
  try {
    link(cached, target);
  } catch (error) {
    if (!LINK_REFUSED.has(errorCode(error))) throw error;
    copyFileSync(cached, target, constants.COPYFILE_FICLONE);
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? "";

/** `placeCachedFile` for every file below `cachedFolder`, into the same places below `targetFolder`. */
export function placeCachedFolder(cachedFolder: string, targetFolder: string, link: LinkFile = linkSync): void {
  const made = new Set<string>();
  for (const entry of readdirSync(cachedFolder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const cached = join(entry.parentPath, entry.name);
    const target = join(targetFolder, relative(cachedFolder, cached));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    placeCachedFile(cached, target, link);
  }
}

/** Marks a cache entry as just used, for `keepNewest`. */
export function markUsed(entry: string): void {
  const now = new Date();
  utimesSync(entry, now, now);
}

/** Removes all but the `count` most recently used entries of a cache folder. */
export function keepNewest(folder: string, count: number): void {
  const byUse = readdirSync(folder)
    .map((name) => ({ path: join(folder, name), used: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const stale of byUse.slice(count)) rmSync(stale.path, { recursive: true, force: true });
}
