import { isYearLike, valueExtent } from "../axes.ts";
import { centredBaseline, placement, TICK_GAP } from "../layout.ts";
import { el } from "../svg.ts";
import { FONT_METRICS } from "../text-metrics.ts";
import { annotationXValues, annotationYValues, drawAnnotations } from "./annotations.ts";
import { axisLine, grid, labelsBottom, TICK_LENGTH, tickLabelGroup, tickMarks, X_LABEL_CLEARANCE } from "./axis-lines.ts";
import { barMarks } from "./bars.ts";
import { bottomCategoryAxis } from "./category-axis.ts";
import { type Body, type DrawContext, type Frame, type Plot, seriesValues } from "./context.ts";
import type { BottomAxis } from "./fit.ts";
import { lineMarks } from "./lines.ts";
import { scatterMarks } from "./points.ts";
import { categoryAxisTitle, footerTitle, header, valueAxisTitle } from "./titles.ts";
import { allIntegers, bottomContinuousAxis, leftValueAxis } from "./value-axis.ts";

/** Above the plot, beyond the half label the top y label reaches over its edge: keeps it off the axis title. */
const TOP_LABEL_CLEARANCE = 2;
/** Rotated category labels reach at most this share of the plot's height below it, so the plot stays the larger part. */
const MAX_LABEL_DEPTH_SHARE = 0.6;

function bottomAxis(ctx: DrawContext, minLeft: number, labelTop: number): BottomAxis {
  const { config, prepared, spec } = ctx;
  if (prepared.xType === "category") {
    const kind = spec.kind === "bar" ? "band" : "point";
    return bottomCategoryAxis(ctx, kind, minLeft, labelTop, config.plotHeight * MAX_LABEL_DEPTH_SHARE);
  }
  const xs = prepared.series.flatMap((series) => series.points.map((point) => point.x as number));
  const domain = valueExtent([...xs, ...annotationXValues(ctx)]);
  const integer = prepared.xType === "number" && allIntegers(xs);
  const xFormat = spec.kind === "bar" ? undefined : spec.xFormat;
  return bottomContinuousAxis(ctx, domain, minLeft, labelTop, {
    kind: prepared.xType === "date" ? "date" : "number",
    nice: spec.kind === "scatter",
    integer,
    format: xFormat ?? (integer && isYearLike(xs) ? "d" : undefined),
  });
}

/** Line, scatter and vertical bar charts: x along the bottom, values up the left. */
export function verticalBody(ctx: DrawContext): Body {
  const { config, spec } = ctx;
  const fs = config.fontSize;
  const top = header(ctx, valueAxisTitle(spec));
  // A y label is centred on its tick, so the top one reaches this far above the plot and the bottom one below it.
  const labelOverhang = (FONT_METRICS.ascent - FONT_METRICS.capHeight / 2) * fs;
  const plotTop = top.bottom + labelOverhang + TOP_LABEL_CLEARANCE;
  const plotBottom = plotTop + config.plotHeight;

  const zero = spec.kind === "bar" || spec.yZero ? [0] : [];
  const values = [...seriesValues(ctx), ...annotationYValues(ctx), ...zero];
  const yAxis = leftValueAxis(ctx, values, plotTop, plotBottom);
  const minLeft = config.pad + yAxis.labelWidth + TICK_GAP;

  const labelTop = plotBottom + Math.max(TICK_LENGTH + X_LABEL_CLEARANCE, labelOverhang + X_LABEL_CLEARANCE);
  const xAxis = bottomAxis(ctx, minLeft, labelTop);
  const plot: Plot = { left: xAxis.left, top: plotTop, right: xAxis.right, bottom: plotBottom };
  const yLabels = yAxis.axis.ticks.map((tick) =>
    placement(tick.label, plot.left - TICK_GAP, centredBaseline(yAxis.map(tick.value), fs), "end", fs),
  );

  const frame: Frame = { plot, x: xAxis.map, y: yAxis.map, swapped: false };
  const bottomOfLabels = labelsBottom(xAxis.labels, plotBottom + TICK_LENGTH);
  const footer = footerTitle(ctx, categoryAxisTitle(spec), plot, bottomOfLabels);

  const marks =
    spec.kind === "line"
      ? lineMarks({ ...ctx, spec }, frame)
      : spec.kind === "scatter"
        ? scatterMarks(ctx, frame)
        : barMarks(ctx, frame, xAxis.bandwidth);

  const zeroInside = yAxis.axis.domain[0] < 0 && yAxis.axis.domain[1] > 0;
  return {
    height: footer.bottom + config.pad,
    children: [
      ...top.elements,
      grid(
        yAxis.axis.ticks.map((tick) => yAxis.map(tick.value)),
        plot,
        "horizontal",
      ),
      axisLine(plot.left, plot.bottom, plot.right, plot.bottom),
      ...(zeroInside || (spec.kind === "bar" && yAxis.axis.domain[0] < 0)
        ? [axisLine(plot.left, yAxis.map(0), plot.right, yAxis.map(0))]
        : []),
      tickMarks(
        xAxis.ticks.map((tick) => tick.position),
        plot.bottom,
      ),
      tickLabelGroup(yLabels, "y"),
      tickLabelGroup(xAxis.labels, "x"),
      el("g", { class: "chart-marks" }, marks),
      el("g", { class: "chart-annotations" }, drawAnnotations(ctx, frame)),
      ...footer.elements,
    ],
  };
}
