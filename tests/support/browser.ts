import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { CHROME_FLAGS, chromePath } from "../../scripts/lib/chrome.ts";
import { type StaticSite, serveStatic } from "../../scripts/lib/static-server.ts";
import { FIXTURE_BASE } from "./fixture-builds.ts";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
}

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/**
 * A context that lets only the site itself through: every outbound request
 * is aborted (and the console noise it causes ignored), while every request
 * to the site must succeed.
 */
export async function siteContext(
  browser: Browser,
  siteUrl: string,
  options: {
    width?: number;
    colorScheme?: "light" | "dark";
    javaScriptEnabled?: boolean;
    /** Other origins the page may reach, such as a local stand-in for a third-party service. */
    allowOrigins?: string[];
  } = {},
): Promise<{ context: BrowserContext; problems: PageProblems; open: (path: string) => Promise<Page & { status: number }> }> {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const allowed = new Set([origin, ...(options.allowOrigins ?? [])]);
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  const blocked = new Set<string>();
  // A page that is meant to be a 404 logs its own status; tests check that status directly.
  const navigations = new Set<string>();
  context.on("request", (request) => {
    if (request.isNavigationRequest()) navigations.add(request.url());
  });
  await context.route(
    (url) => !allowed.has(url.origin),
    (route) => {
      blocked.add(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  context.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location().url;
    if (blocked.has(location) || /ERR_BLOCKED_BY_CLIENT/.test(message.text())) return;
    if (navigations.has(location) && message.text().startsWith("Failed to load resource")) return;
    problems.consoleErrors.push(`${message.text()} (${location})`);
  });
  context.on("requestfailed", (request) => {
    // A request the page itself cancelled by navigating away (a favicon still loading, say) is not a failure;
    // a missing file answers with an HTTP error, which the response handler below catches.
    if (!request.url().startsWith(origin) || request.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on("response", (response) => {
    if (response.url().startsWith(origin) && response.status() >= 400 && !response.request().isNavigationRequest()) {
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });
  context.on("weberror", (error) => problems.consoleErrors.push(String(error.error())));
  const open = async (path: string) => {
    const page = await context.newPage();
    const response = await page.goto(new URL(path, siteUrl).href, { waitUntil: "networkidle" });
    return Object.assign(page, { status: response?.status() ?? 0 });
  };
  return { context, problems, open };
}

/** How far the page's content reaches past the viewport's width, in CSS pixels. */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The fixture's production and preview builds served on loopback under the
 * base path, and a browser, for the tests in one file; read them inside tests.
 */
export function useFixtureSites() {
  const live = {} as { browser: Browser; site: StaticSite; preview: StaticSite };
  beforeAll(async () => {
    live.site = await serveStatic(inject("productionDist"), FIXTURE_BASE);
    live.preview = await serveStatic(inject("previewDist"), FIXTURE_BASE);
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.site?.close();
    await live.preview?.close();
  });
  return live;
}
