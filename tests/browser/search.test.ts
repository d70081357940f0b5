import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { siteContext, useFixtureSites } from "../support/browser.ts";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";

const status = (page: Page) => page.locator("[data-search-status]");
const results = (page: Page) => page.locator("[data-search-results] > li");

describe("search in a real browser", () => {
  const live = useFixtureSites();

  it("fetches nothing of the index until the reader reaches for search", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const fetched: string[] = [];
    context.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    const page = await open("search/");
    expect(fetched.filter((path) => path.includes("/pagefind/"))).toEqual([]);
    const bundle = page.waitForRequest((request) => request.url().endsWith(`${FIXTURE_BASE}pagefind/pagefind.js`));
    await page.getByLabel("Search posts").focus();
    await bundle;
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("finds a post by a word in its body, from the keyboard alone", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("search/");
    await page.getByLabel("Search posts").focus();
    await page.keyboard.type("strikethrough");
    await page.keyboard.press("Enter");
    await expect.poll(() => status(page).textContent()).toBe("1 post matches “strikethrough”.");
    expect(await results(page).count()).toBe(1);
    const link = results(page).getByRole("link", { name: "Hello, fixture world" });
    expect(await link.getAttribute("href")).toBe(`${FIXTURE_BASE}posts/hello-world/`);
    expect(await results(page).locator("mark").allTextContents()).toEqual(["strikethrough"]);
    expect(await results(page).locator("time").getAttribute("datetime")).toBe("2025-01-10");
    expect(await results(page).locator("time").textContent()).toBe("January 10, 2025");
    expect(new URL(page.url()).search).toBe("?q=strikethrough");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/blog\/posts\/hello-world\/$/);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("searches as the reader types and never finds an unlisted post", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("search/");
    const input = page.getByLabel("Search posts");
    await input.pressSequentially("fixture");
    await expect.poll(() => status(page).textContent()).toMatch(/^\d+ posts match “fixture”\.$/);
    const matched = Number(/^\d+/.exec((await status(page).textContent()) ?? "")?.[0]);
    expect(matched).toBeGreaterThan(1);
    // The first page of results (ten at most) is listed.
    expect(await results(page).count()).toBe(Math.min(matched, 10));
    expect(await results(page).getByRole("link", { name: "Hello, fixture world" }).count()).toBe(1);
    expect(await results(page).getByRole("link", { name: "An unlisted fixture" }).count()).toBe(0);
    await input.fill("Reachable");
    await expect.poll(() => status(page).textContent()).toBe("No posts match “Reachable”.");
    expect(await results(page).count()).toBe(0);
    await input.fill("");
    await expect.poll(() => status(page).textContent()).toBe("");
    expect(new URL(page.url()).search).toBe("");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("opens a ?q= link with its results", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("search/?q=S%C3%A4tteri");
    await expect.poll(() => status(page).textContent()).toBe("1 post matches “Sätteri”.");
    expect(await page.getByLabel("Search posts").inputValue()).toBe("Sätteri");
    expect(await results(page).getByRole("link").textContent()).toBe("Hello, fixture world");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("keeps the form and the count in place as results arrive, and the footer out of the way", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { width: 360 });
    const page = await open("search/");
    const box = async (selector: string) =>
      (await page.locator(selector).boundingBox()) ?? { x: NaN, y: NaN, width: NaN, height: NaN };
    const viewport = page.viewportSize()?.height ?? 0;
    const before = { form: await box("form[role=search]"), status: await box("[data-search-status]") };
    expect((await box(".site-footer")).y).toBeGreaterThanOrEqual(viewport);
    await page.getByLabel("Search posts").fill("fixture");
    await expect.poll(() => status(page).textContent()).toMatch(/posts match/);
    expect(await results(page).count()).toBeGreaterThan(1);
    expect({ form: await box("form[role=search]"), status: await box("[data-search-status]") }).toEqual(before);
    expect((await box(".site-footer")).y).toBeGreaterThanOrEqual(viewport);
    await context.close();
  });

  it("works as a plain form without JavaScript and says search needs it", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { javaScriptEnabled: false });
    const page = await open("search/");
    await page.getByLabel("Search posts").fill("fixture");
    await page.getByLabel("Search posts").press("Enter");
    await page.waitForURL(/\/blog\/search\/\?q=fixture$/);
    // Playwright's text locators skip <noscript>, so find the notice by its element.
    const notice = page.locator(".notice");
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain("Search runs in your browser and needs JavaScript.");
    await context.close();
  });

  it("says plainly in a preview build that there is no search, and fetches nothing for it", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.preview.url);
    const fetched: string[] = [];
    context.on("request", (request) => fetched.push(new URL(request.url()).pathname));
    const page = await open("search/?q=fixture");
    await page.getByLabel("Search posts").fill("draft");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\?q=draft$/);
    expect(await page.getByText("Search is off in preview builds").isVisible()).toBe(true);
    expect(await results(page).count()).toBe(0);
    expect(fetched.filter((path) => path.includes("/pagefind/"))).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
