import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { existsSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex } from "pagefind";
import { cacheFolder, keepNewest, markUsed, placeCachedFolder } from "../lib/cache-dir.ts";
import { routeOfFile, routePath, type TrailingSlash } from "../lib/paths/routes.ts";
import { indexedMarkup, isSearchablePage } from "../lib/search/indexing.ts";

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return (
    entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
      .map((entry) => join(entry.parentPath, entry.name))
      // Directory order varies between file systems; a fixed order gives the same index for the same site.
      .sort()
  );
}

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join("\n  ")}`);
}

/**
 * Builds the static search index into `<outDir>/pagefind/` after every build.
 * Only pages that are marked for search and not `noindex` are given to
 * Pagefind (see `isSearchablePage`), so a build where nothing qualifies,
 * such as a preview build, gets an empty index rather than one of every page.
 * The index is kept in Astro's cache folder under a hash of the pages it was
 * made from, so a rebuild whose searchable pages did not change links it
 * into place instead of indexing every page again (see `KEPT_INDEXES`).
 */
export function pagefindSearch(): AstroIntegration {
  let cacheRoot = "";
  let trailingSlash: TrailingSlash = "always";
  return {
    name: "pagefind-search",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheRoot = cacheFolder(config.cacheDir, "pagefind");
        trailingSlash = config.trailingSlash === "never" ? "never" : "always";
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const output = join(outDir, "pagefind");
        // Only the file names are kept: a large blog's pages, held together, would be most of the build's memory.
        const pages: { url: string; file: string }[] = [];
        const hash = createHash("sha256").update(PAGEFIND_VERSION);
        for (const file of await htmlFiles(outDir)) {
          const content = await readFile(file, "utf8");
          if (!isSearchablePage(content)) continue;
          // The URL is the page's path below the site root, as the site links it; pagefind.js adds the base path when it is served.
          const url = routePath(routeOfFile(relative(outDir, file).split(sep).join("/")), { base: "/", trailingSlash });
          pages.push({ url, file });
          hash.update(url).update("\0").update(content).update("\0");
        }
        const cached = join(cacheRoot, hash.digest("hex"));
        const summary = `${pages.length} ${pages.length === 1 ? "page" : "pages"} in pagefind/`;
        if (existsSync(cached)) {
          placeCachedFolder(cached, output);
          markUsed(cached);
          logger.info(`Search index: ${summary} (reused)`);
          return;
        }
        const { index, errors } = await createIndex();
        check("start", errors);
        if (!index) throw new Error("Pagefind failed to start: no index was created");
        try {
          for (const { url, file } of pages) {
            check(
              `index ${url}`,
              (await index.addHTMLFile({ url, content: indexedMarkup(await readFile(file, "utf8")) })).errors,
            );
          }
          check("write the index", (await index.writeFiles({ outputPath: output })).errors);
        } finally {
          await close();
        }
        // Linked, as the reuse above links back: Pagefind wrote every file new, and nothing rewrites one in place.
        // Placed beside and renamed, so a build stopped halfway never leaves an index that looks whole.
        const partial = `${cached}.partial`;
        await rm(partial, { recursive: true, force: true });
        placeCachedFolder(output, partial);
        renameSync(partial, cached);
        markUsed(cached);
        keepNewest(cacheRoot, KEPT_INDEXES);
        logger.info(`Search index: ${summary}`);
      },
    },
  };
}

/**
 * Indexes kept in the cache: the production build's and the preview build's, so that building one
 * does not throw away the other's. An older index would only match if old pages came back.
 */
const KEPT_INDEXES = 2;

/** Pagefind's version, part of the cache key: a new Pagefind writes a different index. */
const PAGEFIND_VERSION = (() => {
  // The package does not export its package.json, so find it above the entry point.
  let dir = dirname(fileURLToPath(import.meta.resolve("pagefind")));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return String(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version);
})();
