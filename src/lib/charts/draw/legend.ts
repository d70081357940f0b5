import { baselineBelow, placement, textElement, textFill } from "../layout.ts";
import { cssVar } from "../palette.ts";
import type { ChartKind } from "../schema.ts";
import { el, round, type SvgElement } from "../svg.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText } from "../text-metrics.ts";
import { type DrawContext, seriesColour } from "./context.ts";
import { markerPath } from "./markers.ts";

/** How a series looks in the legend: a line with its marker, a bar, or a lone marker. */
export type SwatchKind = "line" | "bar" | "point";

const SWATCH: Record<ChartKind, SwatchKind> = { line: "line", bar: "bar", scatter: "point" };

export interface LegendEntry {
  label: string;
  seriesIndex: number;
  colour: string;
}

/** Room for a short stretch of line with a marker in its middle: wide enough that the line reads as a line. */
const SWATCH_WIDTH = 18;
/** Between a swatch and its label: under half a label's height, so the two read as one item. */
const SWATCH_GAP = 6;
/** Between one item and the next: well over SWATCH_GAP, so it is clear which label a swatch belongs to. */
const ITEM_GAP = 16;
/** Between wrapped rows of entries, so swatches of neighbouring rows never touch. */
const ROW_GAP = 4;
/** A bar swatch is a 12-unit square, about the height of a capital letter plus its rounding, centred in the swatch's width. */
const BAR_SWATCH = { size: 12, corner: 2 };

function swatch(kind: SwatchKind, entry: LegendEntry, x: number, cy: number, markerArea: number): SvgElement {
  if (kind === "bar") {
    return el("rect", {
      x: x + (SWATCH_WIDTH - BAR_SWATCH.size) / 2,
      y: cy - BAR_SWATCH.size / 2,
      width: BAR_SWATCH.size,
      height: BAR_SWATCH.size,
      rx: BAR_SWATCH.corner,
      style: `fill: ${entry.colour}`,
    });
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
  const rowHeight = lineHeight(fontSize) + ROW_GAP;
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
  return { element: el("g", { class: "chart-legend" }, children), height: (row + 1) * rowHeight - ROW_GAP };
}

/** The chart's legend at `top`, one entry per series; a single series needs none (the axis title names it). */
export function seriesLegend(ctx: DrawContext, top: number): { element: SvgElement; height: number } | undefined {
  const { config, prepared, spec } = ctx;
  if (prepared.series.length <= 1) return undefined;
  const entries: LegendEntry[] = prepared.series.map((series, i) => ({
    label: series.key,
    seriesIndex: i,
    colour: seriesColour(i),
  }));
  return layoutLegend(
    entries,
    SWATCH[spec.kind],
    config.pad,
    top,
    config.width - 2 * config.pad,
    config.fontSize,
    config.markerArea,
  );
}
