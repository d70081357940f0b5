import {
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from "d3-shape";
import { el, round, type SvgElement } from "../svg.ts";
import { type DrawContext, tooltip } from "./context.ts";

const SYMBOLS: readonly SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolWye, symbolStar];

/**
 * Marker shape per series, so series stay distinguishable without colour
 * (WCAG 1.4.1) and in greyscale prints.
 */
export function markerPath(seriesIndex: number, area: number): string {
  return symbol(SYMBOLS[seriesIndex % SYMBOLS.length] as SymbolType, area)() ?? "";
}

/** One data point of a line or scatter series, with its value as hover text. */
export function pointMarker(ctx: DrawContext, seriesIndex: number, x: number, y: number, label: string): SvgElement {
  return el(
    "path",
    {
      class: "chart-point",
      d: markerPath(seriesIndex, ctx.config.markerArea),
      transform: `translate(${round(x)} ${round(y)})`,
    },
    [tooltip(label)],
  );
}
