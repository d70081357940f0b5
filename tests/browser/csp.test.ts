import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, siteContext } from "../support/browser.ts";
import { FIXTURE_BASE, FIXTURE_SETTINGS } from "../support/fixture-builds.ts";
import { serveWithNginx, type NginxSite } from "../../scripts/lib/nginx-server.ts";
import { KEY_PAGES } from "../support/pages.ts";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Every CSP violation a page reports: its own events, and what Chromium logs about them. */
async function watchViolations(context: BrowserContext) {
  const logged: string[] = [];
  context.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) logged.push(message.text());
  });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI} (${location.pathname})`);
    });
  });
  return async (page: Page) => ({ events: await page.evaluate(() => window.cspViolations), logged: logged.splice(0) });
}

describe("pages under the real Content-Security-Policy, through nginx", () => {
  let browser: Browser;
  let site: NginxSite;

  beforeAll(async () => {
    site = await serveWithNginx(inject("productionDist"), FIXTURE_BASE, FIXTURE_SETTINGS);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  for (const { name, path } of KEY_PAGES) {
    it(`${name}: runs its inline scripts and styles without a single violation`, async () => {
      const { context, open } = await siteContext(browser, site.url);
      const violations = await watchViolations(context);
      const page = await open(path, name === "404" ? { status: 404 } : undefined);
      expect(page.status).toBe(name === "404" ? 404 : 200);
      expect(await violations(page)).toEqual({ events: [], logged: [] });
      // The head's theme script, the toggle's script and the inline palette stylesheet all took effect.
      expect(await page.evaluate(() => document.documentElement.classList.contains("js"))).toBe(true);
      await expect.poll(() => page.locator("[data-theme-toggle]").getAttribute("aria-label")).toBe("Switch to dark theme");
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--chart-1"))).not.toBe("");
      await context.close();
    });
  }

  it("charts: keeps the drawings' style attributes and recolours them with the theme", async () => {
    const { context, open } = await siteContext(browser, site.url);
    const violations = await watchViolations(context);
    const page = await open("posts/charts/");
    const bar = page.locator("figure.chart .chart-bar").first();
    const before = await bar.evaluate((element) => getComputedStyle(element).fill);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await bar.evaluate((element) => getComputedStyle(element).fill)).not.toBe(before);
    expect(await violations(page)).toEqual({ events: [], logged: [] });
    await context.close();
  });

  it("blocks and reports inline code the build did not ship", async () => {
    // The blocked script and style log their violations as console errors, which this test provokes.
    const { context, open } = await siteContext(browser, site.url, { allowProblems: true });
    const violations = await watchViolations(context);
    const page = await open("posts/hello-world/");
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injectedScriptRan = true;";
      document.head.append(script);
      const style = document.createElement("style");
      style.textContent = "body { outline: 3px solid red; }";
      document.head.append(style);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return "injectedScriptRan" in window;
    });
    expect(ran).toBe(false);
    const { events } = await violations(page);
    expect(events).toEqual([
      "script-src-elem blocked inline (/blog/posts/hello-world/)",
      "style-src-elem blocked inline (/blog/posts/hello-world/)",
    ]);
    await context.close();
  });
});
