import { scaleLinear } from "d3-scale";
import { chooseTicks, linearAxis, niceDomain, timeAxis, valueExtent, type ContinuousAxis } from "../axes.ts";
import { baselineBelow, LABEL_GAP, placement } from "../layout.ts";
import { lineHeight, measureText } from "../text-metrics.ts";
import type { DrawContext } from "./context.ts";
import { type BottomAxis, fitHorizontally, labelsApart } from "./fit.ts";

/** Preferred distances between ticks; the label-collision checks only ever thin further. */
const MIN_Y_TICK_SPACING = 48;
const MIN_X_TICK_SPACING = 80;
/** Stacked y labels stay a line plus this much apart, so the descenders of one never touch the capitals below. */
const Y_LABEL_LEADING = 2;
/** d3's default tick count: the labels an axis usually gets, used to estimate how wide one label is. */
const SAMPLE_TICK_COUNT = 10;

export function allIntegers(values: readonly number[]): boolean {
  return values.every((value) => Number.isInteger(value));
}

export interface ValueAxisLayout {
  axis: ContinuousAxis;
  map: (value: number) => number;
  labelWidth: number;
}

/** Numeric axis running up the left side; ticks thin out until labels are a line apart. */
export function leftValueAxis(ctx: DrawContext, values: readonly number[], top: number, bottom: number): ValueAxisLayout {
  const { config, spec } = ctx;
  const fs = config.fontSize;
  const spacing = lineHeight(fs) + Y_LABEL_LEADING;
  const maxCount = Math.floor((bottom - top) / MIN_Y_TICK_SPACING) + 1;
  const domain = niceDomain(valueExtent(values), maxCount);
  const integer = allIntegers(values);
  const make = (count: number) =>
    linearAxis(domain, count, { integer, format: spec.yFormat, abbreviateFrom: config.abbreviateFrom });
  const fits = (axis: ContinuousAxis) => {
    const map = scaleLinear().domain(axis.domain).range([bottom, top]);
    return axis.ticks.every((tick, i) => {
      const next = axis.ticks[i + 1];
      return next === undefined || Math.abs(map(tick.value) - map(next.value)) >= spacing;
    });
  };
  const axis = chooseTicks(make, fits, maxCount);
  const map = scaleLinear().domain(axis.domain).range([bottom, top]);
  return {
    axis,
    map: (value) => map(value),
    labelWidth: Math.max(0, ...axis.ticks.map((tick) => measureText(tick.label, fs))),
  };
}

export interface ContinuousAxisOptions {
  kind: "number" | "date";
  /** Round the domain out to tick values (scatter plots and value axes), rather than end at the data. */
  nice: boolean;
  integer: boolean;
  format: string | undefined;
}

/** Continuous (number or date) axis along the bottom. */
export function bottomContinuousAxis(
  ctx: DrawContext,
  domain: readonly [number, number],
  minLeft: number,
  labelTop: number,
  options: ContinuousAxisOptions,
): BottomAxis {
  const { config } = ctx;
  const fs = config.fontSize;
  const laidOut = fitHorizontally(config, minLeft, (left, right) => {
    const place = (axis: ContinuousAxis) => {
      const map = scaleLinear().domain(axis.domain).range([left, right]);
      return axis.ticks.map((tick) => placement(tick.label, map(tick.value), baselineBelow(labelTop, fs), "middle", fs));
    };
    const linear = (extent: readonly [number, number], count: number) =>
      linearAxis(extent, count, {
        integer: options.integer,
        format: options.format,
        abbreviateFrom: config.abbreviateFrom,
      });
    const sample =
      options.kind === "date" ? timeAxis(domain, SAMPLE_TICK_COUNT, options.format) : linear(domain, SAMPLE_TICK_COUNT);
    const typical = Math.max(...sample.ticks.map((tick) => measureText(tick.label, fs)), fs);
    const maxCount = Math.floor((right - left) / Math.max(typical + LABEL_GAP, MIN_X_TICK_SPACING)) + 1;
    const extent = options.kind === "number" && options.nice ? niceDomain(domain, maxCount) : domain;
    const make = (count: number) => (options.kind === "date" ? timeAxis(extent, count, options.format) : linear(extent, count));
    const axis = chooseTicks(make, (candidate) => labelsApart(place(candidate), LABEL_GAP), maxCount);
    return { result: axis, labels: place(axis) };
  });
  const map = scaleLinear().domain(laidOut.result.domain).range([laidOut.left, laidOut.right]);
  const shown = new Set(laidOut.labels.map((label) => label.text));
  return {
    map: (value) => (typeof value === "number" ? map(value) : undefined),
    ticks: laidOut.result.ticks.filter((tick) => shown.has(tick.label)).map((tick) => ({ position: map(tick.value) })),
    labels: laidOut.labels,
    left: laidOut.left,
    right: laidOut.right,
    bandwidth: 0,
  };
}
