import { ChartDataError, parseDate } from "../data.ts";
import { rectInside, textRect, type TextPlacement } from "../geometry.ts";
import { baselineBelow, HALO_STYLE, placement, textElement, textFill } from "../layout.ts";
import { cssVar } from "../palette.ts";
import type { Annotation } from "../schema.ts";
import { el, type SvgElement } from "../svg.ts";
import { ellipsize, FONT_METRICS, measureText } from "../text-metrics.ts";
import type { DrawContext, Frame, Plot } from "./context.ts";

/** Dashed and half again as thick as the grid's hairlines, so a rule never reads as a grid line. */
const RULE_STYLE = `stroke: ${cssVar("color-muted")}; stroke-width: 1.5px; stroke-dasharray: 5 4`;
/** Between a rule label and its rule or the plot's edge: clear of the rule's stroke, close enough to belong to it. */
const LABEL_INSET = 4;
/** Between the plot's top edge and a vertical rule's label, so its capitals do not touch the frame. */
const LABEL_TOP_INSET = 2;
/** Diagonal offset of a point's label from its centre: clear of the ring around the point. */
const POINT_LABEL_OFFSET = 8;
/** A point's label may take half the plot's width at most, so it never hides most of the drawing. */
const POINT_LABEL_MAX_SHARE = 0.5;
/**
 * The ring around an annotated point: a little larger than a series marker
 * (whose area of 36–48 units gives a radius near 4), so it circles the mark it calls out.
 */
const POINT_RING = { radius: 4.5, strokeWidth: 2 };

function annotationError(ctx: DrawContext, annotation: Annotation, problem: string): never {
  throw new ChartDataError(`Chart "${ctx.spec.title}" (${ctx.data.source}): annotation "${annotation.label}" ${problem}`);
}

/** Converts an annotation's x to the chart's x space: number, epoch ms or category label. */
function annotationX(ctx: DrawContext, annotation: Annotation, value: number | string): number | string {
  const { prepared, spec } = ctx;
  if (prepared.xType === "category") {
    const label = String(value);
    if (!prepared.categories.includes(label)) {
      annotationError(ctx, annotation, `refers to x "${label}", which is not a category in column "${spec.x}"`);
    }
    return label;
  }
  if (prepared.xType === "date") {
    const time = parseDate(value);
    if (time === undefined) annotationError(ctx, annotation, `needs an ISO date for x, found ${JSON.stringify(value)}`);
    return time;
  }
  const number = typeof value === "number" ? value : Number.NaN;
  if (!Number.isFinite(number)) annotationError(ctx, annotation, `needs a number for x, found ${JSON.stringify(value)}`);
  return number;
}

/** The values annotations sit at, so the value axis reaches them. */
export function annotationYValues(ctx: DrawContext): number[] {
  return ctx.spec.annotations.flatMap((annotation) => {
    if (annotation.type === "point") return [annotation.y];
    if (annotation.axis === "x") return [];
    if (typeof annotation.value !== "number") {
      annotationError(ctx, annotation, `needs a number for a y rule, found ${JSON.stringify(annotation.value)}`);
    }
    return [annotation.value];
  });
}

/** The x values annotations sit at on a continuous x axis, so the axis reaches them. */
export function annotationXValues(ctx: DrawContext): number[] {
  if (ctx.prepared.xType === "category") return [];
  return ctx.spec.annotations.flatMap((annotation) => {
    const value = annotation.type === "point" ? annotation.x : annotation.axis === "x" ? annotation.value : undefined;
    return value === undefined ? [] : [annotationX(ctx, annotation, value) as number];
  });
}

function annotationText(p: TextPlacement): SvgElement {
  return textElement(p, { class: "chart-annotation-label", style: `${textFill("color-text")}; ${HALO_STYLE}` });
}

