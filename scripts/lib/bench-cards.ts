/**
 * `npm run bench -- --cards`: social cards drawn cold from the synthetic
 * corpus, one at a time and pooled as the build pools them, each cold pass in
 * a fresh process with an empty cache, then a warm pass that must reuse every
 * card. Results go to bench/results/cards.{json,md}.
 */
import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { benchCards, type CardsReport, type CardsRun, formatCardsReport } from "../../bench/lib/cards.ts";
import { generateCorpus } from "../../bench/lib/corpus.ts";
import { CARD_CONCURRENCY } from "../../src/lib/social-cards/pool.ts";
import { site } from "../../src/site.config.ts";
import { generateImages } from "./bench-images.ts";
import { benchTmp } from "./bench-project.ts";
import { positiveInt } from "./cli.ts";

const runFile = join(import.meta.dirname, "bench-cards-run.ts");
const workDir = join(benchTmp, "cards");

async function pass(cardsFile: string, cacheDir: string, concurrency: number): Promise<Omit<CardsRun, "label" | "cache">> {
  const { stdout } = await promisify(execFile)(process.execPath, [runFile, cardsFile, cacheDir, String(concurrency)], {
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Omit<CardsRun, "label" | "cache">;
}

export async function cardsBenchmark(
  argv: readonly string[],
  io: { command: string; write: (name: string, content: string) => void; usage: string },
): Promise<number> {
  let cardCount: number;
  let seed: number;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        cards: { type: "boolean" },
        count: { type: "string" },
        seed: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(io.usage);
      return 0;
    }
    cardCount = positiveInt("count", values.count, 200);
    seed = positiveInt("seed", values.seed, 1);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${io.usage}`);
    return 2;
  }
  const startedAt = new Date().toISOString();
  const covers = await generateImages(join(benchTmp, "images"), seed);
  const cards = benchCards(generateCorpus({ posts: cardCount, seed }), covers, site.title);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const cardsFile = join(workDir, "cards.json");
  writeFileSync(cardsFile, JSON.stringify(cards));

  const plan = [
    { label: "one at a time", concurrency: 1 },
    { label: "pooled, one per core", concurrency: availableParallelism() },
    { label: "pooled, as the build does", concurrency: CARD_CONCURRENCY },
  ];
  const runs: CardsRun[] = [];
  for (const { label, concurrency } of plan) {
    process.stderr.write(`cards: ${label} (${concurrency} at once)…\n`);
    const cacheDir = join(workDir, `cache-${concurrency}`);
    runs.push({ label, cache: "cold", ...(await pass(cardsFile, cacheDir, concurrency)) });
  }
  const buildLike = join(workDir, `cache-${CARD_CONCURRENCY}`);
  runs.push({ label: "pooled, nothing changed", cache: "warm", ...(await pass(cardsFile, buildLike, CARD_CONCURRENCY)) });

  const report: CardsReport = {
    command: io.command,
    startedAt,
    machine: { cpus: availableParallelism(), node: process.versions.node },
    seed,
    cards: cards.length,
    withCover: cards.filter((card) => card.coverPath).length,
    runs,
  };
  const markdown = formatCardsReport(report);
  io.write("cards.json", `${JSON.stringify(report, null, 2)}\n`);
  io.write("cards.md", markdown);
  console.log(markdown);
  const warm = runs.at(-1);
  return runs.every((run) => run.rendered + run.reused === cards.length) && warm?.rendered === 0 ? 0 : 1;
}
