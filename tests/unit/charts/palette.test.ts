import { describe, expect, it } from "vitest";
import {
  contrastRatio,
  cssVar,
  palette,
  paletteCss,
  relativeLuminance,
  SERIES_COUNT,
  seriesVar,
  type ThemeName,
} from "../../../src/lib/charts/palette.ts";

const THEMES: ThemeName[] = ["light", "dark"];
const series = (theme: ThemeName) => Array.from({ length: SERIES_COUNT }, (_, i) => palette[theme][seriesVar(i)]);

describe("contrast maths", () => {
  it("matches the WCAG reference values", () => {
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 6);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 6);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffffff", "#777777")).toBeCloseTo(contrastRatio("#777777", "#ffffff"), 10);
  });
});

describe("palette", () => {
  it("uses the site's page backgrounds", () => {
    expect(palette.light["color-bg"]).toBe("#fbfaf7");
    expect(palette.dark["color-bg"]).toBe("#15171a");
  });

  for (const theme of THEMES) {
    it(`gives every series at least 3:1 against the ${theme} background`, () => {
      for (const colour of series(theme)) {
        expect(contrastRatio(colour, palette[theme]["color-bg"]), colour).toBeGreaterThanOrEqual(3);
      }
    });

    it(`keeps ${theme} text and muted labels at 4.5:1 or more`, () => {
      expect(contrastRatio(palette[theme]["color-text"], palette[theme]["color-bg"])).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette[theme]["color-muted"], palette[theme]["color-bg"])).toBeGreaterThanOrEqual(4.5);
    });
  }
});

// Colour-vision-deficiency check: simulate protanopia, deuteranopia and
// tritanopia (Machado, Oliveira & Fernandes 2009, severity 1) and require
// every pair of series colours to stay apart in OKLab.
type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const SIMULATIONS: Record<string, Matrix> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function linearRgb(hex: string): Rgb {
  return [1, 3, 5].map((start) => {
    const c = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
}

function oklab([r, g, b]: Rgb): Rgb {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function simulate(hex: string, matrix: Matrix): Rgb {
  const c = linearRgb(hex);
  return matrix.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as Rgb;
}

describe("colour-blind safety", () => {
  for (const theme of THEMES) {
    for (const [name, matrix] of Object.entries(SIMULATIONS)) {
      it(`keeps ${theme} series distinguishable under ${name}`, () => {
        const colours = series(theme).map((hex) => oklab(simulate(hex, matrix)));
        for (let i = 0; i < colours.length; i++) {
          for (let j = i + 1; j < colours.length; j++) {
            const [a, b] = [colours[i] as Rgb, colours[j] as Rgb];
            const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
            expect(distance, `series ${i + 1} vs ${j + 1}`).toBeGreaterThan(0.085);
          }
        }
      });
    }
  }
});

describe("paletteCss", () => {
  const css = paletteCss();

  it("declares each series colour once, as light-dark(light, dark) on :root", () => {
    expect(css.startsWith(":root{")).toBe(true);
    for (let i = 0; i < SERIES_COUNT; i++) {
      const name = seriesVar(i);
      expect(css).toContain(`--${name}:light-dark(${palette.light[name]},${palette.dark[name]})`);
    }
  });

  it("leaves the site's neutral colours alone", () => {
    expect(css).not.toContain("--color-");
  });

  it("builds var() references with the light fallback", () => {
    expect(cssVar("chart-1")).toBe(`var(--chart-1, ${palette.light["chart-1"]})`);
    expect(seriesVar(SERIES_COUNT)).toBe("chart-1");
  });
});