/** Label beside a vertical rule at the top of the plot, on whichever side has room. */
function labelBesideVertical(label: string, x: number, plot: Plot, fs: number): TextPlacement {
  const y = baselineBelow(plot.top + LABEL_TOP_INSET, fs);
  const right = plot.right - x - LABEL_INSET;
  const left = x - plot.left - LABEL_INSET;
  const width = measureText(label, fs);
  if (width <= right || right >= left) return placement(ellipsize(label, right, fs), x + LABEL_INSET, y, "start", fs);
  return placement(ellipsize(label, left, fs), x - LABEL_INSET, y, "end", fs);
}

/** Label above a horizontal rule at the right end, or below it when the rule hugs the top. */
function labelAlongHorizontal(label: string, y: number, plot: Plot, fs: number): TextPlacement {
  const text = ellipsize(label, plot.right - plot.left - 2 * LABEL_INSET, fs);
  const above = placement(text, plot.right - LABEL_INSET, y - LABEL_INSET, "end", fs);
  if (textRect(above).top >= plot.top) return above;
  return placement(text, plot.right - LABEL_INSET, baselineBelow(y + LABEL_INSET, fs), "end", fs);
}

/** Label at whichever diagonal of the point keeps it inside the plot, else above or below it, clamped to the plot. */
function labelNearPoint(label: string, px: number, py: number, plot: Plot, fs: number): TextPlacement {
  const offset = POINT_LABEL_OFFSET;
  const text = ellipsize(label, (plot.right - plot.left) * POINT_LABEL_MAX_SHARE, fs);
  const candidates = [
    placement(text, px + offset, py - offset, "start", fs),
    placement(text, px - offset, py - offset, "end", fs),
    placement(text, px + offset, baselineBelow(py + offset, fs), "start", fs),
    placement(text, px - offset, baselineBelow(py + offset, fs), "end", fs),
  ];
  const fitting = candidates.find((candidate) => rectInside(textRect(candidate), plot));
  if (fitting) return fitting;
  const width = measureText(text, fs);
  const x = Math.min(Math.max(px - width / 2, plot.left), plot.right - width);
  const y = py - offset - FONT_METRICS.ascent * fs < plot.top ? baselineBelow(py + offset, fs) : py - offset;
  return placement(text, x, y, "start", fs);
}

/** Rules across the plot and rings around single points, each with its label. */
export function drawAnnotations(ctx: DrawContext, frame: Frame): SvgElement[] {
  const { spec } = ctx;
  const fs = ctx.config.fontSize;
  const { plot } = frame;
  const screenX = (annotation: Annotation, value: number | string) => {
    const position = frame.x(annotationX(ctx, annotation, value));
    if (position === undefined) annotationError(ctx, annotation, "could not be placed on the x axis");
    return position;
  };
  return spec.annotations.map((annotation) => {
    if (annotation.type === "rule") {
      if (annotation.axis === "x" && spec.kind === "bar") {
        annotationError(ctx, annotation, 'is a rule on the category axis; bar charts support rules on axis "y" only');
      }
      const acrossValues = annotation.axis === "y";
      const position = acrossValues ? frame.y(annotation.value as number) : screenX(annotation, annotation.value);
      const vertical = acrossValues === frame.swapped;
      const lineEl = vertical
        ? el("line", { x1: position, y1: plot.top, x2: position, y2: plot.bottom, style: RULE_STYLE })
        : el("line", { x1: plot.left, y1: position, x2: plot.right, y2: position, style: RULE_STYLE });
      const label = vertical
        ? labelBesideVertical(annotation.label, position, plot, fs)
        : labelAlongHorizontal(annotation.label, position, plot, fs);
      return el("g", { class: "chart-annotation chart-annotation--rule" }, [lineEl, annotationText(label)]);
    }
    const along = screenX(annotation, annotation.x);
    const value = frame.y(annotation.y);
    const [px, py] = frame.swapped ? [value, along] : [along, value];
    return el("g", { class: "chart-annotation chart-annotation--point" }, [
      el("circle", {
        cx: px,
        cy: py,
        r: POINT_RING.radius,
        style: `fill: ${cssVar("color-bg")}; stroke: ${cssVar("color-text")}; stroke-width: ${POINT_RING.strokeWidth}px`,
      }),
      annotationText(labelNearPoint(annotation.label, px, py, plot, fs)),
    ]);
  });
}
