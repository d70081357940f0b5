import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { horizontalOverflow, siteContext, useFixtureSites } from "../support/browser.ts";

const PATH = "posts/code-blocks/";

describe("code blocks and the table of contents in a real browser", () => {
  const live = useFixtureSites();

  async function openPost(options: { width?: number; colorScheme?: "light" | "dark" } = {}) {
    const { context, problems, open } = await siteContext(live.browser, live.site.url, options);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(live.site.url).origin });
    const page = await open(PATH);
    return { context, problems, page };
  }

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
  /** Where a heading sits in the viewport, in CSS pixels from the top. */
  const headingTop = (page: Page, id: string) =>
    page.evaluate((target) => document.getElementById(target)?.getBoundingClientRect().top ?? NaN, id);

  for (const scheme of ["light", "dark"] as const) {
    for (const width of [360, 1280]) {
      it(`has no accessibility violations at ${width}px, ${scheme}`, async () => {
        const { context, problems, page } = await openPost({ width, colorScheme: scheme });
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
        expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
        await context.close();
      });
    }
  }

  it("scrolls a long line inside its block at 360px, never the page, by keyboard too", async () => {
    const { context, page } = await openPost({ width: 360 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const pre = page.locator(".code-block pre").last();
    const size = await pre.evaluate((element) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
      right: element.getBoundingClientRect().right,
    }));
    expect(size.scroll).toBeGreaterThan(size.client * 2);
    expect(size.right).toBeLessThanOrEqual(360);
    await pre.focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => pre.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("gives each block a copy button that copies its code exactly", async () => {
    const { context, problems, page } = await openPost();
    const buttons = page.getByRole("button", { name: "Copy code" });
    expect(await buttons.count()).toBe(await page.locator(".code-block").count());
    const first = buttons.first();
    expect(await first.textContent()).toBe("Copy");
    await first.click();
    expect(await clipboard(page)).toBe(
      [
        "export function greet(name: string): string {",
        "  // Comments keep their contrast on a highlighted line.",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: this is the copied source text, not a template.
        "  const greeting = `Hello, ${name}`;",
        "  console.log(greeting);",
        "  return greeting;",
        "}",
      ].join("\n"),
    );
    expect(await first.textContent()).toBe("Copied");
    expect(await page.getByRole("status").first().textContent()).toBe("Copied to the clipboard");
    await expect.poll(() => first.textContent(), { timeout: 4000 }).toBe("Copy");
    // Line numbers and the diff marks of notation lines are drawn by CSS, not copied.
    await buttons.nth(3).click();
    expect(await clipboard(page)).toBe("const limit = 10;\nconst limit = 20;\nexport default limit;");
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("selects the code instead when the clipboard refuses, and says so", async () => {
    const { context, problems, open } = await siteContext(live.browser, live.site.url);
    await context.addInitScript(() => {
      // Init scripts also run in about:blank, which has no clipboard.
      if (navigator.clipboard)
        navigator.clipboard.writeText = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    const page = await open(PATH);
    const button = page.getByRole("button", { name: "Copy code" }).first();
    await button.click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Could not copy; the text is selected");
    expect(await button.textContent()).toBe("Copy");
    expect(await page.evaluate(() => getSelection()?.toString())).toMatch(/^export function greet[\s\S]+\}$/);
    expect(problems).toEqual({ consoleErrors: [], failedRequests: [] });
    await context.close();
  });

  it("reaches the copy button by keyboard, right after the heading before its block", async () => {
    const { context, page } = await openPost();
    await page.locator("#line-numbers .heading-anchor").focus();
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate(() => [document.activeElement?.className, document.activeElement?.getAttribute("aria-label")]);
    expect(await focused()).toEqual(["copy-button", "Copy code"]);
    await page.keyboard.press("Enter");
    expect((await clipboard(page)).split("\n")).toHaveLength(12);
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await page.keyboard.press("Space");
    expect(await clipboard(page)).toMatch(/^def fizzbuzz\(limit\):\n/);
    await context.close();
  });

  it("keeps the code selectable without JavaScript, and then shows no button", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { javaScriptEnabled: false });
    const page = await open(PATH);
    expect(await page.locator(".copy-button").count()).toBe(0);
    const selected = await page
      .locator(".code-block pre")
      .first()
      .evaluate((pre) => {
        getSelection()?.selectAllChildren(pre);
        return getSelection()?.toString();
      });
    expect(selected).toMatch(/^export function greet[\s\S]+\}$/);
    await context.close();
  });

  it("shows the contents beside the text on wide screens, open and following the reader", async () => {
    const { context, page } = await openPost({ width: 1280 });
    const toc = page.locator("nav.toc");
    expect(await page.locator("nav.toc summary").isVisible()).toBe(false);
    expect(await toc.getByRole("link", { name: "A very long line" }).isVisible()).toBe(true);
    const [tocBox, proseBox] = [await toc.boundingBox(), await page.locator(".prose").boundingBox()];
    expect(tocBox?.x).toBeGreaterThanOrEqual((proseBox?.x ?? 0) + (proseBox?.width ?? 0));
    expect(tocBox?.y).toBeLessThan((proseBox?.y ?? 0) + 100);
    await toc.getByRole("link", { name: "Diffs" }).click();
    await page.waitForURL(/#diffs$/);
    expect(await headingTop(page, "diffs")).toBeGreaterThanOrEqual(0);
    expect(await headingTop(page, "diffs")).toBeLessThan(100);
    const stuck = await toc.boundingBox();
    expect(stuck?.y).toBeGreaterThanOrEqual(0);
    expect(stuck?.y).toBeLessThan(100);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("folds the contents above the text on phones, opened by keyboard, and jumps to the heading", async () => {
    const { context, page } = await openPost({ width: 360 });
    const link = page.locator("nav.toc").getByRole("link", { name: "A diff fence" });
    expect(await link.isVisible()).toBe(false);
    const summary = page.locator("nav.toc summary");
    expect((await summary.boundingBox())?.y).toBeLessThan((await page.locator(".prose").boundingBox())?.y ?? 0);
    await summary.focus();
    await page.keyboard.press("Enter");
    expect(await link.isVisible()).toBe(true);
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/#a-diff-fence$/);
    const top = await headingTop(page, "a-diff-fence");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(100);
    await context.close();
  });
});
