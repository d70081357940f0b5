import { describe, expect, it } from "vitest";
import { siteContext, useFixtureSites } from "../support/browser.ts";

/**
 * The shared browser setup ignores what it blocks (every other origin) and what a page cancels by
 * leaving; these tests show that neither filter hides a failure on the site itself.
 */
describe("problems the browser tests report", () => {
  const live = useFixtureSites();

  it("reports a missing file on the site, in the requests and the console", async () => {
    const { context, settledProblems, open } = await siteContext(live.browser, live.site.url, { allowProblems: true });
    const page = await open("posts/hello-world/");
    await Promise.all([
      page.waitForResponse(/missing\.png$/),
      page.evaluate(() => document.body.append(Object.assign(new Image(), { src: "/blog/missing.png", alt: "" }))),
    ]);
    await expect.poll(() => settledProblems().consoleErrors.length).toBe(1);
    const missing = new URL("missing.png", live.site.url).href;
    expect(settledProblems()).toEqual({
      failedRequests: [`${missing}: HTTP 404`],
      consoleErrors: [`Failed to load resource: the server responded with a status of 404 (Not Found) (${missing})`],
    });
    await context.close();
  });

  it("reports a link to a missing page on the site, unless the test opened it expecting a 404", async () => {
    const { context, settledProblems, open } = await siteContext(live.browser, live.site.url, { allowProblems: true });
    const expected = await open("no-such-page/", { status: 404 });
    expect(expected.status).toBe(404);
    expect(settledProblems()).toEqual({ consoleErrors: [], failedRequests: [] });
    const page = await open("");
    await page.goto(new URL("gone-missing/", live.site.url).href);
    const gone = new URL("gone-missing/", live.site.url).href;
    expect(settledProblems().failedRequests).toEqual([`${gone}: HTTP 404`]);
    expect(settledProblems().consoleErrors).toEqual([
      `Failed to load resource: the server responded with a status of 404 (Not Found) (${gone})`,
    ]);
    await context.close();
  });

  it("reports a request to the site that was aborted while its page stayed", async () => {
    const { context, settledProblems, open } = await siteContext(live.browser, live.site.url, { allowProblems: true });
    const page = await open("");
    // The response is held back so the page can abort the request while it is still in flight.
    await context.route(/\/blog\/held$/, () => undefined);
    await Promise.all([
      page.waitForEvent("requestfailed"),
      page.evaluate(async () => {
        const controller = new AbortController();
        const request = fetch("/blog/held", { signal: controller.signal }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.abort();
        await request;
      }),
    ]);
    expect(settledProblems().failedRequests).toEqual([`${new URL("held", live.site.url).href}: net::ERR_ABORTED`]);
    await context.close();
  });

  it("ignores requests to other sites, which every test blocks", async () => {
    const { context, settledProblems, open } = await siteContext(live.browser, live.site.url);
    const page = await open("posts/hello-world/");
    await Promise.all([
      page.waitForEvent("requestfailed"),
      page.evaluate(() =>
        document.body.append(Object.assign(new Image(), { src: "https://tracker.example/pixel.png", alt: "" })),
      ),
    ]);
    expect(settledProblems()).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });
});
