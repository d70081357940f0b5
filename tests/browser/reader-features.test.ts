import { createServer, type Server } from "node:http";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { thirdPartyOrigins } from "../../src/lib/deploy/headers.ts";
import { parseSiteConfig, site } from "../../src/site.config.ts";
import { launchBrowser, siteContext } from "../support/browser.ts";
import { serveWithNginx, type NginxSite } from "../../scripts/lib/nginx-server.ts";
import { createProject, runAstro } from "../support/project.ts";
import { readerFeatureContent, readerFeatureSettings } from "../support/reader-features.ts";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** A provider's form endpoint, on loopback: it keeps what it was sent and answers with its own page. */
function startStandIn(): Promise<{ server: Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.method === "POST") received.push(body);
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end("<!doctype html><title>Subscribed</title><p>Thanks from the provider.</p>");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/subscribe`, received });
    }),
  );
}

async function watchViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  return (page: Page) => page.evaluate(() => window.cspViolations);
}

/**
 * giscus.app as far as the page can tell: its client fills an element with id giscus-css (or
 * adds a stylesheet) and puts the discussion frame in `.giscus`; the frame keeps the theme it is sent.
 */
const GISCUS_CLIENT = `
  const script = document.currentScript;
  const css = document.getElementById("giscus-css") || document.createElement("style");
  css.id = "giscus-css";
  css.textContent = ".giscus-frame { border: none; }";
  document.head.prepend(css);
  const frame = document.createElement("iframe");
  frame.className = "giscus-frame";
  frame.title = "Comments";
  frame.src = "https://giscus.app/widget?theme=" + script.dataset.theme;
  document.querySelector(".giscus").append(frame);
`;
const GISCUS_WIDGET = `<!doctype html><title>giscus</title><body data-theme="">
<script>
  document.body.dataset.theme = new URL(location.href).searchParams.get("theme");
  addEventListener("message", (event) => { document.body.dataset.theme = event.data.giscus.setConfig.theme; });
