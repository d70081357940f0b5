import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticSite, serveStatic } from "../../scripts/lib/static-server.ts";
import { horizontalOverflow, launchBrowser, siteContext } from "../support/browser.ts";
import { SCHEMES, WIDTHS } from "../support/pages.ts";
import { runAstro } from "../support/project.ts";
import { createRtlProject } from "../support/rtl-site.ts";

const PAGES = [
  { name: "home", path: "" },
  { name: "post with code, math, a table and contents", path: "posts/typography/" },
  { name: "charts", path: "posts/charts/" },
  { name: "post in English", path: "posts/english-note/" },
  { name: "archive", path: "posts/" },
  { name: "tags", path: "tags/" },
  { name: "tag with two pages", path: "tags/ملاحظات/" },
  { name: "subscribe", path: "subscribe/" },
  { name: "search", path: "search/?q=astro" },
  { name: "404", path: "no-such-page/" },
] as const;

interface Box {
  left: number;
  right: number;
}

const box = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const { left, right } = element.getBoundingClientRect();
      return { left, right };
    });

/** Where an element's text is drawn, which for a block is narrower than its box. */
const textBox = (page: Page, selector: string): Promise<Box> =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const { left, right } = range.getBoundingClientRect();
      return { left, right };
    });

const style = (page: Page, selector: string, property: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

describe("the Arabic site in a real browser", () => {
  const live = {} as { browser: Browser; site: StaticSite };

  beforeAll(async () => {
    const dir = createRtlProject("rtl-browser");
    const result = await runAstro(dir, ["build"]);
    if (result.code !== 0) throw new Error(`The Arabic site did not build:\n${result.output}`);
    live.site = await serveStatic(join(dir, "dist"), "/");
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.site?.close();
  });

  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      it.each(PAGES)(
        `$name at ${width}px, ${scheme}: no axe violations, nothing wider than the screen`,
        async ({ name, path }) => {
          const { context, open } = await siteContext(live.browser, live.site.url, { width, colorScheme: scheme });
          const page = await open(path, name === "404" ? { status: 404 } : undefined);
          expect(page.status).toBe(name === "404" ? 404 : 200);
          if (name === "search") await page.locator(".results .result").first().waitFor();
          expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
          const axe = await new AxeBuilder({ page }).analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          await context.close();
        },
      );
    }
  }

  describe("mirrors the layout at 1280px", () => {
    it("puts the site's name at the right and the tools at the left of the header", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/typography/");
      const bar = await box(page, ".site-header .bar");
      const name = await box(page, ".wordmark");
      const nav = await box(page, ".site-header nav");
      const tools = await box(page, ".site-header .tools");
      const inset = Number.parseFloat(await style(page, ".site-header .bar", "padding-right"));
      expect(name.right).toBeCloseTo(bar.right - inset, 0);
      expect(nav.right).toBeLessThan(name.left);
      expect(tools.right).toBeLessThan(nav.left);
      expect(tools.left).toBeCloseTo(bar.left + inset, 0);
      await context.close();
    });

    it("puts the contents at the left of the text, its rule on the side towards the text", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/typography/");
      const toc = await box(page, ".toc");
      const prose = await box(page, ".post-body > .prose");
      const header = await box(page, ".post-header");
      expect(toc.right).toBeLessThan(prose.left);
      // The text column lines up with the title above it.
      expect(prose.right).toBeCloseTo(header.right, 0);
      expect(await style(page, ".toc details", "border-right-width")).toBe("1px");
      expect(await style(page, ".toc details", "border-left-width")).toBe("0px");
      await context.close();
    });

    it("starts lists, quotes and table cells at the right", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/typography/");
      expect(await style(page, ".prose ul", "padding-right")).not.toBe("0px");
      expect(await style(page, ".prose ul", "padding-left")).toBe("0px");
      expect(await style(page, ".prose blockquote", "border-right-width")).toBe("3px");
      expect(await style(page, ".prose blockquote", "border-left-width")).toBe("0px");
      expect(await style(page, ".prose th", "text-align")).toBe("start");
      const [cell, table] = await Promise.all([box(page, ".prose th"), box(page, ".prose table")]);
      expect(cell.right).toBeCloseTo(table.right, 0);
      await context.close();
    });

    it("keeps a code block left to right, its copy button in the top right corner", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/typography/");
      const block = await box(page, ".code-block");
      // The first character of the first line sits at the block's left, after the line numbers.
      const firstLine = await textBox(page, ".code-block .line");
      expect(firstLine.left - block.left).toBeLessThan(60);
      expect(await style(page, ".code-block pre", "direction")).toBe("ltr");
      const button = await box(page, ".code-block > .copy-button");
      expect(block.right - button.right).toBeLessThan(10);
      expect(await style(page, ".prose :not(pre) > code", "direction")).toBe("ltr");
      expect(await style(page, ".prose .katex", "direction")).toBe("ltr");
      await context.close();
    });

    it("draws charts left to right: the value axis at the left of the plot", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/charts/");
      expect(await style(page, ".chart__plot", "direction")).toBe("ltr");
      const plot = await box(page, ".chart__plot .chart-svg--wide");
      const axisLabels = await page
        .locator(".chart__plot .chart-svg--wide")
        .first()
        .evaluate((svg) => [...svg.querySelectorAll("text")].map((label) => label.getBoundingClientRect().left));
      expect(axisLabels.length).toBeGreaterThan(4);
      expect(Math.min(...axisLabels)).toBeLessThan(plot.left + (plot.right - plot.left) / 4);
      await context.close();
    });

    it("puts newer pages at the right and older at the left, each arrow pointing outwards", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const first = await open("tags/ملاحظات/");
      const [older, where] = await Promise.all([box(first, '.pagination a[rel="next"]'), box(first, ".pagination .where")]);
      expect(older.right).toBeLessThan(where.left);
      expect(await first.locator('.pagination a[rel="next"]').textContent()).toMatch(/←$/);
      const second = await open("tags/ملاحظات/2/");
      const [newer, here] = await Promise.all([box(second, '.pagination a[rel="prev"]'), box(second, ".pagination .where")]);
      expect(newer.left).toBeGreaterThan(here.right);
      expect(await second.locator('.pagination a[rel="prev"]').textContent()).toMatch(/^→/);
      await context.close();
    });

    it("writes a Latin query left to right in the search box, an Arabic one right to left", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("search/");
      const query = page.locator("#search-query");
      await query.fill("astro");
      expect(await query.evaluate((input) => input.matches(":dir(ltr)"))).toBe(true);
      await query.fill("ملاحظات");
      expect(await query.evaluate((input) => input.matches(":dir(rtl)"))).toBe(true);
      await context.close();
    });

    it("runs an English post left to right inside the Arabic site", async () => {
      const { context, open } = await siteContext(live.browser, live.site.url);
      const page = await open("posts/english-note/");
      expect(await style(page, "article h1", "direction")).toBe("ltr");
      const [title, header, meta] = await Promise.all([
        textBox(page, "article h1"),
        box(page, ".post-header"),
        box(page, ".post-header .meta time"),
      ]);
      expect(title.left).toBeCloseTo(header.left, 0);
      expect(title.right).toBeLessThan(header.right - 100);
      // The date is the site's, in Arabic, and stays at the right.
      expect(meta.right).toBeCloseTo(header.right, 0);
      await context.close();
    });
  });
});
