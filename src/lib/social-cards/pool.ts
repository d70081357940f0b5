import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { type CardData, cardError, cardFile, drawCard, storeCard } from "./render.ts";

/**
 * Cards drawn at once. The renderer and sharp work on libuv's threads, off the main thread, and
 * each card also waits on the disk, so two per core keep every core drawing.
 */
export const CARD_CONCURRENCY = availableParallelism() * 2;

/**
 * Cards drawn at once while a build renders its pages: one per core, so libuv's other threads
 * (four by default) stay free for the pages Astro writes meanwhile.
 */
export const BACKGROUND_CARD_CONCURRENCY = availableParallelism();

/** A card the cache lacks: where it goes in the cache, and what is drawn on it. */
export interface MissingCard {
  file: string;
  card: CardData;
}

/**
 * Cards being drawn in this process, by cache file. The card route starts the drawing and the
 * social-cards integration waits for it; the two are loaded as separate module instances (the
 * route inside Astro's build, the integration from the config), so they meet on a global.
 */
const DRAWING = Symbol.for("blog.social-cards.drawing");
function drawing(): Map<string, Promise<void>> {
  const holder = globalThis as { [DRAWING]?: Map<string, Promise<void>> };
  holder[DRAWING] ??= new Map();
  return holder[DRAWING];
}

/** Draws the cards, `concurrency` at a time; the first failure stops the rest and names its post. */
async function drawAll(missing: MissingCard[], concurrency: number): Promise<void> {
  const queue = [...missing];
  const draw = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        await storeCard(job.file, await drawCard(job.card));
      } catch (error) {
        queue.length = 0;
        throw new Error(cardError(job.card, error instanceof Error ? error.message : String(error)), { cause: error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, draw));
}

/** Every card's cache file, and the cards not cached yet; cards with the same inputs share one file. */
export async function cardsToDraw(cards: CardData[], cacheDir: string): Promise<{ files: string[]; missing: MissingCard[] }> {
  const files = await Promise.all(cards.map((card) => cardFile(card, cacheDir)));
  const missing = new Map<string, CardData>();
  cards.forEach((card, index) => {
    const file = files[index] ?? "";
    if (!missing.has(file) && !existsSync(file)) missing.set(file, card);
  });
  return { files, missing: [...missing].map(([file, card]) => ({ file, card })) };
}

/**
 * Starts drawing the missing cards without waiting for them, so they are drawn while the pages
 * render; `finishCards` waits. A failure is kept for `finishCards` to report.
 */
export function startCards(missing: MissingCard[], concurrency = BACKGROUND_CARD_CONCURRENCY): void {
  const inProgress = drawing();
  const fresh = missing.filter(({ file }) => !inProgress.has(file));
  const batch = drawAll(fresh, concurrency);
  // Handled here so that Node does not end the build early; finishCards throws it.
  batch.catch(() => undefined);
  for (const { file } of fresh) inProgress.set(file, batch);
}

/**
 * Waits for the cards `startCards` began in this process and draws any it did not (the build
 * ran the route elsewhere); throws the first card's error, naming its post.
 */
export async function finishCards(missing: MissingCard[], concurrency = CARD_CONCURRENCY): Promise<void> {
  const inProgress = drawing();
  const started = new Set(missing.flatMap(({ file }) => inProgress.get(file) ?? []));
  const notStarted = missing.filter(({ file }) => !inProgress.has(file));
  try {
    await Promise.all([...started, drawAll(notStarted, concurrency)]);
  } finally {
    for (const { file } of missing) inProgress.delete(file);
  }
}

/** Draws every card that is not cached yet, `concurrency` at a time, and waits for them. */
export async function prerenderCards(
  cards: CardData[],
  cacheDir: string,
  concurrency = CARD_CONCURRENCY,
): Promise<{ files: string[]; rendered: number; reused: number }> {
  const { files, missing } = await cardsToDraw(cards, cacheDir);
  await drawAll(missing, concurrency);
  return { files, rendered: missing.length, reused: cards.length - missing.length };
}
