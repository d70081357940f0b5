import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { afterAll, beforeAll, expect, inject, onTestFinished } from "vitest";
import { CHROME_FLAGS, chromePath } from "../../scripts/lib/chrome.ts";
import { type StaticSite, serveStatic } from "../../scripts/lib/static-server.ts";
import { FIXTURE_BASE } from "./fixture-builds.ts";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
}

/**
 * Request routing turns Chromium's cross-document view transitions off, and the page being left then
 * reports the transition it had started as aborted; tests/browser/transitions.test.ts runs them unrouted.
 */
const isRoutedTransitionAbort = (text: string) =>
  text.includes("Transition was aborted because of invalid state. ViewTransition opt-in disabled");

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

export interface SiteContextOptions {
  width?: number;
  colorScheme?: "light" | "dark";
  javaScriptEnabled?: boolean;
  /**
   * For a test that provokes console errors or failed requests on purpose and checks them itself;
   * every other test fails when it ends with any.
   */
  allowProblems?: boolean;
  /** Other origins the page may reach, such as a local stand-in for a third-party service. */
  allowOrigins?: string[];
}

/**
 * A context that lets only the site itself through: every outbound request is aborted (and the
 * console noise that causes ignored), while every request to the site must succeed. When the test
 * ends, it fails if the site logged a console error or a request to the site failed.
 */
export async function siteContext(
  browser: Browser,
  siteUrl: string,
  options: SiteContextOptions = {},
): Promise<{
  context: BrowserContext;
  problems: PageProblems;
  /** The problems so far, aborted requests judged by now; the same check runs when the test ends. */
  settledProblems: () => PageProblems;
  open: (path: string, expect?: { status: number }) => Promise<Page & { status: number }>;
}> {
  const origin = new URL(siteUrl).origin;
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? "light",
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const allowed = new Set([origin, ...(options.allowOrigins ?? [])]);
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  const sameOrigin = (url: string) => URL.canParse(url) && new URL(url).origin === origin;
  // Only cross-origin requests are blocked, so only their console noise is ignored.
  const blocked = new Set<string>();
  // Pages opened with open(path, { status }) answer that status on purpose; the test checks it.
  const expectedStatus = new Map<string, number>();
  // Which document each request belonged to: one cancelled because its page went on to another document
  // (a favicon still loading when a link is followed) was not a failure; any other aborted request was.
  const documents = new WeakMap<Page, number>();
  const startedIn = new WeakMap<Request, number>();
  const aborted: { request: Request; page: Page }[] = [];
  context.on("page", (page) => {
    documents.set(page, 0);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) documents.set(page, (documents.get(page) ?? 0) + 1);
    });
  });
  context.on("request", (request) => {
    const page = request.frame().page();
    startedIn.set(request, documents.get(page) ?? 0);
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
    if (blocked.has(location) && !sameOrigin(location)) return;
    if (isRoutedTransitionAbort(message.text())) return;
    const expected = expectedStatus.get(location);
    if (
      expected !== undefined &&
      message.text() === `Failed to load resource: the server responded with a status of ${expected} (Not Found)`
    ) {
      return;
    }
    problems.consoleErrors.push(`${message.text()} (${location})`);
  });
  context.on("requestfailed", (request) => {
    if (!sameOrigin(request.url())) return;
    if (request.failure()?.errorText === "net::ERR_ABORTED") {
      const page = request.frame().page();
      // Closing a page cancels what it was still loading.
      if (!page.isClosed()) aborted.push({ request, page });
      return;
    }
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  context.on("response", (response) => {
    const url = response.url();
    if (!sameOrigin(url) || response.status() < 400) return;
    if (response.request().isNavigationRequest() && expectedStatus.get(url) === response.status()) return;
    problems.failedRequests.push(`${url}: HTTP ${response.status()}`);
  });
  context.on("weberror", (error) => {
    if (!isRoutedTransitionAbort(String(error.error()))) problems.consoleErrors.push(String(error.error()));
  });

  /** An aborted request counts unless its page has since moved to another document. */
  const settleAborted = () => {
    for (const { request, page } of aborted.splice(0)) {
      const movedOn = (documents.get(page) ?? 0) > (startedIn.get(request) ?? 0);
      if (!movedOn) problems.failedRequests.push(`${request.url()}: net::ERR_ABORTED`);
    }
  };
  const settledProblems = () => {
    settleAborted();
    return problems;
  };
  onTestFinished(() => {
    settleAborted();
    if (!options.allowProblems)
      expect(problems, "console errors or failed requests on the site").toEqual({ consoleErrors: [], failedRequests: [] });
  });

  const open = async (path: string, expected?: { status: number }) => {
    const url = new URL(path, siteUrl).href;
    if (expected) expectedStatus.set(url, expected.status);
    const page = await context.newPage();
    const response = await page.goto(url, { waitUntil: "networkidle" });
    return Object.assign(page, { status: response?.status() ?? 0 });
  };
  return { context, problems, settledProblems, open };
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
