import { describe, expect, it } from "vitest";
import { siteContext, useFixtureSites } from "../support/browser.ts";

describe("reader flows", () => {
  const live = useFixtureSites();

  it("goes from home to a post and back", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("");
    await page.getByRole("link", { name: "Hello, fixture world" }).first().click();
    await page.waitForURL(/\/blog\/posts\/hello-world\/$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Hello, fixture world");
    await page.goBack();
    await page.waitForURL(live.site.url);
    await expect(page.locator("h1").textContent()).resolves.toBe("Field Notes");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("switches theme with the toggle and keeps it across reloads and back/forward", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { colorScheme: "light" });
    const page = await open("");
    const theme = () => page.evaluate(() => document.documentElement.dataset["theme"] ?? "system");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const lightBackground = await background();
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await theme()).toBe("dark");
    expect(await background()).not.toBe(lightBackground);
    await page.reload();
    expect(await theme()).toBe("dark");
    await page.getByRole("link", { name: "Hello, fixture world" }).first().click();
    await page.waitForURL(/hello-world/);
    expect(await theme()).toBe("dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await page.goBack();
    await page.waitForURL(live.site.url);
    expect(await theme()).toBe("light");
    expect(await background()).toBe(lightBackground);
    await context.close();
  });

  it("follows the feed link from the footer to a real RSS document", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url);
    const page = await open("");
    const [response] = await Promise.all([
      page.waitForResponse(/\/blog\/rss\.xml$/),
      page.getByRole("link", { name: "RSS" }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toMatch(/xml/);
    expect(await response.text()).toContain('<rss version="2.0"');
    await context.close();
  });

  it("lists a post on its tag page", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url);
    const page = await open("posts/hello-world/");
    await page.getByRole("link", { name: "#testing" }).click();
    await page.waitForURL(/\/tags\/testing\/$/);
    await expect(page.getByRole("link", { name: "Hello, fixture world" }).count()).resolves.toBe(1);
    await expect(page.getByRole("link", { name: "An unlisted fixture" }).count()).resolves.toBe(0);
    await context.close();
  });

  it("shows the seed post in a preview build with its cover loaded and its chart image in place", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.preview.url);
    const page = await open("posts/gpt-5-3-codex-spark/");
    const cover = page.locator(".cover img");
    expect(await cover.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.locator('.prose img[alt="SWE-Bench Pro.png"]').count()).toBe(1);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
