import { slug as slugify } from "github-slugger";
import { chartMdx, chartPlainText, chartPlan, type ChartPlan } from "./charts.ts";
import {
  blockquote,
  CODE_LANGUAGES,
  codeBlock,
  heading,
  list,
  paragraph,
  title,
  type CodeLanguage,
  type Markup,
} from "./prose.ts";
import { createRandom, type Random } from "./random.ts";

/**
 * The synthetic corpus: what posts exist and what is in them, as plain data,
 * and the files that data becomes in the blog and in the reference project.
 * Same seed, same corpus, byte for byte.
 */

/** One of the generated pictures; the runner makes the files, posts only point at them. */
export interface ImageAsset {
  file: string;
  width: number;
  height: number;
}

/**
 * Wide enough that a cover gets every responsive width the blog asks for, and
 * a few of them, so the JPEG encoder and the cache see different inputs.
 */
export const IMAGE_ASSETS: readonly ImageAsset[] = [
  { file: "photo-1.jpg", width: 1600, height: 1000 },
  { file: "photo-2.jpg", width: 1600, height: 900 },
  { file: "photo-3.jpg", width: 2000, height: 1200 },
  { file: "photo-4.jpg", width: 1440, height: 960 },
  { file: "photo-5.jpg", width: 1800, height: 1200 },
  { file: "photo-6.jpg", width: 1200, height: 800 },
  { file: "photo-7.png", width: 1200, height: 750 },
  { file: "photo-8.png", width: 960, height: 640 },
];
const JPEG_ASSETS = IMAGE_ASSETS.flatMap((asset, index) => (asset.file.endsWith(".jpg") ? [index] : []));

/** Where the blog and the reference both serve the shared pictures from. */
export const PUBLIC_IMAGE_DIR = "bench-images";

export type BodyImage =
  | { kind: "relative"; asset: number; file: string; alt: string }
  | { kind: "public"; asset: number; alt: string }
  | { kind: "remote"; url: string; alt: string };

export type Block =
  | { type: "markdown"; markdown: string }
  | { type: "code"; markdown: string }
  | { type: "image"; image: BodyImage }
  | { type: "chart"; chart: ChartPlan };

export interface PostPlan {
  slug: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  tags: string[];
  description: string | undefined;
  /** Prose words, counted as they were generated. */
  words: number;
  code: CodeLanguage | undefined;
  /** Index into IMAGE_ASSETS; always written beside the post as cover.jpg. */
  cover: number | undefined;
  /** MDX in the blog; the reference gets Markdown whatever this says. */
  mdx: boolean;
  blocks: Block[];
}

/**
 * `full` is the blog as authors write it: covers, body images, charts.
 * `text-only` is the same posts without any of those, so image work, which a
 * bare Astro build pays too, does not hide what the blog itself costs.
 */
export type CorpusKind = "full" | "text-only";

export interface CorpusOptions {
  posts: number;
  seed: number;
  kind?: CorpusKind;
}

/** Median and spread of words per post: half the posts are under 350 words, about one in a thousand reaches 3,000. */
export const WORDS_MEDIAN = 350;
const WORDS_SIGMA = 0.7;
export const WORDS_MIN = 60;
export const WORDS_MAX = 3000;

const SHARE = { code: 1 / 5, cover: 1 / 5, chart: 1 / 10, bodyImages: 3 / 10, description: 3 / 5 } as const;

export const TAG_POOL: readonly string[] = (
  "astro javascript typescript css html accessibility performance design typography writing tools editors " +
  "terminal git testing debugging databases postgres sqlite caching http networking security privacy " +
  "python rust go deployment hosting static-sites images fonts colour photography travel books music " +
  "productivity habits meta notes"
).split(" ");

const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

function wordCount(random: Random): number {
  return Math.round(Math.min(WORDS_MAX, Math.max(WORDS_MIN, random.logNormal(WORDS_MEDIAN, WORDS_SIGMA))));
}

/** A few tags are on most posts and many on few, as on real blogs. */
function pickTags(random: Random): string[] {
  const weights = TAG_POOL.map((_, rank) => 1 / (rank + 1) ** 0.9);
  const tags = new Set<string>();
  const count = random.int(1, 4);
  while (tags.size < count) tags.add(random.weighted(TAG_POOL, weights));
  return [...tags];
}

function bodyImage(random: Random, index: number): BodyImage {
  const alt = `Figure ${index + 1}: ${title(random).toLowerCase()}`;
  const kind = random.weighted(["relative", "public", "remote"] as const, [5, 3, 2]);
  const asset = random.int(0, IMAGE_ASSETS.length - 1);
  if (kind === "remote") return { kind, url: `https://images.example.com/${random.int(1000, 9999)}.jpg`, alt };
  if (kind === "public") return { kind, asset, alt };
  const extension = IMAGE_ASSETS[asset]?.file.split(".").pop() ?? "jpg";
  return { kind, asset, file: `figure-${index + 1}.${extension}`, alt };
}

