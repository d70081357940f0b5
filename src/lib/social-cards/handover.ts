/**
 * A static build writes its social cards after the pages, outside Astro's route pipeline, where a
 * route per card cost more than the card itself once it is cached (about 1.2 ms a card, 12 s at
 * 10,000 posts). The card route, which can read the collections, leaves the list of cards here;
 * the social-cards integration takes it when the pages are built, draws what the cache lacks and
 * copies every card into the output.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type CardData, cardCacheDir } from "./render.ts";

export interface CardOrder {
  /** Where the card goes in the build output: `og/my-post.png`. */
  file: string;
  card: CardData;
}

const folderPath = (folder: URL | string) => resolve(folder instanceof URL ? fileURLToPath(folder) : folder);

/** One list per output folder, so two builds of one site that share a cache never take each other's. */
function handoverFile(cacheDir: URL | string, outDir: URL | string): string {
  const build = createHash("sha256").update(folderPath(outDir)).digest("hex").slice(0, 16);
  return join(cardCacheDir(cacheDir), `cards-for-${build}.json`);
}

export async function handOverCards(cacheDir: URL | string, outDir: URL | string, orders: readonly CardOrder[]): Promise<void> {
  const file = handoverFile(cacheDir, outDir);
  await mkdir(cardCacheDir(cacheDir), { recursive: true });
  await writeFile(file, JSON.stringify(orders));
}

/** The cards this build's route handed over, removed from the cache; undefined when none were. */
export async function takeHandedOverCards(cacheDir: URL | string, outDir: URL | string): Promise<CardOrder[] | undefined> {
  const file = handoverFile(cacheDir, outDir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  await rm(file);
  return JSON.parse(text) as CardOrder[];
}
