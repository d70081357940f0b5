/**
 * One timed pass of the card benchmark, run by scripts/lib/bench-cards.ts in
 * a process of its own so that a cold pass loads the renderer and parses the
 * fonts as a build does. Reads the cards from a JSON file and prints one JSON
 * line: a CardsRun without its label.
 *
 *   node scripts/lib/bench-cards-run.ts <cards.json> <cache dir> <concurrency>
 */
import { readFileSync } from "node:fs";
import type { CardsRun } from "../../bench/lib/cards.ts";
import type { CardData } from "../../src/lib/social-cards/render.ts";

const [cardsFile = "", cacheDir = "", concurrencyArg = ""] = process.argv.slice(2);
const cards = JSON.parse(readFileSync(cardsFile, "utf8")) as CardData[];
const concurrency = Number(concurrencyArg);

async function oneAtATime(): Promise<Omit<CardsRun, "label" | "cache">> {
  const start = performance.now();
  const { renderCard } = await import("../../src/lib/social-cards/render.ts");
  const times: { cover: boolean; ms: number }[] = [];
  let rendered = 0;
  for (const card of cards) {
    const began = performance.now();
    const { reused } = await renderCard(card, cacheDir);
    times.push({ cover: card.coverPath !== undefined, ms: performance.now() - began });
    if (!reused) rendered++;
  }
  const wallMs = performance.now() - start;
  const mean = (cover: boolean) => {
    const picked = times.slice(1).filter((time) => time.cover === cover);
    return picked.length ? picked.reduce((sum, time) => sum + time.ms, 0) / picked.length : null;
  };
  // The first card also pays for loading the renderer's module.
  const firstMs = (times[0]?.ms ?? 0) + (wallMs - times.reduce((sum, time) => sum + time.ms, 0));
  return {
    concurrency: 1,
    rendered,
    reused: cards.length - rendered,
    wallMs,
    firstMs,
    textCardMs: mean(false),
    coverCardMs: mean(true),
  };
}

async function pooled(): Promise<Omit<CardsRun, "label" | "cache">> {
  const start = performance.now();
  const { prerenderCards } = await import("../../src/lib/social-cards/pool.ts");
  const { rendered, reused } = await prerenderCards(cards, cacheDir, concurrency);
  const wallMs = performance.now() - start;
  return { concurrency, rendered, reused, wallMs, firstMs: null, textCardMs: null, coverCardMs: null };
}

console.log(JSON.stringify(concurrency === 1 ? await oneAtATime() : await pooled()));
