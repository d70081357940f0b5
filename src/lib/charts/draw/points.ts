import { cssVar } from "../palette.ts";
import { el, type SvgElement } from "../svg.ts";
import { type DrawContext, type Frame, seriesColour } from "./context.ts";
import { pointMarker } from "./markers.ts";

/** See-through enough that points lying on top of each other still show, opaque enough to keep the series' colour. */
const POINT_OPACITY = 0.85;

/** One marker per row of a scatter plot, outlined in the background colour so touching points stay apart. */
export function scatterMarks(ctx: DrawContext, frame: Frame): SvgElement[] {
  const { prepared, language } = ctx;
  return prepared.series.map((series, i) =>
    el(
      "g",
      {
        class: "chart-series",
        style: `fill: ${seriesColour(i)}; fill-opacity: ${POINT_OPACITY}; stroke: ${cssVar("color-bg")}; stroke-width: 1px`,
      },
      series.points.map((point) =>
        pointMarker(
          ctx,
          i,
          frame.x(point.x) as number,
          frame.y(point.y as number),
          `${prepared.series.length > 1 ? `${series.key}, ` : ""}${language.x(prepared, point.x)}: ${language.value(point.y as number)}`,
        ),
      ),
    ),
  );
}
