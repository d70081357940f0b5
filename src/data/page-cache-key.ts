import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheDir, outDir, publicDir, root, srcDir } from "astro:config/server";
import { DigestMemo, filesDigest, nearestFile } from "../lib/build-fingerprint.ts";
import { cacheFolder } from "../lib/cache-dir.ts";
import { HANDOVERS, handOver } from "../lib/build-handover.ts";
import { site } from "../site.config.ts";
import { buildMode, getPostsWithPages, perBuild } from "./posts.ts";

/** Raised when what goes into the key changes shape, so that no page of an older build is reused. */
const KEY_VERSION = "1";

/**
 * The cacheKey of every page route for Astro's incremental build (`experimental.incrementalBuild`
 * in astro.config.mjs): a page whose key and code are unchanged since the last build is copied
 * from Astro's cache instead of rendered. One key serves the whole site, because a page shows
 * more than its own post (related posts, neighbours, series, tags, the header's pages, and every
 * post's title and date in the lists), and it covers everything a page can show: every file in
 * `src/` (code, styles, words and content) and `public/` (image sizes in `srcset`), the config
 * files and the lockfile, Node's version, the settings as this build resolved them (environment
 * variables included), the build mode, which posts this build publishes and how (drafts,
 * scheduled and unlisted posts change with the clock), and the year in the footer. So a build with nothing changed renders no post
 * page, and any change renders them all, as without the cache. The search index is kept under the
 * same key: the same key means the same pages.
 */
export const getPageCacheKey = perBuild(async () => {
  const rootDir = fileURLToPath(root);
  // Every config file (a build may name another with --config), and the installed packages by their
  // lockfile, wherever npm keeps it: a new Astro may render the same page differently.
  const projectFiles = readdirSync(rootDir)
    .filter((name) => /^astro\.[\w.-]+\.[cm]?[jt]s$|^package\.json$|^tsconfig\.json$/.test(name))
    .map((name) => join(rootDir, name));
  const lockfile = nearestFile(rootDir, "package-lock.json");
  const published = (await getPostsWithPages()).map((post) => [post.slug, post.status, post.listed, post.indexable]);
  const memo = new DigestMemo(cacheFolder(cacheDir, "file-digests.json"));
  const files = filesDigest([fileURLToPath(srcDir), fileURLToPath(publicDir), ...projectFiles], rootDir, memo);
  memo.save();
  return createHash("sha256")
    .update(
      JSON.stringify({
        version: KEY_VERSION,
        files,
        lockfile: lockfile ? filesDigest([lockfile], dirname(lockfile)) : undefined,
        // Dates and numbers are formatted by Node's ICU data, which a new Node, or the system's ICU, may change.
        node: [process.version, process.versions.icu, process.versions.unicode, process.versions.tz],
        site,
        mode: buildMode,
        published,
        year: new Date().getFullYear(),
      }),
    )
    .digest("hex");
});

/** Hands the search integration the key, so that it can tell the pages are unchanged without reading them. */
export async function handOverPageCacheKey(): Promise<void> {
  if (import.meta.env.DEV) return;
  await handOver(outDir, HANDOVERS.pageCacheKey, await getPageCacheKey());
}

/** The paths a page route builds, each given the site's cacheKey; in dev, where no page is reused, as they are. */
export async function reusable<Path extends object>(paths: Path[]): Promise<(Path & { cacheKey?: string })[]> {
  if (import.meta.env.DEV) return paths;
  const cacheKey = await getPageCacheKey();
  return paths.map((path) => ({ ...path, cacheKey }));
}
