/**
 * Chart colours. Series hues start from Okabe–Ito (blue, orange, bluish
 * green, reddish purple, vermillion, black) and were re-tuned per theme:
 * the light-theme versions are darker so every series keeps 3:1 against the
 * page, and lightness was spread out so the set stays distinguishable under
 * simulated protanopia, deuteranopia and tritanopia (see palette.test.ts).
 * The neutrals mirror the site theme in src/styles/global.css; they are only
 * used as fallbacks and for PNG export.
 */

export const SERIES_COUNT = 6;

export type ThemeName = "light" | "dark";

export type NeutralName = "color-text" | "color-muted" | "color-border" | "color-bg";

export type SeriesName = `chart-${1 | 2 | 3 | 4 | 5 | 6}`;

export type PaletteVar = NeutralName | SeriesName;

export type ThemePalette = Readonly<Record<PaletteVar, string>>;

export const palette: Readonly<Record<ThemeName, ThemePalette>> = {
  light: {
    "chart-1": "#1e5db0",
    "chart-2": "#a87a12",
    "chart-3": "#038c7a",
    "chart-4": "#833a7a",
    "chart-5": "#b3330a",
    "chart-6": "#1d2025",
    "color-text": "#1d1f23",
    "color-muted": "#5b5f66",
    "color-border": "#e2ded5",
    "color-bg": "#fbfaf7",
  },
  dark: {
    "chart-1": "#4a8fe9",
    "chart-2": "#f5c034",
    "chart-3": "#1fcfb2",
    "chart-4": "#b0609a",
    "chart-5": "#ee6b25",
    "chart-6": "#e6e9ee",
    "color-text": "#e6e3dc",
    "color-muted": "#a2a6ad",
    "color-border": "#2e3238",
    "color-bg": "#15171a",
  },
};

export function seriesVar(index: number): SeriesName {
  return `chart-${((index % SERIES_COUNT) + 1) as 1 | 2 | 3 | 4 | 5 | 6}`;
}

/**
 * `var(--name, fallback)` with the light value as fallback, so a chart still
 * has colour where the page never loaded the palette (feed readers, PNG
 * export) while pages that do define the properties recolour it live.
 */
export function cssVar(name: PaletteVar): string {
  return `var(--${name}, ${palette.light[name]})`;
}

function channelToLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function parseHex(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Expected a #rrggbb colour, got "${hex}"`);
  const value = Number.parseInt(match[1], 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map(channelToLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const SERIES_VARS: readonly SeriesName[] = Array.from({ length: SERIES_COUNT }, (_, i) => seriesVar(i));

/**
 * Series colours as custom properties that follow the page's colour scheme,
 * the same `light-dark()` mechanism as the site's own colours in global.css
 * (which owns the neutrals, so they are not emitted here).
 */
export function paletteCss(): string {
  const declarations = SERIES_VARS.map((name) => `--${name}:light-dark(${palette.light[name]},${palette.dark[name]})`);
  return `:root{${declarations.join(";")}}`;
}

/** Computed once: every page's head carries it. */
export const PALETTE_CSS = paletteCss();
