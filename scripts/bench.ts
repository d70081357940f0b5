/**
 * Build benchmark: the blog against a bare Astro project on the same
 * synthetic posts, cold and warm. See USAGE; results go to bench/results/.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseBuildLog, type BuildLog } from "../bench/lib/build-log.ts";
import {
  chartsPost,
  generateCorpus,
  hasImage,
  pickTypicalPost,
  summarise,
  withoutCharts,
  type CorpusKind,
  type Flavour,
  type PostPlan,
} from "../bench/lib/corpus.ts";
import {
  evaluateChartsTargets,
  formatChartsReport,
  summariseDelta,
  type ChartsReport,
  type ChartsRun,
  type ChartsVariant,
} from "../bench/lib/charts-report.ts";
import { seconds } from "../bench/lib/format.ts";
import {
  computeRatios,
  evaluateTargets,
  formatReport,
  targetsFor,
  type BenchReport,
  type BuildMeasurement,
  type CacheState,
} from "../bench/lib/report.ts";
import { repoRoot } from "../tests/support/project.ts";
import { cardsBenchmark } from "./lib/bench-cards.ts";
import { generateImages } from "./lib/bench-images.ts";
import { benchTmp, createBenchProject, dirBytes, postPageBytes, postPageWeight } from "./lib/bench-project.ts";
import { runAstroBuild, type BuildRun } from "./lib/bench-run.ts";
import { positiveInt } from "./lib/cli.ts";

const USAGE = `Usage: node scripts/bench.ts [--posts N] [--seed N] [--text-only] [--keep]
       node scripts/bench.ts --charts-post [--posts N] [--charts N] [--repeat N] [--seed N] [--keep]
       node scripts/bench.ts --cards [--count N] [--seed N]

  --posts        posts in the synthetic corpus (default 1000; 100 with --charts-post)
  --seed         seed for the corpus and images (default 1); same seed, same corpus
  --text-only    posts without covers, body images or charts (prose, lists, code),
                 so image work both projects pay does not hide the blog's own costs;
                 results go to bench/results/latest-text-only.* (latest-text-only-N.*
                 for another --posts N, as latest-N.* for the full corpus)
  --keep         keep the built projects in bench/.tmp/ (logs are always kept there)
  --charts-post  measure one post with --charts charts (default 50) against the same
                 post without them, --repeat times (default 3), cold and warm
  --cards        draw --count social cards (default 200), cold one at a time and pooled, then warm

Builds run one at a time, each using every core: run on an otherwise idle machine.`;

const resultsDir = join(repoRoot, "bench/results");
const DEFAULT_POSTS = 1000;
const logsDir = join(benchTmp, "logs");

function commandLine(): string {
  const args = process.argv.slice(2).join(" ");
  if (process.env["npm_lifecycle_event"] === "bench") return `npm run bench${args ? ` -- ${args}` : ""}`;
  return `node scripts/bench.ts${args ? ` ${args}` : ""}`;
}

/** Written beside and renamed, so a reader never sees half a file (bench/results/*.tmp is gitignored). */
function writeResult(name: string, content: string): void {
  const target = join(resultsDir, name);
  writeFileSync(`${target}.tmp`, content);
  renameSync(`${target}.tmp`, target);
}

function astroVersion(): string {
  return (JSON.parse(readFileSync(join(repoRoot, "node_modules/astro/package.json"), "utf8")) as { version: string }).version;
}

function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

interface Build {
  run: BuildRun;
  log: BuildLog;
}

async function build(dir: string, label: string): Promise<Build> {
  progress(`${label}: building…`);
  const logFile = join(logsDir, `${label.replace(/\W+/g, "-")}.log`);
  const run = await runAstroBuild(dir, logFile);
  const log = parseBuildLog(run.lines);
  progress(
    `${label}: ${run.exitCode === 0 ? "done" : `FAILED (exit ${run.exitCode})`} in ${seconds(run.wallMs)}; log in ${logFile}`,
  );
  if (run.exitCode !== 0)
    progress(
      run.lines
        .slice(-30)
        .map((line) => `  ${line.text}`)
        .join("\n"),
    );
  return { run, log };
}

/**
 * A tiny build of each project first, discarded, so the first measured build
 * does not also pay for reading Astro, Vite and sharp from a cold disk.
 */
