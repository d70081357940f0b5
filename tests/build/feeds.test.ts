import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SyntaxValidator } from "fast-xml-validator";
import Parser from "rss-parser";
import sharp from "sharp";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { readPage } from "../support/html.ts";

const dist = inject("productionDist");
const HOSTILE = '</script><script>alert(1)</script> & "quotes" <b>x</b> ]]>';
const SITE = "https://blog.example.org/blog/";
const LISTED_NEWEST_FIRST = ["An MDX fixture", "Code blocks fixture", "Charts fixture", "Hello, fixture world", HOSTILE];

type Item = Parser.Item & { "content:encoded"?: string; "dc:creator"?: string };
const read = (path: string) => readFileSync(join(dist, path), "utf8");

describe("RSS feed", () => {
  let feed: Parser.Output<Item>;
  beforeAll(async () => {
    feed = await new Parser<Record<string, never>, Item>({ customFields: { item: ["dc:creator"] } }).parseString(read("rss.xml"));
  });

  it("is well-formed XML", () => {
    expect(SyntaxValidator.validate(read("rss.xml"))).toBe(true);
    expect(SyntaxValidator.validate(read("tags/testing/rss.xml"))).toBe(true);
  });

  it("describes the channel", () => {
    expect(feed.title).toBe("Field Notes");
    expect(feed.description).toBeTruthy();
    expect(feed.link).toBe(SITE);
    expect(read("rss.xml")).toContain("<language>en</language>");
    expect(read("rss.xml")).toMatch(/<lastBuildDate>[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} [\d:]{8} GMT<\/lastBuildDate>/);
    expect(read("rss.xml")).toContain(`<atom:link href="${SITE}rss.xml" rel="self" type="application/rss+xml"/>`);
  });

  it("holds the newest listed posts, newest first, and nothing else", () => {
    expect(feed.items.map((item) => item.title)).toEqual(LISTED_NEWEST_FIRST);
  });

  it("gives every item a permalink, guid, date, categories, author and full content with absolute URLs", () => {
    expect(feed.items).toHaveLength(LISTED_NEWEST_FIRST.length);
    for (const item of feed.items) {
      expect(item.link).toMatch(/^https:\/\/blog\.example\.org\/blog\/posts\/[^/]+\/$/);
      expect(item.guid).toBe(item.link);
      expect(Number.isNaN(Date.parse(item.pubDate ?? ""))).toBe(false);
      expect(item["dc:creator"]).toBe("Ben Borgers");
      const content = item["content:encoded"] ?? "";
      expect(content.length).toBeGreaterThan(20);
      expect(content).not.toMatch(/(?:src|href|poster)="\/(?!\/)/);
      expect(content).not.toMatch(/srcset="\//);
    }
    expect(feed.items.find((item) => item.title === "Hello, fixture world")?.categories).toEqual(["testing", "fixtures"]);
  });

  it("puts the cover first and renders the real post body", () => {
    const content = feed.items.find((item) => item.title === "Hello, fixture world")?.["content:encoded"] ?? "";
    expect(content).toMatch(
      /^<figure><img src="https:\/\/blog\.example\.org\/blog\/_astro\/cover\.[^"]+\.jpe?g" alt="A teal and rose gradient/,
    );
    expect(content).toContain("<table>");
    expect(content).toContain('href="https://blog.example.org/blog/posts/hello-world/#');
  });

  it("renders MDX components in the item, and charts as PNG images with alt text", () => {
    const mdx = feed.items.find((item) => item.title === "An MDX fixture")?.["content:encoded"] ?? "";
    expect(mdx).toContain("the answer is 42");
    const charts = feed.items.find((item) => item.title === "Charts fixture")?.["content:encoded"] ?? "";
    expect(charts).not.toContain("<svg");
    const images = [
      ...charts.matchAll(/<img src="https:\/\/blog\.example\.org\/blog\/(charts\/[a-f0-9]{64}\.png)"[^>]*alt="([^"]+)"/g),
    ];
    expect(images).toHaveLength(3);
    for (const [, path, alt] of images) {
      expect(existsSync(join(dist, path ?? ""))).toBe(true);
      expect(alt?.length).toBeGreaterThan(10);
    }
  });

  it("has a feed per tag with only that tag's posts", async () => {
    const tagFeed = await new Parser().parseString(read("tags/charts/rss.xml"));
    expect(tagFeed.items.map((item) => item.title)).toEqual(["Charts fixture"]);
  });
});

describe("chart images in feeds", () => {
  it("are real PNGs with colour, not blank or black", async () => {
    const charts = read("rss.xml").match(/charts\/[a-f0-9]{64}\.png/g) ?? [];
    const image = sharp(join(dist, charts[0] ?? ""));
    const { width, height, format } = await image.metadata();
    expect(format).toBe("png");
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(200);
    const { channels } = await image.stats();
    const [red, green, blue] = channels;
    // Mostly the light page background, with coloured marks: bright on average, and not grey everywhere.
    expect(((red?.mean ?? 0) + (green?.mean ?? 0) + (blue?.mean ?? 0)) / 3).toBeGreaterThan(180);
    expect(Math.max(red?.stdev ?? 0, green?.stdev ?? 0, blue?.stdev ?? 0)).toBeGreaterThan(10);
  });
});

