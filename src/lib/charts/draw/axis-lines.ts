import { textRect, type TextPlacement } from "../geometry.ts";
import { textElement, textFill } from "../layout.ts";
import { cssVar } from "../palette.ts";
import { el, type SvgElement } from "../svg.ts";
import type { Plot } from "./context.ts";

/** Long enough to see at the compact variant's smallest scale (0.8), short of the TICK_GAP where labels start. */
export const TICK_LENGTH = 4;
/** Between the ends of the tick marks (or the lowest y label) and the bottom axis' labels, so neither touches the other. */
export const X_LABEL_CLEARANCE = 3;

const HAIRLINE = "stroke-width: 1px";

/** Lowest point of a set of labels, or `fallback` when there are none. */
export function labelsBottom(labels: readonly TextPlacement[], fallback: number): number {
  return labels.reduce((bottom, label) => Math.max(bottom, textRect(label).bottom), fallback);
}

export function tickLabelGroup(labels: readonly TextPlacement[], axis: "x" | "y"): SvgElement {
  return el(
    "g",
    { class: `chart-tick-labels chart-tick-labels--${axis}`, style: textFill("color-muted") },
    labels.map((label) => textElement(label, { class: "chart-tick-label" })),
  );
}

/** Grid lines across the plot at each value tick, running along the given direction. */
export function grid(positions: readonly number[], plot: Plot, direction: "horizontal" | "vertical"): SvgElement {
  return el(
    "g",
    { class: "chart-grid", style: `stroke: ${cssVar("color-border")}; ${HAIRLINE}` },
    positions.map((at) =>
      direction === "horizontal"
        ? el("line", { x1: plot.left, y1: at, x2: plot.right, y2: at })
        : el("line", { x1: at, y1: plot.top, x2: at, y2: plot.bottom }),
    ),
  );
}

export function axisLine(x1: number, y1: number, x2: number, y2: number): SvgElement {
  return el("line", { class: "chart-axis", x1, y1, x2, y2, style: `stroke: ${cssVar("color-muted")}; ${HAIRLINE}` });
}

/** Tick marks hanging below the bottom axis at `y`. */
export function tickMarks(positions: readonly number[], y: number): SvgElement {
  return el(
    "g",
    { class: "chart-ticks", style: `stroke: ${cssVar("color-muted")}; ${HAIRLINE}` },
    positions.map((x) => el("line", { x1: x, y1: y, x2: x, y2: y + TICK_LENGTH })),
  );
}
