/**
 * A static build writes its social cards outside Astro's route pipeline, where a route per card
 * cost more than copying the cached card (about 1.2 ms a card, 12 s at 10,000 posts). The card
 * route, which can read the collections, draws the cards the cache lacks while Astro collects its
 * routes, so a damaged cover fails the build before any page is rendered, and leaves the list of
 * cards in the output folder; the social-cards integration takes it when the pages are built and
 * copies each card into place.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface CardCopy {
  /** Where the card goes in the build output: `og/my-post.png`. */
  file: string;
  /** The drawn card in the card cache. */
  cached: string;
}

export interface CardHandover {
  cards: CardCopy[];
  rendered: number;
  reused: number;
}

/** Inside the output folder: the list lives and dies with the build that made it, failed or not. */
function handoverFile(outDir: URL | string): string {
  return join(resolve(outDir instanceof URL ? fileURLToPath(outDir) : outDir), ".social-cards.json");
}

export async function handOverCards(outDir: URL | string, handover: CardHandover): Promise<void> {
  const file = handoverFile(outDir);
  await mkdir(resolve(file, ".."), { recursive: true });
  await writeFile(file, JSON.stringify(handover));
}

/** The cards this build's route handed over, the list removed from the output; undefined when none were. */
export async function takeHandedOverCards(outDir: URL | string): Promise<CardHandover | undefined> {
  const file = handoverFile(outDir);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  await rm(file);
  return JSON.parse(text) as CardHandover;
}
