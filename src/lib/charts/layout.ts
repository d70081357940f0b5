import type { TextAnchor, TextPlacement } from "./geometry.ts";
import { cssVar, type PaletteVar } from "./palette.ts";
import { el, round, type SvgElement } from "./svg.ts";
import { FONT_METRICS, type FontWeight } from "./text-metrics.ts";

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
  /** Shortest row of a horizontal bar chart, so a chart of one or two bars still looks like a bar chart. */
  minBandStep: number;
  /** Area of a series marker in square units: the six marker shapes stay tellable apart at this size. */
  markerArea: number;
  /** Value labels at or above this magnitude switch to SI prefixes (12k, 3.4M). */
  abbreviateFrom: number;
}

/**
 * Text is 14 units, the body scale's --step--1 (0.833rem of the 17 px body),
 * titles in semibold. Each variant's width is chosen so that across the
 * container widths where it is shown its labels never render smaller than
 * --step--2 (11.8 px): the compact one from ~300 px (scale 0.8) up to
 * COMPACT_MAX_WIDTH, the wide one from there (scale 0.83) to a full prose
 * column (~650 px, scale 1.08).
 *
 * The plot is about half as tall as the drawing is wide (200/380, 270/600),
 * the proportion at which a line's slope reads true without the chart
 * filling a phone's screen. The compact variant is a size smaller
 * throughout: a 6-unit border instead of 8, bars at least 6 units thick
 * instead of 8, rows of horizontal bars at least 24 units (a label line plus
 * a little) instead of 28, markers of 36 square units (about 6 across)
 * instead of 48 (about 7), and numbers abbreviated from 10 000 rather than a
 * million, since five-digit labels would crowd its narrower axes.
 */
export const VARIANTS: Readonly<Record<Variant, VariantConfig>> = {
  compact: {
    width: 380,
    plotHeight: 200,
    pad: 6,
    fontSize: 14,
    titleSize: 14,
    minBar: 6,
    minBandStep: 24,
    markerArea: 36,
    abbreviateFrom: 1e4,
  },
  wide: {
    width: 600,
    plotHeight: 270,
    pad: 8,
    fontSize: 14,
    titleSize: 14,
    minBar: 8,
    minBandStep: 28,
    markerArea: 48,
    abbreviateFrom: 1e6,
  },
};

/** Container width (CSS px) below which the compact variant is shown. */
export const COMPACT_MAX_WIDTH = 500;

/** Space between an axis line and its tick labels: under half a label's height, so each label reads as its tick's. */
export const TICK_GAP = 6;
/** Minimum free space between neighbouring labels: two word spaces at 14 units, so two labels never read as one. */
export const LABEL_GAP = 8;

export function textFill(name: PaletteVar): string {
  return `fill: ${cssVar(name)}`;
}

/** Keeps annotation labels legible where they cross lines or bars; wider than the 2-unit data lines it covers. */
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
