import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { BODY_IMAGE_SIZES, BODY_IMAGE_WIDTHS } from "../../src/lib/images/body-widths.ts";
import { pageExists, readPage } from "../support/html.ts";

const dist = inject("productionDist");
const HOSTILE = '</script><script>alert(1)</script> & "quotes" <b>x</b> ]]>';
const preview = inject("previewDist");

const listedTitles = (path: string, root = dist) =>
  [...readPage(root, path).document.querySelectorAll(".post-list .title a")].map((a) => a.textContent?.trim());

describe("production build of the fixture site", () => {
  it("builds one page per published post, including unlisted ones", () => {
    expect(pageExists(dist, "posts/hello-world")).toBe(true);
    expect(pageExists(dist, "posts/second-post")).toBe(true);
    expect(pageExists(dist, "posts/unlisted-post")).toBe(true);
  });

  it("leaves drafts and future-dated posts out of every output", () => {
    for (const slug of ["draft-post", "future-post", "gpt-5-3-codex-spark"]) {
      expect(pageExists(dist, `posts/${slug}`)).toBe(false);
    }
    const sitemap = readFileSync(join(dist, "sitemap-0.xml"), "utf8");
    for (const text of [readPage(dist, "").html, readPage(dist, "posts").html, sitemap]) {
      expect(text).not.toMatch(/draft-post|future-post|gpt-5-3-codex-spark|A scheduled fixture/);
    }
  });

  it("lists published posts newest first and never the unlisted one", () => {
    const expected = ["An MDX fixture", "Code blocks fixture", "Charts fixture", "Hello, fixture world", HOSTILE];
    expect(listedTitles("")).toEqual(expected);
    expect(listedTitles("posts")).toEqual(expected);
    expect(readFileSync(join(dist, "sitemap-0.xml"), "utf8")).not.toContain("unlisted-post");
  });

  it("marks unlisted pages noindex and published ones indexable", () => {
    expect(readPage(dist, "posts/unlisted-post").document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe(
      "noindex",
    );
    expect(readPage(dist, "posts/hello-world").document.querySelector('meta[name="robots"]')).toBeNull();
  });

  it("marks starred posts in lists", () => {
    const item = readPage(dist, "").document.querySelector(".post-list .starred");
    expect(item?.querySelector(".title")?.textContent).toContain("Hello, fixture world");
    expect(item?.textContent).toContain("Starred");
  });

  it("renders the post header: title, dates in the site's zone, reading time and normalised tags", () => {
    const { document } = readPage(dist, "posts/hello-world");
    expect(document.querySelector("h1")?.textContent).toBe("Hello, fixture world");
    const times = [...document.querySelectorAll(".post-header time")].map((t) => t.getAttribute("datetime"));
    // Date-only values are midnight in America/New_York.
    expect(times).toEqual(["2025-01-10T05:00:00.000Z", "2025-02-01T05:00:00.000Z"]);
    expect(document.querySelector(".post-header .meta")?.textContent).toMatch(/\d+ min read/);
    expect([...document.querySelectorAll(".post-header .tags a")].map((a) => a.textContent)).toEqual(["#testing", "#fixtures"]);
  });

  it("optimises a relative cover into responsive WebP with intrinsic size, loaded first", () => {
    const img = readPage(dist, "posts/hello-world").document.querySelector(".cover img");
    expect(img?.getAttribute("src")).toMatch(/^\/blog\/_astro\/.+\.webp$/);
    expect(img?.getAttribute("srcset")).toMatch(/360w.*720w/);
    expect(img?.getAttribute("sizes")).toBeTruthy();
    expect(img?.getAttribute("width")).toBe("1200");
    expect(img?.getAttribute("height")).toBe("600");
    expect(img?.getAttribute("loading")).toBe("eager");
    expect(img?.getAttribute("fetchpriority")).toBe("high");
    expect(img?.getAttribute("alt")).toBe("A teal and rose gradient with a pale sun");
  });

  it("preloads the text and heading faces on every kind of page, the very files its @font-face rules name", () => {
    for (const path of ["", "posts/hello-world", "posts/second-post", "posts", "404.html"]) {
      const { html, document } = readPage(dist, path);
      const preloads = [...document.querySelectorAll('link[rel="preload"][as="font"]')].map((link) => link.getAttribute("href"));
      expect(preloads.length, path).toBe(2);
      expect(preloads[0], path).toMatch(/^\/blog\/_astro\/inter-latin-wght-400-700\.[\w-]+\.woff2$/);
      expect(preloads[1], path).toMatch(/^\/blog\/_astro\/source-serif-4-latin-wght-400-700\.[\w-]+\.woff2$/);
      const faces = [...html.matchAll(/@font-face\{[^}]*url\(([^)]+)\)/g)].map((match) => match[1]?.replace(/^"|"$/g, ""));
      for (const preload of preloads) expect(faces, `${path}: ${preload}`).toContain(preload);
    }
  });

  it("publishes no image that nothing in the site links to: no unused original, no rendition no page asks for", () => {
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const linking = files
      .filter((entry) => /\.(html|xml|json|css|js)$/.test(entry.name))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), "utf8"))
      .join("\n");
    const images = files.filter(
      (entry) => entry.parentPath.endsWith("_astro") && /\.(png|jpe?g|webp|gif|avif)$/i.test(entry.name),
    );
    // The cover in its widths, the body image in its widths and the feed's JPEG of the cover.
    expect(images.length).toBeGreaterThanOrEqual(5);
    expect(images.filter((entry) => entry.name.endsWith(".jpeg"))).toHaveLength(1);
    expect(images.map((entry) => entry.name).filter((name) => !linking.includes(`/_astro/${name}`))).toEqual([]);
  });

  it("sizes every optimised body image for the text column, in the widths the column asks for and its own", () => {
    const repo = inject("repoDist");
    const pages = [
      readPage(dist, "posts/hello-world"),
      ...readdirSync(join(repo, "posts"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => readPage(repo, `posts/${entry.name}`)),
    ];
    const images = pages.flatMap(({ document }) => [...document.querySelectorAll(".prose img[data-astro-image]")]);
    // The fixture's 400 px diagram, and the repository's example photograph, 1,600 px wide.
    expect(images.length).toBeGreaterThanOrEqual(2);
    expect(images.some((image) => Number(image.getAttribute("width")) > Math.max(...BODY_IMAGE_WIDTHS))).toBe(true);
    for (const image of images) {
      const width = Number(image.getAttribute("width"));
      const candidates = (image.getAttribute("srcset") ?? "").split(",").map((candidate) => candidate.trim().split(/\s+/)[1]);
      expect(image.getAttribute("sizes")).toBe(BODY_IMAGE_SIZES);
      expect(candidates).toEqual([...BODY_IMAGE_WIDTHS.filter((each) => each < width), width].map((each) => `${each}w`));
    }
  });

  it("handles every kind of body image", () => {
    const { document } = readPage(dist, "posts/hello-world");
    const images = [...document.querySelectorAll(".prose img")];
    const relative = images.find((img) => img.getAttribute("alt") === "A diagram beside the post");
    expect(relative?.getAttribute("src")).toMatch(/^\/blog\/_astro\/diagram\..+\.webp$/);
    expect(relative?.getAttribute("loading")).toBe("lazy");
    const fromPublic = images.find((img) => img.getAttribute("alt")?.startsWith("A chart from public"));
    expect(fromPublic?.getAttribute("src")).toBe("/blog/images/My%20Chart@2x.png");
    expect(fromPublic?.getAttribute("width")).toBe("800");
    expect(fromPublic?.getAttribute("height")).toBe("400");
    expect(fromPublic?.getAttribute("loading")).toBe("lazy");
    expect(fromPublic?.closest("figure")?.querySelector("figcaption")?.textContent).toBe(
      "A captioned screenshot: click to open it full size",
    );
    expect(fromPublic?.parentElement?.getAttribute("href")).toBe("/blog/images/My%20Chart@2x.png");
    expect(relative?.closest("figure")?.querySelector("figcaption")?.textContent).toBe("A diagram, optimised and captioned");
    const remote = images.find((img) => img.getAttribute("alt") === "remote badge");
    expect(remote?.getAttribute("src")).toBe("https://img.example.org/badge.png");
    expect(remote?.getAttribute("loading")).toBe("lazy");
    // Inline in its paragraph, inside the link to its full-size file.
    expect(remote?.parentElement?.getAttribute("href")).toBe(remote?.getAttribute("src"));
    expect(remote?.parentElement?.parentElement?.tagName).toBe("P");
    expect(remote?.parentElement?.parentElement?.textContent).toContain("runs into this text");
  });

  it("renders GFM, raw HTML, heading anchors and dual-theme code highlighting", () => {
    const { document } = readPage(dist, "posts/hello-world");
    expect(document.querySelector(".prose table th")?.textContent).toBe("Engine");
    expect(document.querySelector(".prose del")?.textContent).toBe("strikethrough");
    expect(document.querySelector('.prose a[href="https://example.org/docs"]')).not.toBeNull();
    expect(document.querySelector(".prose [data-footnote-ref]")).not.toBeNull();
    expect(document.querySelector(".prose video")).not.toBeNull();
    const heading = document.querySelector(".prose h2#a-section-with-a-table");
    expect(heading?.querySelector("a.heading-anchor")?.getAttribute("href")).toBe("#a-section-with-a-table");
    expect([...document.querySelectorAll('.prose input[type="checkbox"]')].map((box) => box.getAttribute("aria-label"))).toEqual([
      "Done",
      "Not done",
    ]);
    const code = document.querySelector(".prose pre.astro-code");
    expect(code?.getAttribute("style") ?? "").toContain("--shiki-dark");
  });

  it("renders MDX posts", () => {
    const { document } = readPage(dist, "posts/second-post");
    expect(document.querySelector(".prose")?.textContent).toContain("the answer is 42");
    expect(document.querySelector(".prose aside.note")).not.toBeNull();
    expect(document.querySelector('.prose a[href="/blog/posts/hello-world/"]')?.textContent).toBe("other posts");
  });

  it("links neighbours in listed order", () => {
    const { document } = readPage(dist, "posts/hello-world");
    expect(document.querySelector('.post-nav a[rel="next"]')?.getAttribute("href")).toBe("/blog/posts/charts/");
    expect(document.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href")).toBe("/blog/posts/hostile/");
  });

  it("builds standalone pages, links them from the header and holds back drafts", () => {
    const { document } = readPage(dist, "colophon/");
    expect(document.querySelector("h1")?.textContent).toBe("Colophon");
    expect(document.querySelector('.prose a[href="/blog/posts/hello-world/"]')).not.toBeNull();
    expect(readPage(dist, "").document.querySelector('header nav a[href="/blog/colophon/"]')?.textContent?.trim()).toBe(
      "Colophon",
    );
    expect(pageExists(dist, "hidden-draft")).toBe(false);
    expect(pageExists(preview, "hidden-draft")).toBe(true);
  });

  it("suggests related posts from shared words and tags, never unlisted ones", () => {
    const related = [...readPage(dist, "posts/hello-world/").document.querySelectorAll(".related a")].map((a) => a.textContent);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related).not.toContain("An unlisted fixture");
    expect(related).not.toContain("Hello, fixture world");
  });

  it("has a 404 page", () => {
    expect(readPage(dist, "404.html").document.querySelector("h1")?.textContent).toMatch(/isn’t here/);
  });
});

