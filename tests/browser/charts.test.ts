import { describe, expect, it } from "vitest";
import { horizontalOverflow, siteContext, useFixtureSites } from "../support/browser.ts";

describe("charts in a real browser", () => {
  const live = useFixtureSites();

  it("fits a 360px screen with every label inside its drawing", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { width: 360 });
    const page = await open("posts/charts/");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll<SVGSVGElement>("figure.chart svg")]
        .filter((svg) => svg.getBoundingClientRect().width > 0)
        .flatMap((svg) => {
          const { width, height } = svg.viewBox.baseVal;
          return [...svg.querySelectorAll<SVGTextElement>("text")].map((text) => {
            const box = text.getBBox();
            const inside =
              box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5;
            return { text: text.textContent, inside };
          });
        }),
    );
    // Three charts, each with tick labels on both axes and axis titles.
    expect(labels.length).toBeGreaterThan(3 * 6);
    expect(labels.filter((label) => !label.inside)).toEqual([]);
    const visible = await page.locator("figure.chart svg:visible").count();
    expect(visible).toBe(3);
    await context.close();
  });

  it("recolours charts when the theme changes, without new drawings", async () => {
    const { context, open } = await siteContext(live.browser, live.site.url, { colorScheme: "light" });
    const page = await open("posts/charts/");
    const barColour = () =>
      page
        .locator("figure.chart .chart-bar")
        .first()
        .evaluate((bar) => getComputedStyle(bar).fill);
    const before = await barColour();
    const markup = await page.locator("figure.chart").first().innerHTML();
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    expect(await barColour()).not.toBe(before);
    expect(await page.locator("figure.chart").first().innerHTML()).toBe(markup);
    await context.close();
  });
});
