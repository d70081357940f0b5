import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { type CardData, cardFile, drawCard, storeCard } from "./render.ts";

/**
 * The cover was checked when the post was loaded, so a failure here is damage inside the image
 * data; the post's file and the cover's path come first, the image library's words last.
 */
function cardError(card: CardData, detail: string): string {
  const post = card.sourceFile ?? `"${card.title}"`;
  if (!card.coverPath) return `${post}: the social card could not be drawn: ${detail}`;
  const cover = relative(process.cwd(), card.coverPath);
  return `${post}: cover_image: "${cover}" cannot be drawn on the social card: the image data is damaged, so export or copy the image again (${detail})`;
}

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
