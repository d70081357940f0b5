/**
 * The social card benchmark's inputs and report: distinct cards made from the
 * synthetic corpus (its titles, dates, reading times and covers), led by the
 * titles that stress the drawing, and the table of per-card times.
 */
import type { CardData } from "../../src/lib/social-cards/render.ts";
import { formatLongDate } from "../../src/lib/dates.ts";
import { readingMinutes } from "../../src/lib/posts/text.ts";
import type { PostPlan } from "./corpus.ts";
import { count, markdownTable, NA, seconds } from "./format.ts";

/** Accents, Cyrillic, Greek, CJK, emoji, markup, and a title long enough to get the smallest type. */
export const EDGE_TITLES: readonly string[] = [
  "Café crème, naïve façade: Ünïcödé in a Latin title — with dashes “and quotes”",
  "Привет, мир: заметки о статических сайтах и шрифтах",
  "Καλημέρα κόσμε: σημειώσεις για γρήγορες κάρτες",
  "静的サイトの作り方と日本語のタイトル",
  "Shipping 🚀 emoji in titles ✨",
  '</script><script>alert(1)</script> & "quotes" <b>x</b> ]]>',
  "This title is much too long for search results: it keeps on going and going and going until the card has to make the type smaller to fit it in",
];

/** One card per post, the first ones titled with EDGE_TITLES; `covers` are the image files by asset index. */
export function benchCards(posts: readonly PostPlan[], covers: readonly string[], siteName: string): CardData[] {
  return posts.map((post, index) => {
    const date = formatLongDate(new Date(`${post.date}T12:00:00Z`), "UTC", "en");
    return {
      title: EDGE_TITLES[index] ?? post.title,
      siteName,
      byline: `${date}  ·  ${readingMinutes(post.words)} min read`,
      coverPath: post.cover === undefined ? undefined : covers[post.cover],
      sourceFile: `src/content/posts/${post.slug}.md`,
    };
  });
}

/** One timed pass over the cards, in a fresh process unless it is the warm pass. */
export interface CardsRun {
  label: string;
  /** Cards drawn at once; 1 is one after another. */
  concurrency: number;
  cache: "cold" | "warm";
  rendered: number;
  reused: number;
  /** From before the renderer's module is loaded to the last card written. */
  wallMs: number;
  /** The first card alone, fonts and renderer set-up included; one-at-a-time passes only. */
  firstMs: number | null;
  /** Mean time of a card without and with a cover, first card left out; one-at-a-time passes only. */
  textCardMs: number | null;
  coverCardMs: number | null;
}

export interface CardsReport {
  command: string;
  startedAt: string;
  machine: { cpus: number; node: string };
  seed: number;
  cards: number;
  withCover: number;
  runs: CardsRun[];
}

const ms = (value: number | null) => (value === null ? NA : `${value.toFixed(1)} ms`);

export function perCardMs(run: CardsRun): number {
  return run.wallMs / (run.rendered + run.reused);
}

export function formatCardsReport(report: CardsReport): string {
  const rows = report.runs.map((run) => [
    run.label,
    count(run.concurrency),
    run.cache,
    `${run.rendered} / ${run.reused}`,
    seconds(run.wallMs),
    ms(perCardMs(run)),
    ms(run.firstMs),
    ms(run.textCardMs),
    ms(run.coverCardMs),
  ]);
  return [
    "# Social card benchmark",
    "",
    `\`${report.command}\` — ${report.startedAt}, ${report.machine.cpus} CPUs, Node ${report.machine.node}. ${report.cards} distinct cards (seed ${report.seed}), ${report.withCover} with a cover; each cold pass in a fresh process with an empty card cache.`,
    "",
    markdownTable(
      ["Pass", "At once", "Cache", "Drawn / reused", "Wall", "Per card", "First card", "Card without cover", "Card with cover"],
      rows,
    ),
    "",
  ].join("\n");
}
