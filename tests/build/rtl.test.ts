import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readPage } from "../support/html.ts";
import { runAstro } from "../support/project.ts";
import { createRtlProject } from "../support/rtl-site.ts";

const text = (node: { textContent: string | null } | null | undefined) => node?.textContent?.replace(/\s+/g, " ").trim();

describe("a site in Arabic", () => {
  const dir = createRtlProject("rtl-build");
  const dist = join(dir, "dist");
  const page = (path: string) => readPage(dist, path).document;

  beforeAll(async () => {
    const result = await runAstro(dir, ["build"]);
    if (result.code !== 0) throw new Error(`The Arabic site did not build:\n${result.output}`);
  });

  it("runs every page right to left, in Arabic", () => {
    for (const path of ["", "posts/", "posts/typography/", "tags/", "tags/تصميم/", "search/", "subscribe/"]) {
      const root = page(path).documentElement;
      expect([path, root.getAttribute("lang"), root.getAttribute("dir")]).toEqual([path, "ar", "rtl"]);
    }
    const notFound = readPage(dist, "404.html").document.documentElement;
    expect([notFound.getAttribute("lang"), notFound.getAttribute("dir")]).toEqual(["ar", "rtl"]);
  });

  it("labels the page in Arabic", () => {
    const post = page("posts/typography/");
    expect(text(post.querySelector(".skip-link"))).toBe("الانتقال إلى المحتوى");
    expect(text(post.querySelector(".site-header nav a"))).toBe("التدوينات");
    expect(post.querySelector(".site-header nav")?.getAttribute("aria-label")).toBe("القائمة الرئيسية");
    expect(text(post.querySelector(".toc summary"))).toBe("المحتويات");
    expect(text(post.querySelector(".related .section-title"))).toBe("تدوينات ذات صلة");
    expect(text(readPage(dist, "404.html").document.querySelector("h1"))).toBe("هذه الصفحة ليست هنا");
    expect(text(page("search/").querySelector("label[for=search-query]"))).toBe("ابحث في التدوينات");
  });

  it("writes dates with Intl in Arabic, and reading time in the singular for one minute", () => {
    const meta = page("posts/typography/").querySelector(".post-header .meta");
    expect(text(meta?.querySelector(":scope > time"))).toBe("10 مارس 2026");
    const spans = [...(meta?.querySelectorAll(":scope > span") ?? [])].map(text);
    expect(spans).toEqual(["آخر تحديث: 12 مارس 2026", "دقيقة واحدة للقراءة"]);
  });

  it("counts posts with Arabic's plural forms: one, the dual, 3–10 and 11–99", () => {
    const count = (tag: string) => text(page(`tags/${tag}/`).querySelector(".count"));
    expect(count("بيانات")).toBe("تدوينة واحدة");
    expect(count("astro")).toBe("تدوينتان");
    expect(count("تصميم")).toBe("3 تدوينات");
    expect(count("قراءات")).toBe("11 تدوينة");
    expect(count("ملاحظات")).toBe("21 تدوينة (الصفحة 1 من 2)");
    expect(text(page("tags/").querySelector('a[href="/tags/astro/"] .count .visually-hidden'))).toBe("تدوينتان");
  });

  it("points the page arrows the way their links sit on a right-to-left page", () => {
    const first = page("tags/ملاحظات/");
    expect(text(first.querySelector('.pagination a[rel="next"]'))).toBe("الأقدم ←");
    expect(text(page("tags/ملاحظات/2/").querySelector('.pagination a[rel="prev"]'))).toBe("→ الأحدث");
  });

  it("keeps code blocks, formulas' and charts' plots left to right", () => {
    const post = page("posts/typography/");
    const blocks = [...post.querySelectorAll(".code-block")];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.getAttribute("dir")).toBe("ltr");
    const formulas = [...post.querySelectorAll(".katex")];
    expect(formulas).toHaveLength(2);
    for (const formula of formulas) expect(formula.closest("[dir]")?.getAttribute("dir")).toBe("ltr");
    const plots = [...page("posts/charts/").querySelectorAll(".chart > .chart__plot")];
    expect(plots).toHaveLength(2);
    for (const plot of plots) expect(plot.getAttribute("dir")).toBe("ltr");
    // The captions are the author's Arabic and run with the page.
    expect(page("posts/charts/").querySelector(".chart__caption")?.hasAttribute("dir")).toBe(false);
  });

  it("runs a post written in English left to right wherever its own words show", () => {
    const post = page("posts/english-note/");
    for (const selector of ["article h1", "article .prose", ".toc ol"]) {
      const element = post.querySelector(selector);
      expect([selector, element?.getAttribute("lang"), element?.getAttribute("dir")]).toEqual([selector, "en", "ltr"]);
    }
    // The site's own words around it stay Arabic and right to left.
    expect(text(post.querySelector(".toc summary"))).toBe("المحتويات");
    expect(post.querySelector(".post-header .meta")?.hasAttribute("dir")).toBe(false);

    const listed = [...page("posts/").querySelectorAll(".post-list [dir]")].map((element) => [
      element.className.split(" ")[0],
      element.getAttribute("lang"),
      element.getAttribute("dir"),
      text(element),
    ]);
    expect(listed).toEqual([
      ["title", "en", "ltr", "A note written in English"],
      ["summary", "en", "ltr", "An English post on an Arabic site keeps its own direction."],
    ]);
    // An Arabic post on the Arabic site needs neither; only its code and formulas run left to right.
    expect(page("posts/typography/").querySelectorAll("article [dir]:not(.code-block, .katex, .katex-display)")).toHaveLength(0);
  });

  it("preloads the Arabic face and names the language to feeds", () => {
    const preloads = [...page("").querySelectorAll('link[rel="preload"][as="font"]')].map((link) => link.getAttribute("href"));
    expect(preloads.filter((href) => href?.includes("noto-naskh-arabic-arabic"))).toHaveLength(1);
    expect(readFileSync(join(dist, "rss.xml"), "utf8")).toContain("<language>ar</language>");
    expect(page("").querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe("ar_EG");
  });
});
