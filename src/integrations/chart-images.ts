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
        const hashes = new Set<string>();
        for (const feed of feeds) {
          for (const match of (await readFile(join(outDir, feed), "utf8")).matchAll(CHART_PNG_REFERENCE)) {
            if (match[1]) hashes.add(match[1]);
          }
        }
        if (!hashes.size) return;
        await mkdir(join(outDir, "charts"), { recursive: true });
        for (const hash of hashes) {
          placeCachedFile(join(cacheDir, `${hash}.png`), join(outDir, chartPngPath(hash)));
        }
        logger.info(`${hashes.size} chart image(s) for feeds`);
      },
    },
  };
}
