import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { polygonsOverlap, rectInside, textPolygon, textRect } from "../../../src/lib/charts/geometry.ts";
import { placement } from "../../../src/lib/charts/layout.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText } from "../../../src/lib/charts/text-metrics.ts";

const require = createRequire(import.meta.url);
const FONTS = ["400Regular/Inter_400Regular.ttf", "600SemiBold/Inter_600SemiBold.ttf"].map((file) =>
  require.resolve(`@expo-google-fonts/inter/${file}`),
);

/** Width of the text's ink as resvg draws it with the real Inter files. */
function renderedWidth(text: string, fontSize: number, weight: 400 | 600): number {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="60" font-family="Inter" font-size="${fontSize}" font-weight="${weight}">${escaped}</text></svg>`;
  const box = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: FONTS, defaultFontFamily: "Inter" } }).getBBox();
  if (!box) throw new Error(`resvg drew nothing for ${text}`);
  return box.width;
}

describe("measureText", () => {
  it("is zero for empty text and linear in font size", () => {
    expect(measureText("", 13)).toBe(0);
    expect(measureText("Revenue", 26)).toBeCloseTo(2 * measureText("Revenue", 13), 10);
  });

  it("knows narrow and wide glyphs apart", () => {
    expect(measureText("iiii", 13)).toBeLessThan(measureText("WWWW", 13) / 3);
    expect(measureText("1,000", 13)).toBeLessThan(measureText("1 000 000", 13));
  });

  it("measures semibold wider than regular", () => {
    expect(measureText("Revenue (USD)", 14, 600)).toBeGreaterThan(measureText("Revenue (USD)", 14, 400));
  });

  it("errs wide for unknown and CJK characters", () => {
    expect(measureText("漢字", 10)).toBeGreaterThanOrEqual(20);
    expect(measureText("ʬ", 10)).toBeGreaterThan(measureText("n", 10));
  });

  const samples = [
    "2024",
    "1,250,000",
    "Frankfurt am Main",
    "Revenue (million USD)",
    "Temperature (°C) — daily mean",
    "WAVY illumination",
    "Ünïcödé façade",
  ];
  for (const weight of [400, 600] as const) {
    it(`never under-measures Inter ${weight} as rendered, and stays within 10%`, () => {
      for (const text of samples) {
        const rendered = renderedWidth(text, 20, weight);
        const measured = measureText(text, 20, weight);
        expect(measured, text).toBeGreaterThanOrEqual(rendered);
        expect(measured, text).toBeLessThanOrEqual(rendered * 1.1 + 2);
      }
    });
  }
});

describe("ellipsize", () => {
  it("returns text that fits unchanged", () => {
    expect(ellipsize("Berlin", 100, 13)).toBe("Berlin");
  });

  it("shortens with an ellipsis to fit the width", () => {
    const short = ellipsize("Frankfurt am Main", 60, 13);
    expect(short.endsWith("…")).toBe(true);
    expect(measureText(short, 13)).toBeLessThanOrEqual(60);
    expect(short).not.toMatch(/\s…$/);
  });

  it("falls back to a bare ellipsis", () => {
    expect(ellipsize("Frankfurt", 1, 13)).toBe("…");
  });
});

describe("text geometry", () => {
  it("spans ascender to descender around the baseline", () => {
    const rect = textRect(placement("Hello", 100, 50, "start", 10));
    expect(rect.left).toBeCloseTo(100);
    expect(rect.right).toBeCloseTo(100 + measureText("Hello", 10));
    expect(rect.top).toBeCloseTo(50 - FONT_METRICS.ascent * 10);
    expect(rect.bottom - rect.top).toBeCloseTo(lineHeight(10));
  });

  it("honours text-anchor", () => {
    const width = measureText("Hello", 10);
    expect(textRect(placement("Hello", 100, 50, "middle", 10)).left).toBeCloseTo(100 - width / 2);
    expect(textRect(placement("Hello", 100, 50, "end", 10)).right).toBeCloseTo(100);
  });

  it("rotates about the anchor like SVG's rotate(angle x y)", () => {
    const width = measureText("Label", 10);
    const rect = textRect(placement("Label", 100, 50, "end", 10, 400, -90));
    // rotate(-90) turns the baseline upwards; with text-anchor end the text hangs below the anchor.
    expect(rect.top).toBeCloseTo(50);
    expect(rect.bottom).toBeCloseTo(50 + width);
    expect(rect.left).toBeCloseTo(100 - FONT_METRICS.ascent * 10);
    expect(rect.right).toBeCloseTo(100 + FONT_METRICS.descent * 10);
  });

  it("detects overlap of rotated boxes that bounding rectangles would misjudge", () => {
    const a = textPolygon(placement("Copenhagen", 100, 50, "end", 13, 400, -45));
    const b = textPolygon(placement("Copenhagen", 130, 50, "end", 13, 400, -45));
    const c = textPolygon(placement("Copenhagen", 108, 50, "end", 13, 400, -45));
    expect(polygonsOverlap(a, b)).toBe(false);
    expect(polygonsOverlap(a, c)).toBe(true);
    expect(polygonsOverlap(a, b, 30)).toBe(true);
  });

  it("checks containment", () => {
    const outer = { left: 0, top: 0, right: 100, bottom: 100 };
    expect(rectInside({ left: 0, top: 10, right: 100, bottom: 20 }, outer)).toBe(true);
    expect(rectInside({ left: -1, top: 10, right: 50, bottom: 20 }, outer)).toBe(false);
  });
});
