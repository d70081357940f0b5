import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { beforeAll, describe, expect, it } from "vitest";
import { horizontalOverflow, siteContext, useFixtureSites } from "../support/browser.ts";
import { KEY_PAGES, SCHEMES, WIDTHS } from "../support/pages.ts";
import { repoRoot } from "../support/project.ts";

const screenshots = join(repoRoot, "tests/screenshots");

describe("key pages in a real browser", () => {
  const live = useFixtureSites();

  beforeAll(() => {
    mkdirSync(screenshots, { recursive: true });
  });

  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      describe(`${width}px, ${scheme}`, () => {
        for (const { name, path } of KEY_PAGES) {
          it(`${name}: loads cleanly, fits the screen and has no accessibility violations`, async () => {
            const { context, problems, open } = await siteContext(live.browser, live.site.url, { width, colorScheme: scheme });
            const page = await open(path, name === "404" ? { status: 404 } : undefined);
            expect(page.status).toBe(name === "404" ? 404 : 200);
            expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(scheme === "dark");
            await page.screenshot({ path: join(screenshots, `${name}-${width}-${scheme}.png`), fullPage: true });
            expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
            const axe = await new AxeBuilder({ page }).analyze();
            expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
            expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
            await context.close();
          });
        }
      });
    }
  }
});

/** Pages outside the key set whose markup differs: the preview build's banners, MDX, a hostile title. */
const MORE_PAGES = [
  { name: "draft in preview", build: "preview", path: "posts/draft-post/", banner: true },
  { name: "scheduled in preview", build: "preview", path: "posts/future-post/", banner: true },
  { name: "MDX post", build: "production", path: "posts/second-post/", banner: false },
  { name: "hostile title", build: "production", path: "posts/hostile/", banner: false },
] as const;

describe("more pages in a real browser", () => {
  const live = useFixtureSites();

  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      for (const { name, build, path, banner } of MORE_PAGES) {
        it(`${name} at ${width}px, ${scheme}: loads cleanly, fits the screen and has no accessibility violations`, async () => {
          const site = build === "preview" ? live.preview : live.site;
          const { context, open } = await siteContext(live.browser, site.url, { width, colorScheme: scheme });
          const page = await open(path);
          expect(page.status).toBe(200);
          expect(await page.locator(".post-header .status[role=note]").count()).toBe(banner ? 1 : 0);
          expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
          const axe = await new AxeBuilder({ page }).analyze();
          expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
          await context.close();
        });
      }
    }
  }
});
