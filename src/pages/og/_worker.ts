import { parentPort } from "node:worker_threads";
import { renderCard, type CardData } from "./_render.ts";

parentPort?.on("message", async ({ id, card, cacheDir }: { id: number; card: CardData; cacheDir: string }) => {
  try {
    const { reused } = await renderCard(card, cacheDir);
    parentPort?.postMessage({ id, reused });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
