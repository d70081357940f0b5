import type { ChartLanguage } from "../language.ts";
import type { Dataset, PreparedData } from "../data.ts";
import type { Variant, VariantConfig } from "../layout.ts";
import { cssVar, seriesVar } from "../palette.ts";
import type { ChartSpec } from "../schema.ts";
import { el, type SvgElement } from "../svg.ts";

/** Everything that stays the same while one variant of one chart is drawn. */
export interface DrawContext {
  spec: ChartSpec;
  /** The rows as given, kept for error messages that name the data's source. */
  data: Dataset;
  prepared: PreparedData;
  variant: Variant;
  config: VariantConfig;
  /** Words and number formats for the tooltips. */
  language: ChartLanguage;
}

/** The plotting area inside the axes, in viewBox units. */
export interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Maps a data x value (number, epoch ms or category) to its screen position along the x dimension. */
export type XMapper = (value: number | string) => number | undefined;

/** The plot with its scales: where marks and annotations are drawn. */
export interface Frame {
  plot: Plot;
  /** Screen position of a data x along whichever screen axis carries x. */
  x: XMapper;
  /** Screen position of a data y along whichever screen axis carries values. */
  y: (value: number) => number;
  /** Horizontal bars carry data x down the side and values across. */
  swapped: boolean;
}

/** What a chart builder hands back: the drawing's height and its elements below the <title> and <desc>. */
export interface Body {
  height: number;
  children: SvgElement[];
}

/** Every plotted value of every series, so the value axis covers them all. */
export function seriesValues(ctx: DrawContext): number[] {
  return ctx.prepared.series.flatMap((series) => series.points.flatMap((point) => (point.y === undefined ? [] : [point.y])));
}

export function seriesColour(index: number): string {
  return cssVar(seriesVar(index));
}

/** Hover text of a mark; screen readers get the chart's description and data table instead. */
export function tooltip(text: string): SvgElement {
  return el("title", {}, [text]);
}
