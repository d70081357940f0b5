import { describe, expect, it } from "vitest";
import {
  benchCards,
  type CardsReport,
  type CardsRun,
  EDGE_TITLES,
  formatCardsReport,
  perCardMs,
} from "../../../bench/lib/cards.ts";
import { generateCorpus, IMAGE_ASSETS } from "../../../bench/lib/corpus.ts";

const posts = generateCorpus({ posts: 200, seed: 1 });
const covers = IMAGE_ASSETS.map((asset) => `/images/${asset.file}`);
const cards = benchCards(posts, covers, "Field Notes");

describe("the card benchmark's cards", () => {
  it("are one per post, led by the titles that stress the drawing", () => {
    expect(cards).toHaveLength(200);
    expect(cards.slice(0, EDGE_TITLES.length).map((card) => card.title)).toEqual(EDGE_TITLES);
    expect(cards.slice(EDGE_TITLES.length).map((card) => card.title)).toEqual(
      posts.slice(EDGE_TITLES.length).map((post) => post.title),
    );
  });

  it("are all different, so a cold pass draws every one", () => {
    expect(new Set(cards.map((card) => JSON.stringify([card.title, card.byline, card.coverPath]))).size).toBe(200);
  });

  it("carry the post's cover file, date and reading time as a post's card does", () => {
    const withCover = posts.findIndex((post) => post.cover !== undefined);
    const post = posts[withCover];
    expect(post?.cover).toBeDefined();
    expect(cards[withCover]?.coverPath).toBe(covers[post?.cover ?? -1]);
    expect(cards.filter((card) => card.coverPath).length).toBe(posts.filter((p) => p.cover !== undefined).length);
    const [year, month, day] = (post?.date ?? "").split("-").map(Number);
    const month_ = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
    expect(cards[withCover]?.byline).toMatch(new RegExp(`^${month_} ${day}, ${year}  ·  \\d+ min read$`));
  });
});

describe("the card benchmark's report", () => {
  const run = (over: Partial<CardsRun>): CardsRun => ({
    label: "one at a time",
    concurrency: 1,
    cache: "cold",
    rendered: 200,
    reused: 0,
    wallMs: 4000,
    firstMs: 60,
    textCardMs: 10.5,
    coverCardMs: 52.25,
    ...over,
  });
  const report: CardsReport = {
    command: "npm run bench -- --cards",
    startedAt: "2026-12-02T00:00:00.000Z",
    machine: { cpus: 2, node: "24.21.0" },
    seed: 1,
    cards: 200,
    withCover: 40,
    runs: [
      run({}),
      run({
        label: "pooled, nothing changed",
        concurrency: 4,
        cache: "warm",
        rendered: 0,
        reused: 200,
        wallMs: 300,
        firstMs: null,
        textCardMs: null,
        coverCardMs: null,
      }),
    ],
  };

  it("divides each pass's wall time by every card it handled, drawn or reused", () => {
    expect(report.runs.map(perCardMs)).toEqual([20, 1.5]);
  });

  it("prints one row per pass with the per-card figures", () => {
    const lines = formatCardsReport(report).split("\n");
    expect(lines).toContain("| one at a time | 1 | cold | 200 / 0 | 4.00 s | 20.0 ms | 60.0 ms | 10.5 ms | 52.3 ms |");
    expect(lines).toContain("| pooled, nothing changed | 4 | warm | 0 / 200 | 0.30 s | 1.5 ms | n/a | n/a | n/a |");
    expect(lines.join("\n")).toContain("200 distinct cards (seed 1), 40 with a cover");
  });
});
