import { mkdirSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { horizontalOverflow, launchBrowser, siteContext } from "../support/browser.ts";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { KEY_PAGES, SCHEMES, WIDTHS } from "../support/pages.ts";
import { repoRoot } from "../support/project.ts";
import { serveStatic, type StaticSite } from "../../scripts/lib/static-server.ts";

const screenshots = join(repoRoot, "tests/screenshots");

describe("key pages in a real browser", () => {
  let browser: Browser;
  let site: StaticSite;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    site = await serveStatic(inject("productionDist"), FIXTURE_BASE);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      describe(`${width}px, ${scheme}`, () => {
        for (const { name, path } of KEY_PAGES) {
          it(`${name}: loads cleanly, fits the screen and has no accessibility violations`, async () => {
            const { context, problems, open } = await siteContext(browser, site.url, { width, colorScheme: scheme });
            const page = await open(path);
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
