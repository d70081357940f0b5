import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { placeCachedFile } from "../lib/cache-dir.ts";
import { CHART_PNG_REFERENCE, chartPngCacheDir, chartPngPath } from "../lib/charts/feed-images.ts";

/** Puts the chart PNGs that the built feeds reference from the cache into the site. */
export function chartImages(): AstroIntegration {
  let cacheDir = "";
  return {
    name: "chart-images",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = chartPngCacheDir(config.cacheDir);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const feeds = (await readdir(outDir, { recursive: true })).filter((file) => /(?:rss\.xml|feed\.json)$/.test(file));
        // Each chart image with the first feed that shows it, to name in an error.
        const shownIn = new Map<string, string>();
        for (const feed of feeds) {
          for (const match of (await readFile(join(outDir, feed), "utf8")).matchAll(CHART_PNG_REFERENCE)) {
            if (match[1] && !shownIn.has(match[1])) shownIn.set(match[1], feed);
          }
        }
        if (!shownIn.size) return;
        await mkdir(join(outDir, "charts"), { recursive: true });
        for (const [hash, feed] of shownIn) {
          const cached = join(cacheDir, `${hash}.png`);
          // A feed copied from the last build (Astro's incremental build) needs the image its render left in the cache.
          if (!existsSync(cached)) {
            throw new Error(
              `${feed}: the chart image ${chartPngPath(hash)} it shows is not in the cache (${cached}); run npm run build -- --force to render every feed and page again`,
            );
          }
          placeCachedFile(cached, join(outDir, chartPngPath(hash)));
        }
        logger.info(`${shownIn.size} chart image(s) for feeds`);
      },
    },
  };
}
