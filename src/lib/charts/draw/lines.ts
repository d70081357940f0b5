import { curveLinear, curveMonotoneX, curveStep, line as lineShape } from "d3-shape";
import type { Datum } from "../data.ts";
import type { LineChartSpec } from "../schema.ts";
import { el, type SvgElement } from "../svg.ts";
import { type DrawContext, type Frame, seriesColour } from "./context.ts";
import { pointMarker } from "./markers.ts";

/** Up to two years of monthly values: few enough that a marker on each reads as data, not clutter. */
const MAX_SPARSE_POINTS = 24;
/** Twice the grid's hairline, so data lines stand out from it. */
const LINE_STYLE = "stroke-width: 2px; stroke-linejoin: round; stroke-linecap: round";
const CURVES = { linear: curveLinear, monotone: curveMonotoneX, step: curveStep };

/** One line per series, with markers when the points are few (or the author asks) and wherever a point stands alone. */
export function lineMarks(ctx: DrawContext & { spec: LineChartSpec }, frame: Frame): SvgElement[] {
  const { prepared, spec, language } = ctx;
  const curve = CURVES[spec.curve];
  const longest = Math.max(...prepared.series.map((series) => series.points.length));
  const showMarkers = spec.points ?? longest <= MAX_SPARSE_POINTS;
  return prepared.series.map((series, i) => {
    const colour = seriesColour(i);
    const defined = (point: Datum) => point.y !== undefined && frame.x(point.x) !== undefined;
    const path = lineShape<Datum>()
      .defined(defined)
      .x((point) => frame.x(point.x) as number)
      .y((point) => frame.y(point.y as number))
      .curve(curve)
      .digits(2)(series.points);
    // Points with no defined neighbour draw no line segment, so they always get a marker.
    const isolated = (index: number) =>
      !(series.points[index - 1] && defined(series.points[index - 1] as Datum)) &&
      !(series.points[index + 1] && defined(series.points[index + 1] as Datum));
    const markers = series.points.flatMap((point, index) =>
      defined(point) && (showMarkers || isolated(index))
        ? [
            pointMarker(
              ctx,
              i,
              frame.x(point.x) as number,
              frame.y(point.y as number),
              `${series.key}, ${language.x(prepared, point.x)}: ${language.value(point.y as number)}`,
            ),
          ]
        : [],
    );
    return el("g", { class: "chart-series", style: `fill: ${colour}` }, [
      el("path", { class: "chart-line", d: path ?? "", style: `fill: none; stroke: ${colour}; ${LINE_STYLE}` }),
      ...markers,
    ]);
  });
}
