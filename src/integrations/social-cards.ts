import { constants } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { takeHandedOverCards } from "../lib/social-cards/handover.ts";
import { prerenderCards } from "../lib/social-cards/pool.ts";
import { cardCacheDir } from "../lib/social-cards/render.ts";

/**
 * Writes the social cards of a static build: the card route hands over the list, this draws the
 * cards the cache lacks (unchanged ones are never redrawn) and copies each into the output.
 */
export function socialCards(): AstroIntegration {
  let cacheDir: URL | undefined;
  return {
    name: "social-cards",
    hooks: {
      "astro:config:done": ({ config }) => {
        cacheDir = config.cacheDir;
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!cacheDir) return;
        const orders = await takeHandedOverCards(cacheDir, dir);
        if (!orders) {
          throw new Error("No social cards were handed over: src/pages/og/[slug].png.ts lists them for the build");
        }
        const { files, rendered, reused } = await prerenderCards(
          orders.map(({ card }) => card),
          cardCacheDir(cacheDir),
        );
        const outDir = fileURLToPath(dir);
        const targets = orders.map(({ file }) => join(outDir, file));
        for (const folder of new Set(targets.map((target) => dirname(target)))) await mkdir(folder, { recursive: true });
        // A copy-on-write clone where the file system has them, a plain copy elsewhere.
        await Promise.all(targets.map((target, index) => copyFile(files[index] ?? "", target, constants.COPYFILE_FICLONE)));
        logger.info(`${orders.length} social cards: ${rendered} rendered, ${reused} reused`);
      },
    },
  };
}
