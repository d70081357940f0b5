import {
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from "d3-shape";
import { textRect, type TextAnchor, type TextPlacement } from "./geometry.ts";
import { cssVar, type PaletteVar } from "./palette.ts";
import { el, round, type SvgElement } from "./svg.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText, type FontWeight } from "./text-metrics.ts";

/**
 * Each chart is drawn twice: a compact variant for narrow columns (phones)
 * and a wide one, switched by a container query (see ChartFigure.astro).
 * A single 600-unit drawing scaled down to a 300 px phone column would print
 * its labels at half size (~7 px); the compact drawing is laid out for its
 * own width instead, with fewer ticks, so labels stay legible there.
 */
export type Variant = "compact" | "wide";

export interface VariantConfig {
  /** viewBox width in user units. */
  width: number;
  /** Height of the plotting area for charts whose height is not data-driven. */
  plotHeight: number;
  /** Empty border kept inside the viewBox on every side. */
  pad: number;
  /** Tick labels, legend and annotations. */
  fontSize: number;
  /** Axis titles (semibold). */
  titleSize: number;
  /** Thinnest bar drawn in a horizontal bar chart. */
  minBar: number;
}

/**
 * Text is 14 units, the body scale's --step--1 (0.833rem of the 17 px body),
 * titles in semibold. Each variant's width is chosen so that across the
 * container widths where it is shown its labels never render smaller than
 * --step--2 (11.8 px): the compact one from ~300 px (scale 0.8) up to
 * COMPACT_MAX_WIDTH, the wide one from there (scale 0.83) to a full prose
 * column (~650 px, scale 1.08).
 */
export const VARIANTS: Readonly<Record<Variant, VariantConfig>> = {
  compact: { width: 380, plotHeight: 200, pad: 6, fontSize: 14, titleSize: 14, minBar: 6 },
  wide: { width: 600, plotHeight: 270, pad: 8, fontSize: 14, titleSize: 14, minBar: 8 },
};

/** Container width (CSS px) below which the compact variant is shown. */
export const COMPACT_MAX_WIDTH = 500;

/** Space between an axis line and its tick labels. */
export const TICK_GAP = 6;
/** Minimum free space between neighbouring labels. */
export const LABEL_GAP = 8;

export function textFill(name: PaletteVar): string {
  return `fill: ${cssVar(name)}`;
}

/** Keeps annotation labels legible where they cross lines or bars. */
export const HALO_STYLE = `stroke: ${cssVar("color-bg")}; stroke-width: 3px; stroke-linejoin: round; paint-order: stroke`;

export function placement(
  text: string,
  x: number,
  y: number,
  anchor: TextAnchor,
  fontSize: number,
  weight: FontWeight = 400,
  rotate = 0,
): TextPlacement {
  return { text, x, y, anchor, fontSize, weight, rotate };
}

/** A <text> element carrying everything needed to recompute its box (tests rely on this). */
export function textElement(p: TextPlacement, attrs: Record<string, string | undefined> = {}): SvgElement {
  return el(
    "text",
    {
      x: p.x,
      y: p.y,
      "font-size": p.fontSize,
      "font-weight": p.weight === 400 ? undefined : p.weight,
      "text-anchor": p.anchor,
      transform: p.rotate === 0 ? undefined : `rotate(${p.rotate} ${round(p.x)} ${round(p.y)})`,
      ...attrs,
    },
    [p.text],
  );
}

/** Baseline offset that centres digits and capitals on a given y. */
export function centredBaseline(y: number, fontSize: number): number {
  return y + (FONT_METRICS.capHeight * fontSize) / 2;
}

/** Baseline for text whose ink box should start at `top`. */
export function baselineBelow(top: number, fontSize: number): number {
  return top + FONT_METRICS.ascent * fontSize;
}

export function titleWithUnit(title: string | undefined, unit: string | undefined): string | undefined {
  if (title === undefined) return unit;
  return unit === undefined ? title : `${title} (${unit})`;
}

const SYMBOLS: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolWye, symbolStar];

/**
 * Marker shape per series, so series stay distinguishable without colour
 * (WCAG 1.4.1) and in greyscale prints.
 */
export function markerPath(seriesIndex: number, area: number): string {
  return symbol(SYMBOLS[seriesIndex % SYMBOLS.length] as SymbolType, area)() ?? "";
}

export type SwatchKind = "line" | "bar" | "point";

export interface LegendEntry {
  label: string;
  seriesIndex: number;
  colour: string;
}

const SWATCH_WIDTH = 18;
const SWATCH_GAP = 6;
const ITEM_GAP = 16;

function swatch(kind: SwatchKind, entry: LegendEntry, x: number, cy: number, markerArea: number): SvgElement {
  if (kind === "bar") {
    return el("rect", { x: x + 3, y: cy - 6, width: 12, height: 12, rx: 2, style: `fill: ${entry.colour}` });
  }
  const marker = el("path", {
    d: markerPath(entry.seriesIndex, markerArea),
    transform: `translate(${round(x + SWATCH_WIDTH / 2)} ${round(cy)})`,
    style: kind === "point" ? `fill: ${entry.colour}; stroke: ${cssVar("color-bg")}; stroke-width: 1px` : `fill: ${entry.colour}`,
  });
  if (kind === "point") return marker;
  return el("g", {}, [
    el("line", { x1: x, y1: cy, x2: x + SWATCH_WIDTH, y2: cy, style: `stroke: ${entry.colour}; stroke-width: 2px` }),
    marker,
  ]);
}

/**
 * Lays legend entries out left to right from (left, top), wrapping into rows
 * within maxWidth. Returns the group and the height it occupies.
 */
export function layoutLegend(
  entries: readonly LegendEntry[],
  kind: SwatchKind,
  left: number,
  top: number,
  maxWidth: number,
  fontSize: number,
  markerArea: number,
): { element: SvgElement; height: number } {
  const rowHeight = lineHeight(fontSize) + 4;
  const children: SvgElement[] = [];
  let x = left;
  let row = 0;
  for (const entry of entries) {
    const label = ellipsize(entry.label, maxWidth - SWATCH_WIDTH - SWATCH_GAP, fontSize);
    const itemWidth = SWATCH_WIDTH + SWATCH_GAP + measureText(label, fontSize);
    if (x > left && x + itemWidth > left + maxWidth) {
      row++;
      x = left;
    }
    const baseline = baselineBelow(top + row * rowHeight, fontSize);
    const cy = baseline - (FONT_METRICS.capHeight * fontSize) / 2;
    children.push(
      el("g", { class: "chart-legend-item" }, [
        swatch(kind, entry, x, cy, markerArea),
        textElement(placement(label, x + SWATCH_WIDTH + SWATCH_GAP, baseline, "start", fontSize), {
          style: textFill("color-text"),
        }),
      ]),
    );
    x += itemWidth + ITEM_GAP;
  }
  return { element: el("g", { class: "chart-legend" }, children), height: (row + 1) * rowHeight - 4 };
}

/** Horizontal extent of a set of labels, used to grow margins until nothing is clipped. */
export function horizontalExtent(labels: readonly TextPlacement[]): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const label of labels) {
    const rect = textRect(label);
    left = Math.min(left, rect.left);
    right = Math.max(right, rect.right);
  }
  return { left, right };
}