async function prime(posts: readonly PostPlan[], images: readonly string[]): Promise<void> {
  for (const flavour of ["blog", "reference"] as const) {
    const dir = createBenchProject(`prime-${flavour}`, flavour, posts.slice(0, 3), images);
    await build(dir, `prime ${flavour}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mainBenchmark(options: Options): Promise<number> {
  const startedAt = new Date().toISOString();
  const kind: CorpusKind = options.textOnly ? "text-only" : "full";
  const images = await generateImages(join(benchTmp, "images"), options.seed);
  const corpus = generateCorpus({ posts: options.posts, seed: options.seed, kind });
  const typical = pickTypicalPost(corpus);
  await prime(corpus, images);

  const builds: BuildMeasurement[] = [];
  for (const project of ["blog", "reference"] as Flavour[]) {
    const dir = createBenchProject(project, project, corpus, images);
    for (const state of ["cold", "warm"] as CacheState[]) {
      const { run, log } = await build(dir, `${project} ${state}`);
      const dist = join(dir, "dist");
      builds.push({
        project,
        state,
        exitCode: run.exitCode,
        wallMs: run.wallMs,
        cpuMs: run.cpuMs,
        posts: corpus.length,
        peakRssBytes: run.peakRssBytes,
        peakAtMs: run.peakAtMs,
        distBytes: dirBytes(dist),
        log,
        typicalPage: typical ? postPageWeight(dist, typical.slug) : null,
      });
    }
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }

  const ratios = computeRatios(builds);
  const report: BenchReport = {
    command: commandLine(),
    startedAt,
    machine: { cpus: availableParallelism(), node: process.versions.node, astro: astroVersion(), memoryBytes: totalmem() },
    seed: options.seed,
    corpusKind: kind,
    corpus: summarise(corpus),
    typicalPost: typical
      ? { slug: typical.slug, words: typical.words, code: typical.code !== undefined, image: hasImage(typical) }
      : null,
    builds,
    ratios,
    targets: evaluateTargets(builds, ratios, targetsFor(kind, corpus.length)),
  };
  const markdown = formatReport(report);
  // Another size gets files of its own, so a 10,000-post run does not replace the 1,000-post report.
  const size = corpus.length === DEFAULT_POSTS ? "" : `-${corpus.length}`;
  const resultName = `${kind === "text-only" ? "latest-text-only" : "latest"}${size}`;
  writeResult(`${resultName}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeResult(`${resultName}.md`, markdown);
  console.log(markdown);
  return builds.every((entry) => entry.exitCode === 0) ? 0 : 1;
}

async function chartsBenchmark(options: Options): Promise<number> {
  const startedAt = new Date().toISOString();
  const images = await generateImages(join(benchTmp, "images"), options.seed);
  const corpus = generateCorpus({ posts: options.posts, seed: options.seed });
  const heavy = chartsPost({ charts: options.charts, seed: options.seed });
  const variants: Record<ChartsVariant, PostPlan> = { with: heavy, without: withoutCharts(heavy) };
  await prime(corpus, images);

  const runs: ChartsRun[] = [];
  const pageBytes: Record<ChartsVariant, number | null> = { with: null, without: null };
  for (let repeat = 1; repeat <= options.repeat; repeat++) {
    // Alternating which variant goes first keeps a drift in machine load from landing on one side.
    const order: ChartsVariant[] = repeat % 2 ? ["without", "with"] : ["with", "without"];
    for (const variant of order) {
      const dir = createBenchProject(`charts-${variant}`, "blog", [...corpus, variants[variant]], images);
      for (const state of ["cold", "warm"] as CacheState[]) {
        const { run, log } = await build(dir, `charts ${variant} ${state} ${repeat}`);
        runs.push({
          variant,
          state,
          repeat,
          exitCode: run.exitCode,
          wallMs: run.wallMs,
          cpuMs: run.cpuMs,
          pageRenderingMs: log.pageRenderingMs,
          postPagesMs: log.routes.post.ms,
          feedsMs: log.routes.feed.ms,
        });
      }
      pageBytes[variant] ??= postPageBytes(join(dir, "dist"), heavy.slug);
      if (!options.keep) rmSync(dir, { recursive: true, force: true });
    }
  }

  const cold = summariseDelta(runs, "cold");
  const warm = summariseDelta(runs, "warm");
  const report: ChartsReport = {
    command: commandLine(),
    startedAt,
    charts: options.charts,
    posts: corpus.length + 1,
    repeats: options.repeat,
    runs,
    cold,
    warm,
    pageBytes,
    targets: evaluateChartsTargets(cold, warm),
  };
  const markdown = formatChartsReport(report);
  writeResult("charts-post.json", `${JSON.stringify(report, null, 2)}\n`);
  writeResult("charts-post.md", markdown);
  console.log(markdown);
  return runs.every((run) => run.exitCode === 0) ? 0 : 1;
}

interface Options {
  chartsMode: boolean;
  textOnly: boolean;
  posts: number;
  seed: number;
  keep: boolean;
  charts: number;
  repeat: number;
}

/** Options from the command line, or a message for the user when they make no sense; undefined for --help. */
function readOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      posts: { type: "string" },
      seed: { type: "string" },
      keep: { type: "boolean", default: false },
      "text-only": { type: "boolean", default: false },
      "charts-post": { type: "boolean", default: false },
      charts: { type: "string" },
      repeat: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return undefined;
  const chartsMode = values["charts-post"];
  if (!chartsMode && (values.charts !== undefined || values.repeat !== undefined)) {
    throw new Error("--charts and --repeat only apply with --charts-post");
  }
  if (chartsMode && values["text-only"]) throw new Error("--text-only does not apply with --charts-post, which is about charts");
  return {
    chartsMode,
    textOnly: values["text-only"],
    posts: positiveInt("posts", values.posts, chartsMode ? 100 : DEFAULT_POSTS),
    seed: positiveInt("seed", values.seed, 1),
    keep: values.keep,
    charts: positiveInt("charts", values.charts, 50),
    repeat: positiveInt("repeat", values.repeat, 3),
  };
}

async function main(): Promise<number> {
  if (process.argv.includes("--cards")) {
    mkdirSync(resultsDir, { recursive: true });
    return cardsBenchmark(process.argv.slice(2), { command: commandLine(), write: writeResult, usage: USAGE });
  }
  let options: Options | undefined;
  try {
    options = readOptions();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(logsDir, { recursive: true });
  return options.chartsMode ? chartsBenchmark(options) : mainBenchmark(options);
}

process.exitCode = await main();
