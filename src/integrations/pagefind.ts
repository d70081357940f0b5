import { createHash } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { existsSync, readFileSync, renameSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { close, createIndex, type PagefindIndex } from "pagefind";
import { HANDOVERS, takeHandedOver } from "../lib/build-handover.ts";
import { cacheFolder, keepNewest, markUsed, placeCachedFolder } from "../lib/cache-dir.ts";
import { routeOfFile, routePath, type TrailingSlash } from "../lib/paths/routes.ts";
import { isSearchablePage } from "../lib/search/indexing.ts";

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
 * The index is kept in Astro's cache folder under the site's page cache key
 * (src/data/page-cache-key.ts, handed over by the content route), which
 * changes whenever anything a page shows changes: a rebuild under the same
 * key has the same pages, so it links the index into place without reading
 * or indexing a page (see `KEPT_INDEXES`).
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
        // Taken in every build, so the key never stays in the output.
        const pageKey = await takeHandedOver<string>(dir, HANDOVERS.pageCacheKey);
        if (pageKey === undefined) throw new Error("No page cache key was handed over: src/pages/[...entry].astro hands it over");
        const outDir = fileURLToPath(dir);
        const output = join(outDir, "pagefind");
        const cached = join(
          cacheRoot,
          createHash("sha256").update(`${PAGEFIND_VERSION}\0${trailingSlash}\0${pageKey}`).digest("hex"),
        );
        // `astro build --force` renders every page again; the index is made again with them.
        if (existsSync(cached) && !process.argv.includes("--force")) {
          placeCachedFolder(cached, output);
          markUsed(cached);
          logger.info(`Search index: ${pagesIn(indexedPageCount(output))} (reused)`);
          return;
        }
        const { index, errors } = await createIndex();
        check("start", errors);
        if (!index) throw new Error("Pagefind failed to start: no index was created");
        let indexed = 0;
        try {
          indexed = await addSearchablePages(index, outDir, trailingSlash);
          check("write the index", (await index.writeFiles({ outputPath: output })).errors);
        } finally {
          await close();
        }
        // Linked, as the reuse above links back: Pagefind wrote every file new, and nothing rewrites one in place.
        // Placed beside and renamed, so a build stopped halfway never leaves an index that looks whole.
        const partial = `${cached}.partial`;
        await rm(partial, { recursive: true, force: true });
        placeCachedFolder(output, partial);
        // Under --force an index of the same key is there already; this one replaces it.
        await rm(cached, { recursive: true, force: true });
        renameSync(partial, cached);
        markUsed(cached);
        keepNewest(cacheRoot, KEPT_INDEXES);
        logger.info(`Search index: ${pagesIn(indexed)}`);
      },
    },
  };
}

/**
 * Gives Pagefind every searchable page under `outDir`, in file order, and says how many.
 * Pages are sent without waiting for each answer, so Node reads the next page while Pagefind
 * parses this one; Pagefind takes them in the order they were sent, so the index is the same
 * as one given page by page.
 */
export async function addSearchablePages(index: PagefindIndex, outDir: string, trailingSlash: TrailingSlash): Promise<number> {
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  for (const file of await htmlFiles(outDir)) {
    const content = await readFile(file, "utf8");
    if (!isSearchablePage(content)) continue;
    // The URL is the page's path below the site root, as the site links it; pagefind.js adds the base path when it is served.
    const url = routePath(routeOfFile(relative(outDir, file).split(sep).join("/")), { base: "/", trailingSlash });
    const added = index.addHTMLFile({ url, content }).then((response) => check(`index ${url}`, response.errors));
    // Awaited below in its turn; until then a failure must not count as unhandled.
    added.catch(() => {});
    inFlight.push(added);
    sent += 1;
    // A few pages in flight keep both sides busy; more would only hold more pages in memory.
    if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
  return sent;
}

/** Pages sent to Pagefind before the first is answered: 8 and 64 built a 10,000-page index equally fast, 1 took 1.7× as long. */
const PAGES_IN_FLIGHT = 8;

/**
 * Indexes kept in the cache: the production build's and the preview build's, so that building one
 * does not throw away the other's. An older index would only match if old pages came back.
 */
const KEPT_INDEXES = 2;

const pagesIn = (count: number) => `${count} ${count === 1 ? "page" : "pages"} in pagefind/`;

/** How many pages an index holds, from Pagefind's own entry file: a reused index is not read page by page. */
function indexedPageCount(index: string): number {
  const entry = JSON.parse(readFileSync(join(index, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/** Pagefind's version, part of the cache key: a new Pagefind writes a different index. */
const PAGEFIND_VERSION = (() => {
  // The package does not export its package.json, so find it above the entry point.
  let dir = dirname(fileURLToPath(import.meta.resolve("pagefind")));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return String(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version);
})();
