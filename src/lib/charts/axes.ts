import { extent } from "d3-array";
import { scaleLinear, scaleUtc } from "d3-scale";

export interface Tick {
  value: number;
  label: string;
}

export interface ContinuousAxis {
  domain: [number, number];
  ticks: Tick[];
}

export interface LinearAxisOptions {
  /** The data are whole numbers, so fractional ticks (a "2.5th" item or year) would be wrong. */
  integer: boolean;
  /** Author's d3-format specifier; wins over every default. */
  format: string | undefined;
  /** Values at or above this magnitude switch to SI prefixes (12k, 3.4M) to keep labels short. */
  abbreviateFrom: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Extent of the values, widened when every value is equal so scales never collapse to a point. */
export function valueExtent(values: readonly number[]): [number, number] {
  const [min, max] = extent(values);
  if (min === undefined || max === undefined) return [0, 1];
  if (min !== max) return [min, max];
  if (min === 0) return [0, 1];
  const pad = Math.abs(min) * 0.1;
  return [min - pad, max + pad];
}

/** Billions read as "B" in English prose; SI's "G" (giga) looks like a typo there. */
function englishSi(label: string): string {
  return label.replace(/G$/, "B");
}

/** Whole numbers between 1000 and 2999 on an x axis are almost always years, which must not get a thousands separator. */
export function isYearLike(values: readonly number[]): boolean {
  return values.length > 0 && values.every((value) => Number.isInteger(value) && value >= 1000 && value <= 2999);
}

/**
 * Rounds a domain out to d3 tick values, at twice the densest tick count the
 * axis may show. Done once per axis, before ticks are thinned, so thinning
 * never stretches the domain, and the finer rounding keeps the domain close
 * to the data (0–420 becomes 0–450, not 0–600 as with nice(3)).
 */
export function niceDomain(domain: readonly [number, number], maxCount: number): [number, number] {
  return scaleLinear()
    .domain([...domain])
    .nice(Math.max(2, maxCount) * 2)
    .domain() as [number, number];
}

/** Numeric axis for a target tick count; tick values and labels both come from d3-scale. */
export function linearAxis(domain: readonly [number, number], count: number, options: LinearAxisOptions): ContinuousAxis {
  const scale = scaleLinear().domain([...domain]);
  let values = scale.ticks(count);
  if (options.integer) values = values.filter((value) => Number.isInteger(value));
  const largest = Math.max(...values.map(Math.abs), 0);
  const specifier = options.format ?? (largest >= options.abbreviateFrom ? "~s" : options.integer ? ",d" : undefined);
  const format = scale.tickFormat(count, specifier);
  return {
    domain: [domain[0], domain[1]],
    ticks: values.map((value) => ({ value, label: englishSi(format(value)) })),
  };
}

/** Time axis (UTC) for epoch-millisecond values; d3 picks calendar-aligned ticks and labels. */
export function timeAxis(domain: readonly [number, number], count: number, format: string | undefined): ContinuousAxis {
  const [start, end] = domain[0] === domain[1] ? [domain[0] - DAY, domain[1] + DAY] : domain;
  const scale = scaleUtc().domain([new Date(start), new Date(end)]);
  const formatter = scale.tickFormat(count, format);
  return {
    domain: [start, end],
    ticks: scale.ticks(count).map((date) => ({ value: date.getTime(), label: formatter(date) })),
  };
}

/**
 * Picks the densest tick set that `fits`, starting from `maxCount` and
 * asking d3 for fewer ticks each round. If even two ticks do not fit, every
 * k-th tick is kept, down to a single tick.
 */
export function chooseTicks(
  make: (count: number) => ContinuousAxis,
  fits: (axis: ContinuousAxis) => boolean,
  maxCount: number,
): ContinuousAxis {
  let axis = make(Math.max(2, maxCount));
  for (let count = Math.max(2, maxCount); count >= 2; count--) {
    axis = make(count);
    if (fits(axis)) return axis;
  }
  const all = axis.ticks;
  for (let k = 2; k <= all.length; k++) {
    const thinned = { ...axis, ticks: all.filter((_, index) => index % k === 0) };
    if (fits(thinned)) return thinned;
  }
  return { ...axis, ticks: all.slice(0, 1) };
}
