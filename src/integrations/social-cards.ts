import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { placeCachedFile } from "../lib/cache-dir.ts";
import { takeHandedOverCards } from "../lib/social-cards/handover.ts";
import { finishCards } from "../lib/social-cards/pool.ts";

/**
 * Puts the social cards of a static build in place: the card route started drawing what the cache
 * lacked and handed over the list (src/lib/social-cards/handover.ts); this waits for the drawing
 * and puts each card from the cache into the output.
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
        await finishCards(handover.missing);
        const outDir = fileURLToPath(dir);
        const targets = handover.cards.map(({ file, cached }) => ({ cached, target: join(outDir, file) }));
        for (const folder of new Set(targets.map(({ target }) => dirname(target)))) mkdirSync(folder, { recursive: true });
        for (const { cached, target } of targets) placeCachedFile(cached, target);
        const { cards, missing } = handover;
        logger.info(`${cards.length} social cards: ${missing.length} rendered, ${cards.length - missing.length} reused`);
      },
    },
  };
}