describe("preview build with drafts", () => {
  it("writes to its own folder, shows drafts and scheduled posts, and marks every page noindex", () => {
    expect(preview).toMatch(/dist-preview$/);
    for (const path of ["", "posts/gpt-5-3-codex-spark", "posts/future-post", "posts/draft-post", "posts/hello-world"]) {
      expect(readPage(preview, path).document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    }
    expect(readPage(preview, "posts/draft-post").document.querySelector(".status")?.textContent).toContain("Draft");
    expect(readPage(preview, "posts/future-post").document.querySelector(".status")?.textContent).toContain("Scheduled");
  });

  it("lists the dateless draft first, labelled", () => {
    const first = readPage(preview, "").document.querySelector(".post-list .item");
    expect(first?.querySelector(".title")?.textContent).toContain("A draft fixture without a date");
    expect(first?.querySelector(".badge")?.textContent).toBe("Draft");
  });

  it("renders the author's seed post untouched, inline image and all", () => {
    const { document } = readPage(preview, "posts/gpt-5-3-codex-spark");
    expect(document.querySelector("h1")?.textContent).toBe("An underbaked GPT-Codex-5.3-Spark review");
    const chart = document.querySelector('.prose img[alt="SWE-Bench Pro.png"]');
    expect(chart?.parentElement?.getAttribute("href")).toBe(chart?.getAttribute("src"));
    expect(chart?.parentElement?.parentElement?.tagName).toBe("P");
    expect(chart?.parentElement?.parentElement?.textContent).toContain("The graph shows");
    expect(document.querySelector(".prose")?.textContent).toContain("back to Opus 4.6 for now");
  });

  it("shrinks the seed's public-path cover for phones to under 15% of its bytes", () => {
    const { document } = readPage(preview, "posts/gpt-5-3-codex-spark");
    const img = document.querySelector(".cover img");
    expect(img?.getAttribute("width")).toBe("1442");
    expect(img?.getAttribute("height")).toBe("522");
    const candidates = (img?.getAttribute("srcset") ?? "").split(",").map((entry) => entry.trim().split(/\s+/));
    // A 360 CSS px phone at device pixel ratio 2 picks the 720w candidate.
    const phone = candidates.find(([, width]) => width === "720w")?.[0];
    expect(phone).toMatch(/\.webp$/);
    const original = statSync(join(preview, "posts/gpt-5-3-codex-spark/cover_image.png")).size;
    const served = statSync(join(preview, (phone ?? "").replace(/^\/blog\//, ""))).size;
    expect(original).toBeGreaterThan(700_000);
    expect(served / original).toBeLessThan(0.15);
  });
});

describe("sitemap", () => {
  it("lists exactly the indexable pages, with lastmod from updated or date", () => {
    const sitemap = readFileSync(join(dist, "sitemap-0.xml"), "utf8");
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(urls).toEqual([
      "https://blog.example.org/blog/",
      "https://blog.example.org/blog/colophon/",
      "https://blog.example.org/blog/posts/",
      "https://blog.example.org/blog/posts/charts/",
      "https://blog.example.org/blog/posts/code-blocks/",
      "https://blog.example.org/blog/posts/hello-world/",
      "https://blog.example.org/blog/posts/hostile/",
      "https://blog.example.org/blog/posts/second-post/",
      "https://blog.example.org/blog/subscribe/",
      "https://blog.example.org/blog/tags/",
      "https://blog.example.org/blog/tags/charts/",
      "https://blog.example.org/blog/tags/code/",
      "https://blog.example.org/blog/tags/fixtures/",
      "https://blog.example.org/blog/tags/mdx/",
      "https://blog.example.org/blog/tags/testing/",
    ]);
    expect(sitemap).toContain(
      "<loc>https://blog.example.org/blog/posts/hello-world/</loc><lastmod>2025-02-01T05:00:00.000Z</lastmod>",
    );
    expect(sitemap).toContain(
      "<loc>https://blog.example.org/blog/posts/second-post/</loc><lastmod>2025-03-02T15:00:00.000Z</lastmod>",
    );
  });
});