interface BodyPlan {
  words: number;
  code: CodeLanguage | undefined;
  images: BodyImage[];
  charts: ChartPlan[];
}

/**
 * Prose up to the word budget, with headings every few hundred words, and
 * the code, images and charts spread through it rather than bunched at the end.
 */
function body(random: Random, plan: BodyPlan, markup: Markup): { blocks: Block[]; words: number } {
  const prose: { markdown: string; words: number }[] = [];
  let words = 0;
  let sinceHeading = 0;
  while (words < plan.words) {
    const left = plan.words - words;
    const roll = random.next();
    const block =
      sinceHeading > random.int(180, 320) && left > 80
        ? heading(random, random.chance(0.85) ? 2 : 3)
        : roll < 0.08 && left > 20
          ? list(random, random.int(3, 5), markup)
          : roll < 0.11 && left > 20
            ? blockquote(random, Math.min(left, random.int(15, 40)))
            : paragraph(random, Math.min(left, random.int(30, 110)), markup);
    sinceHeading = block.markdown.startsWith("#") ? 0 : sinceHeading + block.words;
    prose.push(block);
    words += block.words;
  }
  const inserts: Block[] = [
    ...(plan.code ? [{ type: "code", markdown: codeBlock(random, plan.code, random.int(6, 30)) } as const] : []),
    ...plan.images.map((image) => ({ type: "image", image }) as const),
    ...plan.charts.map((chart) => ({ type: "chart", chart }) as const),
  ];
  const slots = new Map<number, Block[]>();
  for (const insert of inserts) {
    // After some paragraph, never before the first: a post does not open with a figure.
    const after = random.int(0, Math.max(0, prose.length - 1));
    slots.set(after, [...(slots.get(after) ?? []), insert]);
  }
  const blocks = prose.flatMap((block, index): Block[] => [
    { type: "markdown", markdown: block.markdown },
    ...(slots.get(index) ?? []),
  ]);
  return { blocks, words };
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function generateCorpus({ posts, seed, kind = "full" }: CorpusOptions): PostPlan[] {
  const full = generateFullCorpus(posts, seed);
  return kind === "text-only" ? full.map(textOnly) : full;
}

/**
 * The post with its prose, lists and code and nothing else: no cover, no
 * body images, no charts, so Markdown rather than MDX. Its word count stays,
 * since it only ever counted prose.
 */
function textOnly(post: PostPlan): PostPlan {
  return {
    ...post,
    cover: undefined,
    mdx: false,
    blocks: post.blocks.filter((block) => block.type === "markdown" || block.type === "code"),
  };
}

function generateFullCorpus(posts: number, seed: number): PostPlan[] {
  const root = createRandom(seed);
  const used = new Map<string, number>();
  const titles = Array.from({ length: posts }, (_, index) => {
    const random = root.fork(`title-${index}`);
    const text = title(random);
    const base = slugify(text);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return { text, slug: seen ? `${base}-${seen + 1}` : base };
  });
  return titles.map(({ text, slug }, index) => {
    const random = root.fork(`post-${index}`);
    const markup: Markup = {
      internalLink: () => {
        const target = titles[random.int(0, posts - 1)];
        return target ? `/posts/${target.slug}/` : undefined;
      },
    };
    const hasChart = random.chance(SHARE.chart);
    const plan: BodyPlan = {
      words: wordCount(random),
      code: random.chance(SHARE.code) ? random.pick(CODE_LANGUAGES) : undefined,
      images: random.chance(SHARE.bodyImages) ? Array.from({ length: random.int(1, 2) }, (_, i) => bodyImage(random, i)) : [],
      charts: hasChart ? [chartPlan(random)] : [],
    };
    const cover = random.chance(SHARE.cover) ? random.pick(JPEG_ASSETS) : undefined;
    const description = random.chance(SHARE.description) ? paragraph(random, random.int(12, 25)).markdown : undefined;
    const { blocks, words } = body(random, plan, markup);
    return {
      slug,
      title: text,
      date: isoDay(FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY),
      tags: pickTags(random),
      description,
      words,
      code: plan.code,
      cover,
      mdx: hasChart,
      blocks,
    };
  });
}

/**
 * The stress case from the product issue: one long MDX post with `charts`
 * charts between its paragraphs. With `charts: 0` it is the same post, same
 * prose and same slug, minus the charts, so the two builds differ only there.
 */
export function chartsPost({ charts, seed }: { charts: number; seed: number }): PostPlan {
  const random = createRandom(seed).fork("charts-post");
  const chartRandom = random.fork("charts");
  const plans = Array.from({ length: charts }, () => chartPlan(chartRandom));
  const prose = Array.from({ length: Math.max(charts, 8) }, () => paragraph(random, random.int(30, 80)));
  const blocks = prose.flatMap((block, index): Block[] => {
    const chart = plans[index];
    return [{ type: "markdown", markdown: block.markdown }, ...(chart ? [{ type: "chart", chart } as const] : [])];
  });
  return {
    slug: "fifty-charts",
    title: "A post with many charts",
    date: "2025-06-01",
    tags: ["charts"],
    description: undefined,
    words: prose.reduce((sum, block) => sum + block.words, 0),
    code: undefined,
    cover: undefined,
    mdx: true,
    blocks,
  };
}

export function hasImage(post: PostPlan): boolean {
  return post.cover !== undefined || post.blocks.some((block) => block.type === "image");
}

/**
 * The post whose page stands for "a typical post" in the page-weight figures:
 * about `words` words with a code block and an image. Posts missing either
 * only win when no post has both.
 */
export function pickTypicalPost(posts: readonly PostPlan[], words = 500): PostPlan | undefined {
  const score = (post: PostPlan) => Math.abs(post.words - words) + (post.code ? 0 : 1e6) + (hasImage(post) ? 0 : 1e6);
  return posts.reduce<PostPlan | undefined>((best, post) => (best && score(best) <= score(post) ? best : post), undefined);
}

// ---------------------------------------------------------------------------
// Files

export type CorpusFile = { path: string; text: string } | { path: string; asset: number };

export type Flavour = "blog" | "reference";

function frontmatter(post: PostPlan): string {
  const lines = [
    "---",
    `title: ${JSON.stringify(post.title)}`,
    `date: ${post.date}`,
    ...(post.description ? [`description: ${JSON.stringify(post.description)}`] : []),
    ...(post.cover === undefined ? [] : ["cover_image: ./cover.jpg", `cover_alt: ${JSON.stringify(`Cover for ${post.title}`)}`]),
    `tags: [${post.tags.join(", ")}]`,
    "---",
  ];
  return lines.join("\n");
}

function imageMarkdown(image: BodyImage): string {
  if (image.kind === "remote") return `![${image.alt}](${image.url})`;
  if (image.kind === "public") return `![${image.alt}](/${PUBLIC_IMAGE_DIR}/${IMAGE_ASSETS[image.asset]?.file ?? ""})`;
  return `![${image.alt}](./${image.file})`;
}

function blockMarkdown(block: Block, flavour: Flavour, mdx: boolean): string {
  switch (block.type) {
    case "markdown":
    case "code":
      return block.markdown;
    case "image":
      return imageMarkdown(block.image);
    case "chart":
      return flavour === "blog" && mdx ? chartMdx(block.chart) : chartPlainText(block.chart);
  }
}

/** Only a post with files beside it needs a folder, as an author would lay it out. */
export function isFolderPost(post: PostPlan): boolean {
  return post.cover !== undefined || post.blocks.some((block) => block.type === "image" && block.image.kind === "relative");
}

/** The files for one post, relative to the posts folder. */
export function postFiles(post: PostPlan, flavour: Flavour): CorpusFile[] {
  const mdx = flavour === "blog" && post.mdx;
  const extension = mdx ? "mdx" : "md";
  const text = `${frontmatter(post)}\n${post.blocks.map((block) => blockMarkdown(block, flavour, mdx)).join("\n\n")}\n`;
  if (!isFolderPost(post)) return [{ path: `${post.slug}.${extension}`, text }];
  const beside: CorpusFile[] = post.blocks.flatMap((block) =>
    block.type === "image" && block.image.kind === "relative"
      ? [{ path: `${post.slug}/${block.image.file}`, asset: block.image.asset }]
      : [],
  );
  return [
    { path: `${post.slug}/index.${extension}`, text },
    ...(post.cover === undefined ? [] : [{ path: `${post.slug}/cover.jpg`, asset: post.cover }]),
    ...beside,
  ];
}

export function withoutCharts(post: PostPlan): PostPlan {
  return { ...post, blocks: post.blocks.filter((block) => block.type !== "chart") };
}

export interface CorpusSummary {
  posts: number;
  wordsMedian: number;
  wordsMax: number;
  withCode: number;
  withCover: number;
  withBodyImages: number;
  withCharts: number;
  folderPosts: number;
  tags: number;
  firstDate: string;
  lastDate: string;
}

export function summarise(posts: readonly PostPlan[]): CorpusSummary {
  const words = posts.map((post) => post.words).sort((a, b) => a - b);
  const dates = posts.map((post) => post.date).sort();
  const count = (test: (post: PostPlan) => boolean) => posts.filter(test).length;
  return {
    posts: posts.length,
    wordsMedian: words[Math.floor((words.length - 1) / 2)] ?? 0,
    wordsMax: words.at(-1) ?? 0,
    withCode: count((post) => post.code !== undefined),
    withCover: count((post) => post.cover !== undefined),
    withBodyImages: count((post) => post.blocks.some((block) => block.type === "image")),
    withCharts: count((post) => post.blocks.some((block) => block.type === "chart")),
    folderPosts: count(isFolderPost),
    tags: new Set(posts.flatMap((post) => post.tags)).size,
    firstDate: dates[0] ?? "",
    lastDate: dates.at(-1) ?? "",
  };
}
