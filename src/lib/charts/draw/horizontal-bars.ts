import { scaleBand } from "d3-scale";
import { valueExtent } from "../axes.ts";
import { centredBaseline, placement, TICK_GAP } from "../layout.ts";
import { el } from "../svg.ts";
import { ellipsize, lineHeight, measureText } from "../text-metrics.ts";
import { annotationYValues, drawAnnotations } from "./annotations.ts";
import { axisLine, grid, labelsBottom, TICK_LENGTH, tickLabelGroup, tickMarks, X_LABEL_CLEARANCE } from "./axis-lines.ts";
import { barMarks } from "./bars.ts";
import { type Body, type DrawContext, type Frame, type Plot, seriesValues } from "./context.ts";
import { categoryAxisTitle, footerTitle, header, valueAxisTitle } from "./titles.ts";
import { allIntegers, bottomContinuousAxis } from "./value-axis.ts";

/** Below the axis title: category labels sit mid-band, inside the bands' outer padding, so a small gap is enough. */
const PLOT_TOP_GAP = 4;
/**
 * Rows of bars stacked down the page need more air than bars side by side:
 * a quarter of each step between bands, a little over half that at either end.
 */
const BAND_PADDING = { inner: 0.25, outer: 0.15 };
/** A row is at least a category label's height plus this, so one-line labels of neighbouring rows never touch. */
const ROW_LEADING = 6;
/** Room for the gaps between the bars of a group (GROUPED_BAR_GAP in bars.ts) on top of their thinnest width. */
const GROUP_GAP_ALLOWANCE = 1.1;
/** Category labels take at most this share of the width, so the bars keep the larger part (the rest, after the margins). */
const MAX_LABEL_SHARE = 0.38;

/** Horizontal bars: categories down the left (height grows with their number), values along the bottom. */
export function horizontalBarBody(ctx: DrawContext): Body {
  const { config, prepared, spec } = ctx;
  const fs = config.fontSize;
  const top = header(ctx, categoryAxisTitle(spec));
  const plotTop = top.bottom + PLOT_TOP_GAP;

  const barsPerBand = prepared.series.length;
  const step = Math.max(
    lineHeight(fs) + ROW_LEADING,
    (barsPerBand * config.minBar * GROUP_GAP_ALLOWANCE) / (1 - BAND_PADDING.inner),
    config.minBandStep,
  );
  const plotHeight = step * (prepared.categories.length - BAND_PADDING.inner + 2 * BAND_PADDING.outer);
  const plotBottom = plotTop + plotHeight;
  const band = scaleBand<string>()
    .domain(prepared.categories)
    .range([plotTop, plotBottom])
    .paddingInner(BAND_PADDING.inner)
    .paddingOuter(BAND_PADDING.outer);

  const maxLabelWidth = config.width * MAX_LABEL_SHARE;
  const categoryTexts = prepared.categories.map((category) => ellipsize(category, maxLabelWidth, fs));
  const labelWidth = Math.max(...categoryTexts.map((text) => measureText(text, fs)));
  const minLeft = config.pad + labelWidth + TICK_GAP;

  const values = [...seriesValues(ctx), ...annotationYValues(ctx), 0];
  const labelTop = plotBottom + TICK_LENGTH + X_LABEL_CLEARANCE;
  const valueAxis = bottomContinuousAxis(ctx, valueExtent(values), minLeft, labelTop, {
    kind: "number",
    nice: true,
    integer: allIntegers(values),
    format: spec.yFormat,
  });
  const plot: Plot = { left: valueAxis.left, top: plotTop, right: valueAxis.right, bottom: plotBottom };
  const centre = (category: string) => (band(category) ?? 0) + band.bandwidth() / 2;
  const categoryLabels = prepared.categories.map((category, i) =>
    placement(categoryTexts[i] as string, plot.left - TICK_GAP, centredBaseline(centre(category), fs), "end", fs),
  );
  const frame: Frame = {
    plot,
    x: (value) => (prepared.categories.includes(String(value)) ? centre(String(value)) : undefined),
    y: (value) => valueAxis.map(value) as number,
    swapped: true,
  };
  const footer = footerTitle(ctx, valueAxisTitle(spec), plot, labelsBottom(valueAxis.labels, labelTop));
  const zero = frame.y(0);
  return {
    height: footer.bottom + config.pad,
    children: [
      ...top.elements,
      grid(
        valueAxis.ticks.map((tick) => tick.position),
        plot,
        "vertical",
      ),
      axisLine(plot.left, plot.bottom, plot.right, plot.bottom),
      axisLine(zero, plot.top, zero, plot.bottom),
      tickMarks(
        valueAxis.ticks.map((tick) => tick.position),
        plot.bottom,
      ),
      tickLabelGroup(categoryLabels, "y"),
      tickLabelGroup(valueAxis.labels, "x"),
      el("g", { class: "chart-marks" }, barMarks(ctx, frame, band.bandwidth())),
      el("g", { class: "chart-annotations" }, drawAnnotations(ctx, frame)),
      ...footer.elements,
    ],
  };
}
