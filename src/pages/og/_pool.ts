import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { Worker } from "node:worker_threads";
import { cardKey, type CardData } from "./_render.ts";
import { existsSync } from "node:fs";

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
 * Draws every card that is not cached yet, spread over worker threads (one
 * per core): satori and resvg are CPU-bound, so a single thread would draw
 * a thousand cold cards one after another.
 */
export async function prerenderCards(
  cards: CardData[],
  cacheDir: string,
): Promise<{ files: string[]; rendered: number; reused: number }> {
  const files = await Promise.all(cards.map(async (card) => join(cacheDir, `${await cardKey(card)}.png`)));
  const missing = cards.filter((_, index) => !existsSync(files[index] ?? ""));
  const reused = cards.length - missing.length;
  if (!missing.length) return { files, rendered: 0, reused };
  // The worker runs the source file: Node strips its types, and it sits beside this route in the repo.
  const workerFile = join(process.cwd(), "src/pages/og/_worker.ts");
  const size = Math.min(availableParallelism(), missing.length);
  const queue = missing.map((card, id) => ({ id, card }));
  await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(workerFile);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          await new Promise<void>((resolve, reject) => {
            const onMessage = (message: { id: number; error?: string }) => {
              if (message.id !== current.id) return;
              worker.off("message", onMessage);
              if (message.error) reject(new Error(cardError(current.card, message.error)));
              else resolve();
            };
            worker.on("message", onMessage);
            worker.once("error", reject);
            worker.postMessage({ id: current.id, card: current.card, cacheDir });
          });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return { files, rendered: missing.length, reused };
}
