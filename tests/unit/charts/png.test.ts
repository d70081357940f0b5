import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataset } from "../../../src/lib/charts/data.ts";
import { palette } from "../../../src/lib/charts/palette.ts";
import { renderChartPng, resolveCssVars } from "../../../src/lib/charts/png.ts";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { chartSpecSchema } from "../../../src/lib/charts/schema.ts";

const chart = renderChart(
  chartSpecSchema.parse({ kind: "bar", title: "Visitors", x: "city", y: ["2023", "2024"], yUnit: "thousands" }),
  dataset(
    [
      { city: "Amsterdam", "2023": 120, "2024": 150 },
      { city: "Berlin", "2023": 340, "2024": 310 },
      { city: "Copenhagen", "2023": 90, "2024": 130 },
    ],
    "test",
  ),
);

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

describe("resolveCssVars", () => {
  it("replaces palette variables with the theme's literal and others with their fallback", () => {
    const svg = '<g style="fill: var(--chart-2, #000000); font-family: var(--font-body, Inter, sans-serif)"/>';
    expect(resolveCssVars(svg, "light")).toBe(`<g style="fill: ${palette.light["chart-2"]}; font-family: Inter, sans-serif"/>`);
    expect(resolveCssVars(svg, "dark")).toContain(palette.dark["chart-2"]);
  });

  it("refuses a variable it cannot resolve", () => {
    expect(() => resolveCssVars('<g style="fill: var(--unknown)"/>', "light")).toThrow("var(--unknown)");
  });

  it("leaves no var() in a rendered chart", () => {
    expect(resolveCssVars(chart.svg.wide, "light")).not.toContain("var(");
  });
});

describe("renderChartPng", () => {
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), "charts-png-"));
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });

  it("renders at twice the viewBox size, then reuses the cached file", async () => {
    const first = await renderChartPng(chart.svg.wide, { theme: "light", cacheDir });
    expect(first.reused).toBe(false);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.path).toBe(path.join(cacheDir, `${first.hash}.png`));
    const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(chart.svg.wide);
    expect(first.width).toBe(Number(viewBox?.[1]) * 2);
    expect(first.height).toBe(Number(viewBox?.[2]) * 2);
    const written = await stat(first.path);

    const second = await renderChartPng(chart.svg.wide, { theme: "light", cacheDir });
    expect(second).toMatchObject({ reused: true, hash: first.hash, path: first.path, width: first.width, height: first.height });
    expect(second.buffer.equals(first.buffer)).toBe(true);
    expect((await stat(first.path)).mtimeMs).toBe(written.mtimeMs);
  });

  it("keys the cache on the SVG and the renderer settings", async () => {
    const base = await renderChartPng(chart.svg.wide, { cacheDir });
    const compact = await renderChartPng(chart.svg.compact, { cacheDir });
    const larger = await renderChartPng(chart.svg.wide, { cacheDir, scale: 1 });
    const dark = await renderChartPng(chart.svg.wide, { cacheDir, theme: "dark" });
    expect(new Set([base.hash, compact.hash, larger.hash, dark.hash]).size).toBe(4);
    expect(larger.width).toBe(base.width / 2);
    expect((await readdir(cacheDir)).filter((file) => file.endsWith(".tmp"))).toEqual([]);
  });

  it("draws the chart in colour on the light background, with text", async () => {
    const png = await renderChartPng(chart.svg.wide, { theme: "light", cacheDir });
    const { data, info } = await sharp(png.buffer).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixels = info.width * info.height;
    const near = (rgb: [number, number, number], offset: number) =>
      Math.abs((data[offset] as number) - rgb[0]) +
        Math.abs((data[offset + 1] as number) - rgb[1]) +
        Math.abs((data[offset + 2] as number) - rgb[2]) <
      24;

    const counts = { background: 0, series1: 0, series2: 0, dark: 0 };
    for (let i = 0; i < pixels; i++) {
      const offset = i * 3;
      if (near(hexToRgb(palette.light["color-bg"]), offset)) counts.background++;
      if (near(hexToRgb(palette.light["chart-1"]), offset)) counts.series1++;
      if (near(hexToRgb(palette.light["chart-2"]), offset)) counts.series2++;
      if ((data[offset] as number) + (data[offset + 1] as number) + (data[offset + 2] as number) < 200) counts.dark++;
    }
    // Mostly page background, clearly visible bars in both series colours, and dark text pixels.
    expect(counts.background / pixels).toBeGreaterThan(0.5);
    expect(counts.series1 / pixels).toBeGreaterThan(0.02);
    expect(counts.series2 / pixels).toBeGreaterThan(0.02);
    expect(counts.dark).toBeGreaterThan(500);

    const stats = await sharp(png.buffer).stats();
    expect(stats.isOpaque).toBe(true);
    expect(stats.channels.slice(0, 3).every((channel) => channel.stdev > 10)).toBe(true);
  });
});
