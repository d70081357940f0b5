import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { chartMdx, chartPlainText } from "../../../bench/lib/charts.ts";
import {
  chartsPost,
  generateCorpus,
  IMAGE_ASSETS,
  isFolderPost,
  pickTypicalPost,
  postFiles,
  summarise,
  TAG_POOL,
  withoutCharts,
  WORDS_MAX,
  type PostPlan,
} from "../../../bench/lib/corpus.ts";
import { barChartPropsSchema, lineChartPropsSchema, scatterChartPropsSchema } from "../../../src/lib/charts/schema.ts";
import { createPostSchema } from "../../../src/lib/posts/schema.ts";
import { countWords, proseBlocks } from "../../../src/lib/posts/text.ts";

const corpus = generateCorpus({ posts: 2000, seed: 1 });
const postSchema = createPostSchema({ timeZone: "America/New_York", cover: z.string() });

function mainFile(post: PostPlan, flavour: "blog" | "reference") {
  const file = postFiles(post, flavour)[0];
  if (!file || !("text" in file)) throw new Error("expected the post's text first");
  return file;
}

function frontmatter(text: string): Record<string, unknown> {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? "", { schema: "core" }) as Record<string, unknown>;
}

describe("generateCorpus", () => {
  it("is the same corpus for the same seed, and another for another seed", () => {
    const small = (seed: number) => generateCorpus({ posts: 30, seed });
    expect(small(4)).toEqual(small(4));
    expect(small(4).map((post) => post.slug)).not.toEqual(small(5).map((post) => post.slug));
  });

  it("does not reshuffle existing posts when more are asked for", () => {
    expect(
      generateCorpus({ posts: 50, seed: 1 })
        .slice(0, 20)
        .map((post) => post.words),
    ).toEqual(corpus.slice(0, 20).map((post) => post.words));
  });

  it("has the shape the product issue asks for", () => {
    const summary = summarise(corpus);
    expect(summary.wordsMedian).toBeGreaterThan(320);
    expect(summary.wordsMedian).toBeLessThan(380);
    expect(summary.wordsMax).toBeGreaterThan(1800);
    expect(summary.wordsMax).toBeLessThanOrEqual(WORDS_MAX);
    const share = (count: number) => count / corpus.length;
    expect(share(summary.withCode)).toBeCloseTo(0.2, 1);
    expect(share(summary.withCover)).toBeCloseTo(0.2, 1);
    expect(share(summary.withCharts)).toBeCloseTo(0.1, 1);
    expect(summary.tags).toBeGreaterThan(35);
    expect(summary.firstDate.slice(0, 4)).toBe("2015");
    expect(summary.lastDate.slice(0, 4)).toBe("2025");
  });

  it("gives every post a unique slug the blog would keep as it is", () => {
    const slugs = corpus.map((post) => post.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("tags from the pool, one to four each, no repeats", () => {
    for (const post of corpus) {
      expect(post.tags.length).toBeGreaterThanOrEqual(1);
      expect(post.tags.length).toBeLessThanOrEqual(4);
      expect(new Set(post.tags).size).toBe(post.tags.length);
      for (const tag of post.tags) expect(TAG_POOL).toContain(tag);
    }
  });

  it("writes frontmatter the blog's schema accepts", () => {
    for (const post of corpus.slice(0, 300)) {
      const result = postSchema.safeParse(frontmatter(mainFile(post, "blog").text));
      expect(result.success, `${post.slug}: ${result.error?.message}`).toBe(true);
    }
  });

  it("counts words the way the blog counts them", () => {
    // Alt text and a chart's plain-text stand-in are words to the blog too, but not prose the generator planned.
    const proseOnly = corpus
      .slice(0, 100)
      .filter((post) => post.blocks.every((block) => block.type === "markdown" || block.type === "code"));
    expect(proseOnly.length).toBeGreaterThan(30);
    for (const post of proseOnly) {
      const body = mainFile(post, "reference").text.replace(/^---\n[\s\S]*?\n---\n/, "");
      expect(countWords(proseBlocks(body, false).join(" "))).toBe(post.words);
    }
  });
});

describe("the text-only corpus", () => {
  const text = generateCorpus({ posts: 2000, seed: 1, kind: "text-only" });

  it("is the full corpus's posts, same slugs, dates, tags and prose, without covers, images or charts", () => {
    expect(text).toHaveLength(corpus.length);
    const summary = summarise(text);
    expect(summary).toMatchObject({ withCover: 0, withBodyImages: 0, withCharts: 0, folderPosts: 0 });
    expect(text.every((post) => !post.mdx && post.cover === undefined)).toBe(true);
    text.forEach((post, index) => {
      const full = corpus[index] as PostPlan;
      expect({ ...post, blocks: [] }).toEqual({ ...full, cover: undefined, mdx: false, blocks: [] });
      expect(post.blocks).toEqual(full.blocks.filter((block) => block.type === "markdown" || block.type === "code"));
    });
  });

  it("keeps about 350 words a post, code blocks on a fifth of them, and lists", () => {
    const summary = summarise(text);
    expect(summary.wordsMedian).toBeGreaterThan(320);
    expect(summary.wordsMedian).toBeLessThan(380);
    expect(summary.withCode / text.length).toBeCloseTo(0.2, 1);
    expect(text.filter((post) => post.blocks.some((block) => block.type === "code"))).toHaveLength(summary.withCode);
    const withList = text.filter((post) =>
      post.blocks.some((block) => /^(?:- |1\. )/m.test(block.type === "markdown" ? block.markdown : "")),
    );
    expect(withList.length / text.length).toBeGreaterThan(0.3);
  });

  it("writes one Markdown file a post, without an image or component in it, the same for both projects", () => {
    for (const post of text.slice(0, 300)) {
      const blog = postFiles(post, "blog");
      expect(blog).toEqual([{ path: `${post.slug}.md`, text: expect.any(String) }]);
      expect(postFiles(post, "reference")).toEqual(blog);
      const { text: markdown } = mainFile(post, "blog");
      expect(markdown).not.toMatch(/!\[|cover_image|<(?:Line|Bar|Scatter)Chart|^import /m);
      expect(postSchema.safeParse(frontmatter(markdown)).success).toBe(true);
    }
  });
});

describe("postFiles", () => {
  const withCover = corpus.find((post) => post.cover !== undefined && post.mdx) as PostPlan;
  const plain = corpus.find((post) => !isFolderPost(post) && !post.mdx) as PostPlan;

  it("puts a post with a cover in a folder, cover beside it", () => {
    const files = postFiles(withCover, "blog");
    expect(files[0]?.path).toBe(`${withCover.slug}/index.mdx`);
    expect(files).toContainEqual({ path: `${withCover.slug}/cover.jpg`, asset: withCover.cover });
    expect(mainFile(withCover, "blog").text).toContain("cover_image: ./cover.jpg");
  });

  it("keeps a post without files beside it as a single file", () => {
    expect(postFiles(plain, "blog")).toEqual([{ path: `${plain.slug}.md`, text: expect.any(String) }]);
  });

  it("gives the reference Markdown, with charts as plain text", () => {
    const chart = withCover.blocks.find((block) => block.type === "chart");
    if (chart?.type !== "chart") throw new Error("expected a chart");
    const reference = mainFile(withCover, "reference");
    expect(reference.path).toBe(`${withCover.slug}/index.md`);
    expect(reference.text).toContain(chartPlainText(chart.chart));
    expect(reference.text).not.toMatch(/<(Line|Bar|Scatter)Chart/);
    expect(mainFile(withCover, "blog").text).toContain(chartMdx(chart.chart));
  });

  it("points images at files that exist in the corpus or public/", () => {
    for (const post of corpus.slice(0, 200)) {
      const files = postFiles(post, "blog");
      const paths = new Set(files.map((file) => file.path));
      const { text } = mainFile(post, "blog");
      for (const [, src] of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        if (src?.startsWith("./")) expect(paths).toContain(`${post.slug}/${src.slice(2)}`);
        else if (src?.startsWith("/")) expect(IMAGE_ASSETS.map((asset) => asset.file)).toContain(src.split("/").pop());
        else expect(src).toMatch(/^https:\/\//);
      }
    }
  });
});

describe("charts", () => {
  const schemas = { line: lineChartPropsSchema, bar: barChartPropsSchema, scatter: scatterChartPropsSchema };

  it("builds a fifty-chart post whose charts the blog's components accept", () => {
    const post = chartsPost({ charts: 50, seed: 1 });
    const charts = post.blocks.flatMap((block) => (block.type === "chart" ? [block.chart] : []));
    expect(charts).toHaveLength(50);
    expect(new Set(charts.map((chart) => chart.kind))).toEqual(new Set(["line", "bar", "scatter"]));
    for (const chart of charts) {
      const props = { data: chart.rows, title: chart.title, x: chart.x, y: chart.kind === "scatter" ? chart.y[0] : chart.y };
      expect(schemas[chart.kind].safeParse(props).success).toBe(true);
    }
  });

  it("strips the charts and nothing else", () => {
    const post = chartsPost({ charts: 50, seed: 1 });
    const stripped = withoutCharts(post);
    expect(stripped.blocks.some((block) => block.type === "chart")).toBe(false);
    expect(stripped.blocks).toEqual(post.blocks.filter((block) => block.type === "markdown"));
    expect(mainFile(stripped, "blog").path).toBe(mainFile(post, "blog").path);
  });
});

describe("pickTypicalPost", () => {
  const post = (slug: string, words: number, code: boolean, cover: boolean): PostPlan => ({
    slug,
    title: slug,
    date: "2020-01-01",
    tags: [],
    description: undefined,
    words,
    code: code ? "ts" : undefined,
    cover: cover ? 0 : undefined,
    mdx: false,
    blocks: [],
  });

  it("takes the post nearest 500 words among those with code and an image", () => {
    const picked = pickTypicalPost([
      post("exact-no-code", 500, false, true),
      post("far", 900, true, true),
      post("near", 560, true, true),
    ]);
    expect(picked?.slug).toBe("near");
  });

  it("falls back to the nearest post when none has both", () => {
    expect(pickTypicalPost([post("a", 300, false, false), post("b", 480, true, false)])?.slug).toBe("b");
    expect(pickTypicalPost([])).toBeUndefined();
  });

  it("finds a post with both in a real corpus", () => {
    const picked = pickTypicalPost(corpus);
    expect(picked?.code).toBeDefined();
    expect(Math.abs((picked?.words ?? 0) - 500)).toBeLessThan(30);
  });
});
