import { scaleBand } from "d3-scale";
import { el, type SvgElement } from "../svg.ts";
import { type DrawContext, type Frame, seriesColour, tooltip } from "./context.ts";

/** A sliver between the bars of one group, so neighbours of similar colour are told apart; a lone series needs none. */
const GROUPED_BAR_GAP = 0.08;

/** One bar per row and series, grouped side by side within each category's band, drawn from zero. */
export function barMarks(ctx: DrawContext, frame: Frame, bandwidth: number): SvgElement[] {
  const { prepared, language } = ctx;
  const inner = scaleBand<number>()
    .domain(prepared.series.map((_, i) => i))
    .range([-bandwidth / 2, bandwidth / 2])
    .paddingInner(prepared.series.length > 1 ? GROUPED_BAR_GAP : 0);
  const zero = frame.y(0);
  return prepared.series.map((series, i) =>
    el(
      "g",
      { class: "chart-series", style: `fill: ${seriesColour(i)}` },
      series.points.flatMap((point) => {
        if (point.y === undefined) return [];
        const centre = frame.x(point.x) as number;
        const start = centre + (inner(i) ?? 0);
        const value = frame.y(point.y);
        const label = `${language.x(prepared, point.x)}${prepared.series.length > 1 ? `, ${series.key}` : ""}: ${language.value(point.y)}`;
        const rect = frame.swapped
          ? { x: Math.min(zero, value), y: start, width: Math.abs(value - zero), height: inner.bandwidth() }
          : { x: start, y: Math.min(zero, value), width: inner.bandwidth(), height: Math.abs(value - zero) };
        return [el("rect", { class: "chart-bar", ...rect }, [tooltip(label)])];
      }),
    ),
  );
}
