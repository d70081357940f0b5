import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { planDeployFiles } from "../../src/lib/deploy/deploy-files.ts";
import { NO_THIRD_PARTIES, thirdPartyOrigins } from "../../src/lib/deploy/headers.ts";
import { largestCandidate } from "../../src/lib/markdown/full-size.ts";
import { parseSiteConfig, site } from "../../src/site.config.ts";
import { readPage } from "../support/html.ts";
import { indexedPages } from "../support/pagefind.ts";
import { createProject, runAstro } from "../support/project.ts";
import { readerFeatureContent, readerFeatureSettings } from "../support/reader-features.ts";

const ACTION = "https://newsletter.example.net/subscribe";
const settings = readerFeatureSettings(ACTION);
const env = { SITE_BASE: "/blog/", SITE_URL: "https://blog.example.org" };
let dir: string;
let dist: string;
let previewDist: string;

/** Every text file of a build, by path, to look for what a feature must not leave behind. */
function buildTexts(root: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(?:html|js|css|xml|json)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      texts.set(path.slice(root.length + 1), readFileSync(path, "utf8"));
    }
  }
  return texts;
}

beforeAll(async () => {
  const { posts, files } = readerFeatureContent();
  dir = createProject("reader-features", posts, { files, siteSettings: settings });
  const production = await runAstro(dir, ["build"], env);
  expect(production.code, production.output).toBe(0);
  const preview = await runAstro(dir, ["build"], { ...env, BLOG_PREVIEW: "1" });
  expect(preview.code, preview.output).toBe(0);
  dist = join(dir, "dist");
  previewDist = join(dir, "dist-preview");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("math", () => {
  it("typesets $…$ and $$…$$ in Markdown and MDX into MathML and KaTeX's HTML, with no script", () => {
    for (const [path, inline, display] of [
      ["posts/series-one", "e^{-\\ln(2)/h}", "\\int_0^1 x^{2}\\,dx = \\frac{1}{3}"],
      ["posts/series-two", "\\sqrt{b^2-4ac}", "\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}"],
    ] as const) {
      const { document } = readPage(dist, path);
      const formulas = document.querySelectorAll(".prose .katex");
      expect(formulas.length, path).toBe(3);
      const sources = [...document.querySelectorAll('.prose annotation[encoding="application/x-tex"]')].map((a) => a.textContent);
      expect(sources).toContain(inline);
      expect(sources).toContain(display);
      expect(document.querySelectorAll(".prose .katex-display math[display=block]").length).toBe(1);
      expect(document.querySelector(".prose")?.innerHTML).not.toMatch(/\$\$|language-math|:xmlns/);
      expect(document.querySelectorAll(".prose script").length).toBe(0);
    }
    const sentence = [...readPage(dist, "posts/series-one").document.querySelectorAll(".prose p")].find((p) =>
      p.textContent?.startsWith("Inline math"),
    );
    expect(sentence?.textContent).toContain("written $5.");
  });

  it("leaves formulas out of search, whose excerpts would show TeX run into KaTeX's glyphs", () => {
    const post = indexedPages(dist).find((page) => page.url === "/posts/series-two/");
    expect(post?.content).toContain("MDX inline math with braces");
    for (const formula of ["sqrt", "\\sum", "frac", "b^2"]) expect(post?.content, formula).not.toContain(formula);
    expect(readPage(dist, "posts/series-two").document.querySelectorAll(".prose .katex[data-pagefind-ignore]").length).toBe(2);
  });

  it("links KaTeX's stylesheet, self-hosted with its fonts, only on pages that have math", () => {
    const stylesheet = (path: string) =>
      [...readPage(dist, path).document.querySelectorAll('link[rel="stylesheet"]')]
        .map((link) => link.getAttribute("href") ?? "")
        .filter((href) => href.includes("katex"));
    const [href] = stylesheet("posts/series-one");
    expect(href).toMatch(/^\/blog\/_astro\/katex\.min\.[\w-]+\.css$/);
    expect(stylesheet("posts/series-two")).toEqual([href]);
    for (const path of ["posts/plain", "", "subscribe", "series/fixture-series"]) expect(stylesheet(path), path).toEqual([]);
    const css = readFileSync(join(dist, (href ?? "").replace("/blog/", "")), "utf8");
    const fonts = [...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((match) => match[1] ?? "");
    expect(fonts.length).toBeGreaterThan(10);
    for (const font of fonts) {
      expect(font).toMatch(/^\/blog\/_astro\/KaTeX_/);
      expect(existsSync(join(dist, font.replace("/blog/", ""))), font).toBe(true);
    }
    expect(css).not.toMatch(/https?:\/\/|url\(data:/);
  });

  it("puts MathML in the feeds, without KaTeX's HTML drawing, which needs the stylesheet", () => {
    const rss = readFileSync(join(dist, "rss.xml"), "utf8");
    expect(rss).toContain("&lt;math&gt;&lt;semantics&gt;");
    expect(rss).toContain("&lt;span class=&quot;katex-html&quot; aria-hidden=&quot;true&quot;&gt;&lt;/span&gt;");
    const feed = JSON.parse(readFileSync(join(dist, "feed.json"), "utf8")) as { items: { url: string; content_html: string }[] };
    const item = feed.items.find((entry) => entry.url.endsWith("/posts/series-two/"));
    expect(item?.content_html).toContain('<annotation encoding="application/x-tex">\\sqrt{b^2-4ac}</annotation>');
    expect(item?.content_html).not.toContain("vlist");
  });
});

describe("series", () => {
  const seriesItems = (path: string) =>
    [...readPage(dist, path).document.querySelectorAll("nav.series li a")].map((a) => ({
      title: a.textContent?.trim(),
      href: a.getAttribute("href"),
      current: a.getAttribute("aria-current"),
    }));

  it("shows each post the series' listed posts oldest first, with itself marked", () => {
    expect(seriesItems("posts/series-one")).toEqual([
      { title: "Series part one, with math", href: "/blog/posts/series-one/", current: "page" },
      { title: "Series part two, in MDX", href: "/blog/posts/series-two/", current: null },
    ]);
    expect(seriesItems("posts/series-two").map((item) => item.current)).toEqual([null, "page"]);
    expect(readPage(dist, "posts/series-two").document.querySelector("nav.series .series-position")?.textContent).toBe(
      "Part 2 of 2",
    );
  });

  it("gives an unlisted post its place in the box without listing it anywhere else", () => {
    expect(seriesItems("posts/series-unlisted").map((item) => [item.title, item.current])).toEqual([
      ["Series part one, with math", null],
      ["Series part two, in MDX", null],
      ["Series part, unlisted", "page"],
    ]);
    expect(readPage(dist, "series/fixture-series").html).not.toContain("unlisted");
  });

  it("lists the series at /series/<name>/ and every series at /series/; drafts only in a preview", () => {
    const titles = (root: string) =>
      [...readPage(root, "series/fixture-series").document.querySelectorAll(".post-list .title a")].map((a) => a.textContent);
    expect(titles(dist)).toEqual(["Series part one, with math", "Series part two, in MDX"]);
    expect(titles(previewDist)).toEqual(["Series part one, with math", "Series part two, in MDX", "Series part, still a draft"]);
    const index = readPage(dist, "series").document;
    expect([...index.querySelectorAll(".series-list h2 a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Fixture Series", "/blog/series/fixture-series/"],
    ]);
  });
});

describe("full-size images", () => {
  it("links every Markdown and MDX image to its full-size file, keeping the author's links and raw HTML as written", () => {
    const links = (path: string) =>
      [...readPage(dist, path).document.querySelectorAll(".prose img")].map((img) => ({
        alt: img.getAttribute("alt"),
        href: img.parentElement?.tagName === "A" ? img.parentElement.getAttribute("href") : null,
      }));
    const [optimised, ...others] = links("posts/series-one");
    expect(optimised?.href).toMatch(/^\/blog\/_astro\/diagram\.[\w-]+\.webp$/);
    expect(existsSync(join(dist, (optimised?.href ?? "").replace("/blog/", "")))).toBe(true);
    expect(others).toEqual([
      { alt: "A captioned public image", href: "/blog/images/wide.png" },
      { alt: "remote badge", href: "https://img.example.org/badge.png" },
      { alt: "An image the author linked", href: "https://example.org/author-link" },
      { alt: "Raw HTML image", href: null },
    ]);
    // MDX renders the image through its own pipeline, so the rendition is another file of the same image.
    const [mdx] = links("posts/series-two");
    expect(mdx?.alt).toBe("An optimised image in MDX");
    expect(mdx?.href).toMatch(/^\/blog\/_astro\/diagram\.[\w-]+\.webp$/);
    expect(existsSync(join(dist, (mdx?.href ?? "").replace("/blog/", "")))).toBe(true);
    for (const path of ["posts/series-one", "posts/series-two"]) {
      const image = readPage(dist, path).document.querySelector(".prose a.image-link > img");
      const widest = largestCandidate(image?.getAttribute("srcset") ?? "") ?? image?.getAttribute("src");
      expect(image?.parentElement?.getAttribute("href"), path).toBe(widest);
    }
    expect(readPage(dist, "posts/series-one").html).not.toContain("data-full-size");
  });
});

describe("newsletter, comments and analytics", () => {
  it("puts a sign-up form posting to the provider after each post and on /subscribe/", () => {
    for (const path of ["posts/plain", "posts/series-one", "subscribe"]) {
      const { document } = readPage(dist, path);
      const forms = document.querySelectorAll("form[data-newsletter-form]");
      expect(forms.length, path).toBe(1);
      expect(forms[0]?.getAttribute("method")).toBe("post");
      expect(forms[0]?.getAttribute("action")).toBe(ACTION);
      const input = document.querySelector('input[type="email"][name="email"][required]');
      expect(document.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe("Email address");
    }
  });

  it("leaves giscus's script out of the page: it is added when the reader reaches the comments", () => {
    const { document, html } = readPage(dist, "posts/plain");
    expect(document.querySelectorAll("section.comments [data-show-comments]").length).toBe(1);
    expect(html).not.toContain("giscus.app");
    expect(JSON.parse(document.querySelector("section.comments")?.getAttribute("data-comments") ?? "{}")).toMatchObject({
      "data-repo": "field-notes/site",
      "data-mapping": "pathname",
    });
  });

  it("adds one deferred analytics script to every page of a production build, none to a preview", () => {
    for (const path of ["", "posts/plain", "series"]) {
      const scripts = readPage(dist, path).document.querySelectorAll('script[src^="https://"]');
      expect(scripts.length, path).toBe(1);
      expect(scripts[0]?.getAttribute("src")).toBe("https://plausible.io/js/script.js");
      expect(scripts[0]?.hasAttribute("defer")).toBe(true);
      expect(scripts[0]?.getAttribute("data-domain")).toBe("blog.example.org");
    }
    for (const text of buildTexts(previewDist).values()) expect(text).not.toContain("plausible.io");
  });

  it("opens the Content-Security-Policy to exactly the origins the settings use", () => {
    const parsed = parseSiteConfig({ ...site, ...settings });
    const files = planDeployFiles({
      dist,
      base: "/blog/",
      redirects: site.redirects,
      thirdParty: thirdPartyOrigins(parsed),
      nginx: { root: dist, listen: "8080" },
    });
    const policy = /Content-Security-Policy: (.*)/.exec(files.headers)?.[1] ?? "";
    const directive = (name: string) => policy.split("; ").find((part) => part.startsWith(`${name} `));
    expect(directive("script-src")).toMatch(
      /^script-src 'self' 'wasm-unsafe-eval' ('sha256-[^']+' )+https:\/\/giscus\.app https:\/\/plausible\.io$/,
    );
    expect(directive("connect-src")).toBe("connect-src 'self' https://newsletter.example.net https://plausible.io");
    expect(directive("frame-src")).toBe("frame-src 'self' https://giscus.app");
    expect(directive("form-action")).toBe("form-action 'self' https://newsletter.example.net");
  });
});

describe("markup", () => {
  it("is valid HTML on every page, with every feature on", async () => {
    // The rules of html-validity.test.ts: generated void-element style, inline styles and titles are not errors.
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      rules: { "void-style": "off", "no-inline-style": "off", "long-title": "off", "doctype-style": "off" },
    });
    const pages = [...buildTexts(dist).keys()].filter((path) => path.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(10);
    const errors: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(join(dist, page));
      for (const message of report.results.flatMap((result) => result.messages)) {
        errors.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });
});

describe("with every feature off (the fixture site)", () => {
  const off = inject("productionDist");

  it("ships nothing of them: no form, no comments, no analytics, no KaTeX, no series pages", () => {
    const texts = buildTexts(off);
    expect(texts.size).toBeGreaterThan(20);
    for (const [path, text] of texts) {
      expect(text, path).not.toMatch(/giscus|plausible|data-newsletter|katex|class="series"/i);
    }
    expect(readdirSync(join(off, "_astro")).filter((file) => /katex|SignupForm|Comments/i.test(file))).toEqual([]);
    expect(existsSync(join(off, "series"))).toBe(false);
    expect(thirdPartyOrigins(site)).toEqual(NO_THIRD_PARTIES);
  });
});
