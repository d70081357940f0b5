import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type CardData, cardError, cardFile, drawCard, storeCard } from "./render.ts";

/**
 * Cards drawn at once. The renderer and sharp work on libuv's threads, off the main thread, and
 * each card also waits on the disk, so two per core keep every core drawing.
 */
export const CARD_CONCURRENCY = availableParallelism() * 2;

/**
 * Draws every card that is not cached yet, `concurrency` at a time; cards with the same
 * inputs share one file and are drawn once.
 */
export async function prerenderCards(
  cards: CardData[],
  cacheDir: string,
  concurrency = CARD_CONCURRENCY,
): Promise<{ files: string[]; rendered: number; reused: number }> {
  const files = await Promise.all(cards.map((card) => cardFile(card, cacheDir)));
  const missing = new Map<string, CardData>();
  cards.forEach((card, index) => {
    const file = files[index] ?? "";
    if (!missing.has(file) && !existsSync(file)) missing.set(file, card);
  });
  const queue = [...missing];
  const draw = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [file, card] = job;
      try {
        await storeCard(file, await drawCard(card));
      } catch (error) {
        queue.length = 0;
        throw new Error(cardError(card, error instanceof Error ? error.message : String(error)), { cause: error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.size) }, draw));
  return { files, rendered: missing.size, reused: cards.length - missing.size };
}
