import { describe, expect, inject, it } from "vitest";
import { readPage } from "../support/html.ts";

const charts = () => [...readPage(inject("productionDist"), "posts/charts/").document.querySelectorAll("figure.chart")];

describe("charts in a built post", () => {
  it("renders each chart as a figure with a caption, both drawings and a data table", () => {
    const figures = charts();
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      expect(figure.querySelector("figcaption .chart__title")?.textContent?.trim()).toBeTruthy();
      expect(figure.querySelectorAll("svg")).toHaveLength(2);
      expect(figure.querySelector("details summary")?.textContent).toBe("Data");
      expect(figure.querySelector("details table caption")).not.toBeNull();
    }
  });

  it("gives every drawing a role, an accessible name and a description that exist in the page", () => {
    const drawings = charts().flatMap((figure) => [...figure.querySelectorAll("svg")]);
    expect(drawings).toHaveLength(3 * 2);
    for (const svg of drawings) {
      expect(svg.getAttribute("role")).toBe("img");
      const name = svg.querySelector(`#${svg.getAttribute("aria-labelledby")}`);
      const description = svg.querySelector(`#${svg.getAttribute("aria-describedby")}`);
      expect(name?.tagName.toLowerCase()).toBe("title");
      expect(name?.textContent?.trim()).toBeTruthy();
      expect(description?.tagName.toLowerCase()).toBe("desc");
      expect(description?.textContent?.length).toBeGreaterThan(20);
      expect(svg.getAttribute("viewBox")).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.hasAttribute("width")).toBe(false);
    }
  });

  it("draws one bar per row and series, one line per series and one point per row", () => {
    const [bars, lines, scatter] = charts().map((figure) => [...figure.querySelectorAll("svg")]);
    // Each chart has two drawings (wide and narrow), and each must hold every mark.
    const marks = (svgs: SVGElement[] | undefined, selector: string) =>
      (svgs ?? []).map((svg) => svg.querySelectorAll(selector).length);
    expect(marks(bars, ".chart-bar")).toEqual([4 * 2, 4 * 2]);
    expect(marks(lines, ".chart-line")).toEqual([2, 2]);
    expect(marks(scatter, ".chart-point")).toEqual([3, 3]);
  });

  it("shows a legend only when there is more than one series", () => {
    const [bars, lines, scatter] = charts();
    expect(bars?.querySelector(".chart-legend")?.textContent).toContain("mobile");
    expect(lines?.querySelector(".chart-legend")).not.toBeNull();
    expect(scatter?.querySelector(".chart-legend")).toBeNull();
  });

  it("labels a reference line", () => {
    expect(charts()[1]?.querySelector(".chart-annotation--rule")?.textContent).toContain("Target");
  });

  it("puts the CSV's numbers in the data table", () => {
    const rows = [...(charts()[0]?.querySelectorAll("details tbody tr") ?? [])].map((row) =>
      [...row.children].map((cell) => cell.textContent?.trim()),
    );
    expect(rows[0]).toEqual(["Jan", "120", "340"]);
    expect(rows).toHaveLength(4);
  });

  it("paints only through the palette's custom properties", () => {
    const svg = charts()[0]?.querySelector("svg")?.outerHTML ?? "";
    const literalFills = svg.match(/fill="#[0-9a-f]{3,6}"/gi) ?? [];
    expect(literalFills).toEqual([]);
    expect(svg).toContain("var(--chart-1");
  });
});
