import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CHROME_FLAGS, chromePath } from "../../scripts/lib/chrome.ts";
import { type StaticSite, serveStatic } from "../../scripts/lib/static-server.ts";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";

/** How each document of the context was revealed: with a view transition or without one. */
const RECORD_REVEALS = () => {
  // Frames and sandboxed documents (embedded media) have no storage of their own to record in.
  if (window !== window.top || location.protocol !== "http:") return;
  addEventListener("pagereveal", (event) => {
    const reveals = JSON.parse(sessionStorage.getItem("reveals") ?? "[]") as string[];
    reveals.push(`${location.pathname} ${(event as PageRevealEvent).viewTransition ? "transition" : "none"}`);
    sessionStorage.setItem("reveals", JSON.stringify(reveals));
  });
};

const reveals = (page: Page) => page.evaluate(() => JSON.parse(sessionStorage.getItem("reveals") ?? "[]") as string[]);

async function openPostFromList(page: Page, title: string, url: RegExp) {
  await page.getByRole("link", { name: title }).first().click();
  await page.waitForURL(url);
  await page.waitForLoadState("networkidle");
}

/**
 * Playwright's request routing turns cross-document view transitions off, so this browser keeps
 * off the network by name resolution instead: every host but loopback fails to resolve.
 */
const OFFLINE_FLAGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"];

async function siteContext(browser: Browser, siteUrl: string) {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems = { consoleErrors: [] as string[], failedRequests: [] as string[] };
  context.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  context.on("weberror", (error) => problems.consoleErrors.push(String(error.error())));
  context.on("request", (request) => {
    if (!request.url().startsWith(origin)) problems.failedRequests.push(`${request.url()}: outside the site`);
  });
  context.on("requestfailed", (request) => {
    if (request.failure()?.errorText !== "net::ERR_ABORTED") {
      problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
    }
  });
  context.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await context.addInitScript(RECORD_REVEALS);
  const open = async (path: string) => {
    const page = await context.newPage();
    await page.goto(new URL(path, siteUrl).href, { waitUntil: "networkidle" });
    return page;
  };
  return { context, problems, open };
}

describe("page transitions", () => {
  const live = {} as { browser: Browser; site: StaticSite };
  beforeAll(async () => {
    live.site = await serveStatic(inject("productionDist"), FIXTURE_BASE);
    live.browser = await chromium.launch({ executablePath: chromePath(), args: [...CHROME_FLAGS, ...OFFLINE_FLAGS] });
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.site?.close();
  });

  it("runs a view transition from the list into a post, and the title morphs", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("posts/");
    const listName = await page
      .getByRole("link", { name: "Code blocks fixture" })
      .first()
      .evaluate((link) => getComputedStyle(link.closest("h3") as Element).viewTransitionName);
    expect(listName).toMatch(/^post-title-[0-9a-z]+$/);

    await openPostFromList(page, "Code blocks fixture", /\/posts\/code-blocks\/$/);
    expect(await reveals(page)).toEqual(["/blog/posts/ none", "/blog/posts/code-blocks/ transition"]);
    expect(await page.locator("h1").evaluate((title) => getComputedStyle(title).viewTransitionName)).toBe(listName);

    // The page's own scripts ran after the transition: copy buttons and the theme switch work.
    expect(await page.locator(".copy-button").count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await page.evaluate(() => document.documentElement.dataset["theme"])).toBe("dark");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("runs none when the reader asks for reduced motion", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("posts/");
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openPostFromList(page, "Code blocks fixture", /\/posts\/code-blocks\/$/);
    expect(await reveals(page)).toEqual(["/blog/posts/ none", "/blog/posts/code-blocks/ none"]);
    expect(await page.locator(".copy-button").count()).toBeGreaterThan(0);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