describe("JSON Feed", () => {
  const feed = () => JSON.parse(read("feed.json")) as Record<string, unknown> & { items: Record<string, unknown>[] };

  it("has the spec's required fields and the same items as the RSS feed", () => {
    const json = feed();
    expect(json["version"]).toBe("https://jsonfeed.org/version/1.1");
    expect(json["title"]).toBe("Field Notes");
    expect(json["home_page_url"]).toBe(SITE);
    expect(json["feed_url"]).toBe(`${SITE}feed.json`);
    expect(json.items.map((item) => item["title"])).toEqual(LISTED_NEWEST_FIRST);
    expect(json.items).toHaveLength(LISTED_NEWEST_FIRST.length);
    for (const item of json.items) {
      expect(typeof item["id"]).toBe("string");
      expect(typeof item["content_html"]).toBe("string");
      expect(Number.isNaN(Date.parse(String(item["date_published"])))).toBe(false);
    }
  });
});

describe("head metadata of a post", () => {
  const { document } = readPage(dist, "posts/hello-world/");
  const meta = (key: string) => document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");

  it("has title, description, canonical, Open Graph and Twitter card tags", () => {
    expect(document.querySelector("title")?.textContent).toBe("Hello, fixture world · Field Notes");
    expect(meta("description")).toMatch(/^A published fixture post/);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`${SITE}posts/hello-world/`);
    expect(meta("og:type")).toBe("article");
    expect(meta("og:url")).toBe(`${SITE}posts/hello-world/`);
    expect(meta("og:image")).toBe(`${SITE}og/hello-world.png`);
    expect(meta("og:image:width")).toBe("1200");
    expect(meta("og:image:height")).toBe("630");
    expect(meta("og:image:alt")).toBeTruthy();
    expect(meta("article:published_time")).toBe("2025-01-10T05:00:00.000Z");
    expect(meta("article:modified_time")).toBe("2025-02-01T05:00:00.000Z");
    expect(meta("twitter:card")).toBe("summary_large_image");
  });

  it("links the feeds from every page", () => {
    for (const path of ["", "posts/", "tags/", "posts/hello-world/"]) {
      const page = readPage(dist, path).document;
      expect(page.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href")).toBe("/blog/rss.xml");
      expect(page.querySelector('link[rel="alternate"][type="application/feed+json"]')?.getAttribute("href")).toBe(
        "/blog/feed.json",
      );
    }
  });

  it("has BlogPosting and BreadcrumbList JSON-LD that parses", () => {
    const blocks = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
      JSON.parse(script.textContent ?? ""),
    );
    expect(blocks.map((block) => block["@type"])).toEqual(["BlogPosting", "BreadcrumbList"]);
    expect(blocks[0]).toMatchObject({ headline: "Hello, fixture world", datePublished: "2025-01-10T05:00:00.000Z" });
  });
});

describe("a hostile title", () => {
  it("stays text in the page, the JSON-LD, both feeds and the card", async () => {
    const { html, document } = readPage(dist, "posts/hostile/");
    expect(document.querySelector("h1")?.textContent).toBe(HOSTILE);
    expect(document.querySelector("title")?.textContent).toBe(`${HOSTILE} · Field Notes`);
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)");
    expect([...document.querySelectorAll("script")].filter((script) => script.textContent?.trim() === "alert(1)")).toEqual([]);
    const scripts = [...document.querySelectorAll('script[type="application/ld+json"]')];
    expect(scripts.map((script) => JSON.parse(script.textContent ?? "")["headline"] ?? null)[0]).toBe(HOSTILE);
    const rss = await new Parser().parseString(read("rss.xml"));
    expect(rss.items.some((item) => item.title === HOSTILE)).toBe(true);
    const json = JSON.parse(read("feed.json")) as { items: { title: string }[] };
    expect(json.items.some((item) => item.title === HOSTILE)).toBe(true);
    expect((await sharp(join(dist, "og/hostile.png")).metadata()).width).toBe(1200);
  });
});

describe("sitemap and robots", () => {
  it("names the sitemap in robots.txt", () => {
    expect(read("robots.txt")).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });
});

describe("social cards", () => {
  it("exist at 1200×630 for every post with a page, and for the site", async () => {
    for (const slug of ["hello-world", "second-post", "unlisted-post", "charts", "index"]) {
      const { width, height, format } = await sharp(join(dist, `og/${slug}.png`)).metadata();
      expect({ slug, width, height, format }).toEqual({ slug, width: 1200, height: 630, format: "png" });
    }
  });
});
