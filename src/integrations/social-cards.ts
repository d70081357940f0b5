import { constants } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { takeHandedOverCards } from "../lib/social-cards/handover.ts";

/**
 * Puts the social cards of a static build in place: the card route drew what the cache lacked and
 * handed over the list (src/lib/social-cards/handover.ts); this copies each card into the output.
 */
export function socialCards(): AstroIntegration {
  return {
    name: "social-cards",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const handover = await takeHandedOverCards(dir);
        if (!handover) {
          throw new Error("No social cards were handed over: src/pages/og/[slug].png.ts lists them for the build");
        }
        const outDir = fileURLToPath(dir);
        const targets = handover.cards.map(({ file, cached }) => ({ cached, target: join(outDir, file) }));
        for (const folder of new Set(targets.map(({ target }) => dirname(target)))) await mkdir(folder, { recursive: true });
        // A copy-on-write clone where the file system has them, a plain copy elsewhere.
        await Promise.all(targets.map(({ cached, target }) => copyFile(cached, target, constants.COPYFILE_FICLONE)));
        logger.info(`${handover.cards.length} social cards: ${handover.rendered} rendered, ${handover.reused} reused`);
      },
    },
  };
}
