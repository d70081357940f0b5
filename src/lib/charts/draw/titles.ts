import { baselineBelow, placement, textElement, textFill, titleWithUnit } from "../layout.ts";
import type { ChartSpec } from "../schema.ts";
import type { SvgElement } from "../svg.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText } from "../text-metrics.ts";
import type { DrawContext, Plot } from "./context.ts";
import { seriesLegend } from "./legend.ts";

/** Axis titles are semibold, a step above tick labels without a bigger size. */
const TITLE_WEIGHT = 600;
/** Below the legend, before the axis title: half a label line, so the two read as separate blocks. */
const LEGEND_GAP = 8;
/** Below the vertical axis title, before the plot's top tick label; the title belongs to that axis, so it stays close. */
const TITLE_GAP_BELOW = 4;
/** Above the horizontal axis title, below the x labels' boxes: wider than TITLE_GAP_BELOW, as a row of labels rather than the title's own axis sits above it. */
const TITLE_GAP_ABOVE = 6;

export function valueAxisTitle(spec: ChartSpec): string | undefined {
  const single = Array.isArray(spec.y) ? (spec.y.length === 1 ? spec.y[0] : undefined) : spec.y;
  return titleWithUnit(spec.yTitle ?? single, spec.yUnit);
}

export function categoryAxisTitle(spec: ChartSpec): string | undefined {
  return titleWithUnit(spec.xTitle ?? spec.x, spec.xUnit);
}

/** Stacked blocks of the drawing and where the next block may start. */
export interface Stack {
  elements: SvgElement[];
  bottom: number;
}

/** Legend (more than one series only) and the title of the vertical axis, stacked from the top. */
export function header(ctx: DrawContext, verticalTitle: string | undefined): Stack {
  const { config } = ctx;
  const elements: SvgElement[] = [];
  let y = config.pad;
  const legend = seriesLegend(ctx, y);
  if (legend) {
    elements.push(legend.element);
    y += legend.height + LEGEND_GAP;
  }
  if (verticalTitle !== undefined) {
    const text = ellipsize(verticalTitle, config.width - 2 * config.pad, config.titleSize, TITLE_WEIGHT);
    elements.push(
      textElement(placement(text, config.pad, baselineBelow(y, config.titleSize), "start", config.titleSize, TITLE_WEIGHT), {
        class: "chart-axis-title",
        style: textFill("color-text"),
      }),
    );
    y += lineHeight(config.titleSize) + TITLE_GAP_BELOW;
  }
  return { elements, bottom: y };
}

/** Horizontal axis title centred under the plot, kept inside the viewBox. */
export function footerTitle(ctx: DrawContext, title: string | undefined, plot: Plot, top: number): Stack {
  if (title === undefined) return { elements: [], bottom: top };
  const { config } = ctx;
  const fs = config.titleSize;
  const text = ellipsize(title, config.width - 2 * config.pad, fs, TITLE_WEIGHT);
  const half = measureText(text, fs, TITLE_WEIGHT) / 2;
  const centre = Math.min(Math.max((plot.left + plot.right) / 2, config.pad + half), config.width - config.pad - half);
  const y = baselineBelow(top + TITLE_GAP_ABOVE, fs);
  return {
    elements: [
      textElement(placement(text, centre, y, "middle", fs, TITLE_WEIGHT), {
        class: "chart-axis-title",
        style: textFill("color-text"),
      }),
    ],
    bottom: y + FONT_METRICS.descent * fs,
  };
}