</script>`;

let dir: string;
let standIn: Awaited<ReturnType<typeof startStandIn>>;
let nginx: NginxSite;
let browser: Browser;

beforeAll(async () => {
  standIn = await startStandIn();
  const settings = readerFeatureSettings(standIn.url);
  const { posts, files } = readerFeatureContent();
  dir = createProject("reader-features-browser", posts, { files, siteSettings: settings });
  const build = await runAstro(dir, ["build"], { SITE_BASE: "/blog/", SITE_URL: "https://blog.example.org" });
  expect(build.code, build.output).toBe(0);
  nginx = await serveWithNginx(join(dir, "dist"), "/blog/", {
    thirdParty: thirdPartyOrigins(parseSiteConfig({ ...site, ...settings })),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  standIn?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const standInOrigin = () => new URL(standIn.url).origin;

describe("newsletter sign-up against a stand-in provider", () => {
  it("with JavaScript: posts in the background, confirms in place and moves focus to the confirmation", async () => {
    const { context, problems, open } = await siteContext(browser, nginx.url, { allowOrigins: [standInOrigin()] });
    const violations = await watchViolations(context);
    const page = await open("posts/plain/");
    standIn.received.length = 0;
    await page.getByLabel("Email address").fill("reader@example.org");
    await page.getByRole("button", { name: "Subscribe" }).click();
    const status = page.getByRole("status");
    await expect.poll(() => status.textContent()).toBe("Thanks! Check your inbox: a confirmation email is on its way.");
    expect(await status.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(standIn.received).toEqual(["email=reader%40example.org"]);
    expect(new URL(page.url()).pathname).toBe("/blog/posts/plain/");
    expect(await page.locator("form[data-newsletter-form]").isHidden()).toBe(true);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("with JavaScript: explains a bad address next to the field and sends nothing", async () => {
    const { context, problems, open } = await siteContext(browser, nginx.url, { allowOrigins: [standInOrigin()] });
    const page = await open("subscribe/");
    standIn.received.length = 0;
    const input = page.getByLabel("Email address");
    await input.fill("not-an-address");
    await page.getByRole("button", { name: "Subscribe" }).click();
    const error = page.locator("[data-newsletter-error]");
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/name@example\.com/);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    expect((await input.getAttribute("aria-describedby"))?.split(" ")).toContain(await error.getAttribute("id"));
    expect(await input.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(standIn.received).toEqual([]);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("without JavaScript: a plain POST to the provider, which shows its own confirmation", async () => {
    const { context, open } = await siteContext(browser, nginx.url, {
      javaScriptEnabled: false,
      allowOrigins: [standInOrigin()],
    });
    const page = await open("posts/plain/");
    standIn.received.length = 0;
    await page.getByLabel("Email address").fill("offline@example.org");
    await Promise.all([page.waitForURL(standIn.url), page.getByRole("button", { name: "Subscribe" }).click()]);
    expect(await page.locator("p").textContent()).toBe("Thanks from the provider.");
    expect(standIn.received).toEqual(["email=offline%40example.org"]);
    await context.close();
  });
});

describe("every feature on, under the real Content-Security-Policy through nginx", () => {
  for (const path of [
    "",
    "posts/series-one/",
    "posts/series-two/",
    "posts/plain/",
    "subscribe/",
    "series/",
    "series/fixture-series/",
  ]) {
    it(`${path || "home"}: no violation; off the site only analytics, and comments once in view`, async () => {
      const { context, problems, open } = await siteContext(browser, nginx.url);
      const violations = await watchViolations(context);
      const outside: string[] = [];
      context.on("request", (request) => {
        // Remote images in posts are allowed by img-src https: and are no feature's doing.
        if (!request.url().startsWith(new URL(nginx.url).origin) && request.resourceType() !== "image")
          outside.push(request.url());
      });
      const page = await open(path);
      expect(await violations(page)).toEqual([]);
      // A short post shows its comments at once: reaching them is what loads giscus.
      expect(outside.filter((url) => url !== "https://giscus.app/client.js")).toEqual(["https://plausible.io/js/script.js"]);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
      await context.close();
    });
  }

  it("math: KaTeX's own fonts draw the formulas, from the site", async () => {
    const { context, problems, open } = await siteContext(browser, nginx.url);
    const page = await open("posts/series-one/");
    expect(
      await page
        .locator(".katex")
        .first()
        .evaluate((element) => getComputedStyle(element).fontFamily),
    ).toMatch(/^KaTeX_Main/);
    await page.evaluate(() => document.fonts.ready);
    expect(
      await page.evaluate(() => [...document.fonts].some((font) => font.family === "KaTeX_Main" && font.status === "loaded")),
    ).toBe(true);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("comments: nothing from giscus until asked; then its script and frame load and follow the theme", async () => {
    const { context, problems, open } = await siteContext(browser, nginx.url, { width: 1280 });
    const violations = await watchViolations(context);
    const giscus: string[] = [];
    await context.route("https://giscus.app/**", (route) => {
      giscus.push(route.request().url());
      const isClient = new URL(route.request().url()).pathname === "/client.js";
      return route.fulfill({
        contentType: isClient ? "text/javascript" : "text/html",
        body: isClient ? GISCUS_CLIENT : GISCUS_WIDGET,
      });
    });
    const page = await open("posts/series-one/");
    await page.waitForTimeout(300);
    expect(giscus).toEqual([]);
    // Pressed where it is: scrolling it into view first would reach the comments, which loads them by itself.
    await page.getByRole("button", { name: "Show comments" }).evaluate((button) => (button as HTMLButtonElement).click());
    const frame = page.frameLocator("iframe.giscus-frame");
    await expect.poll(() => frame.locator("body").getAttribute("data-theme")).toBe("light");
    expect(giscus.map((url) => new URL(url).pathname)).toEqual(["/client.js", "/widget"]);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect.poll(() => frame.locator("body").getAttribute("data-theme")).toBe("dark_dimmed");
    expect(await violations(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll("style#giscus-css").length)).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("comments: reaching the end of the post loads them without a click", async () => {
    const { context, open } = await siteContext(browser, nginx.url, { width: 360 });
    const giscus: string[] = [];
    await context.route("https://giscus.app/**", (route) => {
      giscus.push(route.request().url());
      return route.fulfill({ contentType: "text/javascript", body: "" });
    });
    const page = await open("posts/series-one/");
    expect(giscus).toEqual([]);
    await page.locator("section.comments").scrollIntoViewIfNeeded();
    await expect.poll(() => giscus.length).toBe(1);
    await context.close();
  });
});
