import { createHash } from "node:crypto";
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { curveLinear, curveMonotoneX, curveStep, line as lineShape } from "d3-shape";
import { chooseTicks, isYearLike, linearAxis, niceDomain, timeAxis, valueExtent, type ContinuousAxis } from "./axes.ts";
import { ChartDataError, parseDate, prepareData, type Dataset, type Datum, type PreparedData } from "./data.ts";
import { describeChart, formatValue, formatX } from "./describe.ts";
import { polygonsOverlap, rectInside, textPolygon, textRect, type Rect, type TextPlacement } from "./geometry.ts";
import {
  baselineBelow,
  centredBaseline,
  HALO_STYLE,
  horizontalExtent,
  LABEL_GAP,
  layoutLegend,
  markerPath,
  placement,
  textElement,
  textFill,
  TICK_GAP,
  titleWithUnit,
  VARIANTS,
  type LegendEntry,
  type SwatchKind,
  type Variant,
  type VariantConfig,
} from "./layout.ts";
import { cssVar, seriesVar } from "./palette.ts";
import type { Annotation, BarChartSpec, ChartSpec } from "./schema.ts";
import { chartTable } from "./table.ts";
import { el, round, serialize, type SvgElement } from "./svg.ts";
import { ellipsize, FONT_METRICS, lineHeight, measureText } from "./text-metrics.ts";

export interface ChartModel {
  variant: Variant;
  width: number;
  height: number;
  root: SvgElement;
}

export interface RenderedChart {
  /** Stable id derived from the spec and data; unique per distinct chart on a page. */
  id: string;
  title: string;
  caption: string | undefined;
  credit: string | undefined;
  /** Generated long description (also in each SVG's <desc>). */
  description: string;
  svg: Record<Variant, string>;
  /** HTML <table> of the plotted columns. */
  table: string;
}

interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Maps a data x value (number, epoch ms or category) to its screen position along the x dimension. */
type XMapper = (value: number | string) => number | undefined;

const TICK_LENGTH = 4;
/** Preferred distances between ticks; the label-collision checks only ever thin further. */
const MIN_Y_TICK_SPACING = 48;
const MIN_X_TICK_SPACING = 80;
const MAX_SPARSE_POINTS = 24;
const SWATCH: Record<ChartSpec["kind"], SwatchKind> = { line: "line", bar: "bar", scatter: "point" };

/** Hash of everything that affects the drawing, so ids are stable between builds yet distinct between charts. */
function chartId(spec: ChartSpec, data: Dataset): string {
  const hash = createHash("sha256")
    .update(JSON.stringify({ spec, source: data.source, rows: data.rows }))
    .digest("hex");
  return `chart-${hash.slice(0, 10)}`;
}

function yValues(prepared: PreparedData): number[] {
  return prepared.series.flatMap((series) => series.points.flatMap((point) => (point.y === undefined ? [] : [point.y])));
}

function allIntegers(values: readonly number[]): boolean {
  return values.every((value) => Number.isInteger(value));
}

function seriesColour(index: number): string {
  return cssVar(seriesVar(index));
}

function valueAxisTitle(spec: ChartSpec): string | undefined {
  const single = Array.isArray(spec.y) ? (spec.y.length === 1 ? spec.y[0] : undefined) : spec.y;
  return titleWithUnit(spec.yTitle ?? single, spec.yUnit);
}

function categoryAxisTitle(spec: ChartSpec): string | undefined {
  return titleWithUnit(spec.xTitle ?? spec.x, spec.xUnit);
}

function annotationError(spec: ChartSpec, data: Dataset, annotation: Annotation, problem: string): never {
  throw new ChartDataError(`Chart "${spec.title}" (${data.source}): annotation "${annotation.label}" ${problem}`);
}

/** Converts an annotation's x to the chart's x space: number, epoch ms or category label. */
function annotationX(
  spec: ChartSpec,
  data: Dataset,
  prepared: PreparedData,
  annotation: Annotation,
  value: number | string,
): number | string {
  if (prepared.xType === "category") {
    const label = String(value);
    if (!prepared.categories.includes(label)) {
      annotationError(spec, data, annotation, `refers to x "${label}", which is not a category in column "${spec.x}"`);
    }
    return label;
  }
  if (prepared.xType === "date") {
    const time = parseDate(value);
    if (time === undefined) annotationError(spec, data, annotation, `needs an ISO date for x, found ${JSON.stringify(value)}`);
    return time;
  }
  const number = typeof value === "number" ? value : Number.NaN;
  if (!Number.isFinite(number)) annotationError(spec, data, annotation, `needs a number for x, found ${JSON.stringify(value)}`);
  return number;
}

function annotationYValues(spec: ChartSpec, data: Dataset): number[] {
  return spec.annotations.flatMap((annotation) => {
    if (annotation.type === "point") return [annotation.y];
    if (annotation.axis === "x") return [];
    if (typeof annotation.value !== "number") {
      annotationError(spec, data, annotation, `needs a number for a y rule, found ${JSON.stringify(annotation.value)}`);
    }
    return [annotation.value];
  });
}

function annotationXValues(spec: ChartSpec, data: Dataset, prepared: PreparedData): number[] {
  if (prepared.xType === "category") return [];
  return spec.annotations.flatMap((annotation) => {
    const value = annotation.type === "point" ? annotation.x : annotation.axis === "x" ? annotation.value : undefined;
    return value === undefined ? [] : [annotationX(spec, data, prepared, annotation, value) as number];
  });
}

// ---------------------------------------------------------------------------
// Axes

interface ValueAxisLayout {
  axis: ContinuousAxis;
  map: (value: number) => number;
  labelWidth: number;
}

/** Numeric axis running up the left side; ticks thin out until labels are a line apart. */
function leftValueAxis(
  values: readonly number[],
  top: number,
  bottom: number,
  cfg: VariantConfig,
  variant: Variant,
  format: string | undefined,
): ValueAxisLayout {
  const fs = cfg.fontSize;
  const spacing = lineHeight(fs) + 2;
  const maxCount = Math.floor((bottom - top) / MIN_Y_TICK_SPACING) + 1;
  const domain = niceDomain(valueExtent(values), maxCount);
  const integer = allIntegers(values);
  const make = (count: number) => linearAxis(domain, count, { integer, format, abbreviateFrom: abbreviateFrom(variant) });
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

function abbreviateFrom(variant: Variant): number {
  return variant === "compact" ? 1e4 : 1e6;
}

interface HorizontalLayout<T> {
  result: T;
  labels: TextPlacement[];
}

/**
 * Runs `layout` for a plot spanning [left, right] and widens the margins
 * until every label lies within the padded viewBox. Margins only grow, so
 * this settles in a few rounds; labels still outside after that are dropped
 * rather than clipped.
 */
function fitHorizontally<T>(
  cfg: VariantConfig,
  minLeft: number,
  layout: (left: number, right: number) => HorizontalLayout<T>,
): HorizontalLayout<T> & { left: number; right: number } {
  let left = minLeft;
  let right = cfg.width - cfg.pad;
  let current = layout(left, right);
  for (let round = 0; round < 8; round++) {
    const extent = horizontalExtent(current.labels);
    const overflowLeft = cfg.pad - extent.left;
    const overflowRight = extent.right - (cfg.width - cfg.pad);
    if (overflowLeft <= 0.01 && overflowRight <= 0.01) return { ...current, left, right };
    if (overflowLeft > 0.01) left += overflowLeft;
    if (overflowRight > 0.01) right -= overflowRight;
    current = layout(left, right);
  }
  const bounds: Rect = { left: cfg.pad, right: cfg.width - cfg.pad, top: -Infinity, bottom: Infinity };
  return { ...current, labels: current.labels.filter((label) => rectInside(textRect(label), bounds)), left, right };
}

interface BottomAxis {
  map: XMapper;
  ticks: { position: number }[];
  labels: TextPlacement[];
  left: number;
  right: number;
  /** Band width for bars (0 for point scales and continuous axes). */
  bandwidth: number;
}

function labelsApart(labels: readonly TextPlacement[], gap: number): boolean {
  return labels.every((label, i) => {
    const next = labels[i + 1];
    return next === undefined || !polygonsOverlap(textPolygon(label), textPolygon(next), gap);
  });
}

/** Continuous (number or date) axis along the bottom. */
function bottomContinuousAxis(
  domain: readonly [number, number],
  kind: "number" | "date",
  cfg: VariantConfig,
  minLeft: number,
  labelTop: number,
  options: { nice: boolean; integer: boolean; format: string | undefined; variant: Variant },
): BottomAxis {
  const fs = cfg.fontSize;
  const laidOut = fitHorizontally(cfg, minLeft, (left, right) => {
    const place = (axis: ContinuousAxis) => {
      const map = scaleLinear().domain(axis.domain).range([left, right]);
      return axis.ticks.map((tick) => placement(tick.label, map(tick.value), baselineBelow(labelTop, fs), "middle", fs));
    };
    const linear = (extent: readonly [number, number], count: number) =>
      linearAxis(extent, count, {
        integer: options.integer,
        format: options.format,
        abbreviateFrom: abbreviateFrom(options.variant),
      });
    const sample = kind === "date" ? timeAxis(domain, 10, options.format) : linear(domain, 10);
    const typical = Math.max(...sample.ticks.map((tick) => measureText(tick.label, fs)), fs);
    const maxCount = Math.floor((right - left) / Math.max(typical + LABEL_GAP, MIN_X_TICK_SPACING)) + 1;
    const extent = kind === "number" && options.nice ? niceDomain(domain, maxCount) : domain;
    const make = (count: number) => (kind === "date" ? timeAxis(extent, count, options.format) : linear(extent, count));
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

/** Line pitch of wrapped labels, in em; a touch over the ascender-to-descender height so boxes never touch. */
const LINE_SPACING = 1.25;

/**
 * Fits a label into `maxWidth` on one line, or on two split at the space
 * that best balances them; undefined when neither works.
 */
function wrapInTwo(text: string, maxWidth: number, fs: number): string[] | undefined {
  if (measureText(text, fs) <= maxWidth) return [text];
  const words = text.split(/\s+/);
  let best: string[] | undefined;
  let bestWidth = Infinity;
  for (let split = 1; split < words.length; split++) {
    const lines = [words.slice(0, split).join(" "), words.slice(split).join(" ")];
    const width = Math.max(...lines.map((line) => measureText(line, fs)));
    if (width <= maxWidth && width < bestWidth) {
      best = lines;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * Category labels along the bottom. Tries, in order: horizontal on one line
 * or wrapped onto two; rotated 45°; rotated 90°; rotated 90° showing every
 * k-th label. Rotated labels are shortened with an ellipsis so they never
 * reach more than `maxDepth` below the axis (the data table carries the
 * full names).
 */
function bottomCategoryAxis(
  categories: readonly string[],
  kind: "band" | "point",
  cfg: VariantConfig,
  minLeft: number,
  labelTop: number,
  maxDepth: number,
): BottomAxis {
  const fs = cfg.fontSize;
  const makeScale = (left: number, right: number) =>
    kind === "band"
      ? scaleBand<string>().domain(categories).range([left, right]).paddingInner(0.2).paddingOuter(0.1)
      : scalePoint<string>().domain(categories).range([left, right]).padding(0.5);

  const rotatedLabels = (positions: number[], angle: number, every: number): TextPlacement[] => {
    const radians = (angle * Math.PI) / 180;
    const depthPerWidth = Math.abs(Math.sin(radians));
    const thickness = lineHeight(fs) * Math.abs(Math.cos(radians));
    const maxWidth = (maxDepth - thickness) / depthPerWidth;
    // Shift along the text's "down" direction so the middle of the capitals points at the tick.
    const shift = (FONT_METRICS.capHeight * fs) / 2;
    return categories.flatMap((category, i) => {
      if (i % every !== 0) return [];
      const x = (positions[i] as number) - Math.sin(radians) * shift;
      const candidate = placement(ellipsize(category, maxWidth, fs), x, labelTop, "end", fs, 400, angle);
      return [{ ...candidate, y: candidate.y + (labelTop - textRect(candidate).top) }];
    });
  };

  const laidOut = fitHorizontally(cfg, minLeft, (left, right) => {
    const scale = makeScale(left, right);
    const bandwidth = "bandwidth" in scale && kind === "band" ? scale.bandwidth() : 0;
    const positions = categories.map((category) => (scale(category) ?? 0) + bandwidth / 2);
    const result = { positions, bandwidth };
    const step = categories.length > 1 ? (positions[1] as number) - (positions[0] as number) : right - left;
    const wrapped = categories.map((category) => wrapInTwo(category, step - LABEL_GAP, fs));
    if (wrapped.every((lines) => lines !== undefined)) {
      const labels = wrapped.flatMap((lines, i) =>
        (lines as string[]).map((line, row) =>
          placement(line, positions[i] as number, baselineBelow(labelTop, fs) + row * LINE_SPACING * fs, "middle", fs),
        ),
      );
      return { result, labels };
    }
    for (const angle of [-45, -90]) {
      const rotated = rotatedLabels(positions, angle, 1);
      if (labelsApart(rotated, 2)) return { result, labels: rotated };
    }
    for (let every = 2; ; every++) {
      const thinned = rotatedLabels(positions, -90, every);
      if (labelsApart(thinned, 2) || every >= categories.length) return { result, labels: thinned };
    }
  });
  const { positions, bandwidth } = laidOut.result;
  const index = new Map(categories.map((category, i) => [category, i]));
  return {
    map: (value) => {
      const i = index.get(String(value));
      return i === undefined ? undefined : positions[i];
    },
    ticks: positions.map((position) => ({ position })),
    labels: laidOut.labels,
    left: laidOut.left,
    right: laidOut.right,
    bandwidth,
  };
}

// ---------------------------------------------------------------------------
// Shared pieces

interface Header {
  elements: SvgElement[];
  bottom: number;
}

/** Legend (more than one series only) and the title of the vertical axis, stacked from the top. */
function header(spec: ChartSpec, prepared: PreparedData, cfg: VariantConfig, verticalTitle: string | undefined): Header {
  const elements: SvgElement[] = [];
  let y = cfg.pad;
  const maxWidth = cfg.width - 2 * cfg.pad;
  if (prepared.series.length > 1) {
    const entries: LegendEntry[] = prepared.series.map((series, i) => ({
      label: series.key,
      seriesIndex: i,
      colour: seriesColour(i),
    }));
    const legend = layoutLegend(entries, SWATCH[spec.kind], cfg.pad, y, maxWidth, cfg.fontSize, markerArea(cfg));
    elements.push(legend.element);
    y += legend.height + 8;
  }
  if (verticalTitle !== undefined) {
    const text = ellipsize(verticalTitle, maxWidth, cfg.titleSize, 600);
    elements.push(
      textElement(placement(text, cfg.pad, baselineBelow(y, cfg.titleSize), "start", cfg.titleSize, 600), {
        class: "chart-axis-title",
        style: textFill("color-text"),
      }),
    );
    y += lineHeight(cfg.titleSize) + 4;
  }
  return { elements, bottom: y };
}

/** Horizontal axis title centred under the plot, kept inside the viewBox. */
function footerTitle(
  title: string | undefined,
  plot: Plot,
  top: number,
  cfg: VariantConfig,
): { elements: SvgElement[]; bottom: number } {
  if (title === undefined) return { elements: [], bottom: top };
  const fs = cfg.titleSize;
  const text = ellipsize(title, cfg.width - 2 * cfg.pad, fs, 600);
  const half = measureText(text, fs, 600) / 2;
  const centre = Math.min(Math.max((plot.left + plot.right) / 2, cfg.pad + half), cfg.width - cfg.pad - half);
  const y = baselineBelow(top + 6, fs);
  return {
    elements: [
      textElement(placement(text, centre, y, "middle", fs, 600), { class: "chart-axis-title", style: textFill("color-text") }),
    ],
    bottom: y + FONT_METRICS.descent * fs,
  };
}

function markerArea(cfg: VariantConfig): number {
  return cfg.width < 400 ? 36 : 48;
}

function labelsBottom(labels: readonly TextPlacement[], fallback: number): number {
  return labels.reduce((bottom, label) => Math.max(bottom, textRect(label).bottom), fallback);
}

function tickLabelGroup(labels: readonly TextPlacement[], axis: "x" | "y"): SvgElement {
  return el(
    "g",
    { class: `chart-tick-labels chart-tick-labels--${axis}`, style: textFill("color-muted") },
    labels.map((label) => textElement(label, { class: "chart-tick-label" })),
  );
}

function horizontalGrid(positions: readonly number[], plot: Plot): SvgElement {
  return el(
    "g",
    { class: "chart-grid", style: `stroke: ${cssVar("color-border")}; stroke-width: 1px` },
    positions.map((y) => el("line", { x1: plot.left, y1: y, x2: plot.right, y2: y })),
  );
}

function verticalGrid(positions: readonly number[], plot: Plot): SvgElement {
  return el(
    "g",
    { class: "chart-grid", style: `stroke: ${cssVar("color-border")}; stroke-width: 1px` },
    positions.map((x) => el("line", { x1: x, y1: plot.top, x2: x, y2: plot.bottom })),
  );
}

function axisLine(x1: number, y1: number, x2: number, y2: number): SvgElement {
  return el("line", { class: "chart-axis", x1, y1, x2, y2, style: `stroke: ${cssVar("color-muted")}; stroke-width: 1px` });
}

function tickMarks(positions: readonly number[], y: number): SvgElement {
  return el(
    "g",
    { class: "chart-ticks", style: `stroke: ${cssVar("color-muted")}; stroke-width: 1px` },
    positions.map((x) => el("line", { x1: x, y1: y, x2: x, y2: y + TICK_LENGTH })),
  );
}

function tooltip(text: string): SvgElement {
  return el("title", {}, [text]);
}

// ---------------------------------------------------------------------------
// Annotations

interface Frame {
  plot: Plot;
  /** Screen position of a data x along whichever screen axis carries x. */
  x: XMapper;
  /** Screen position of a data y along whichever screen axis carries values. */
  y: (value: number) => number;
  /** Horizontal bars carry data x down the side and values across. */
  swapped: boolean;
}

function annotationText(p: TextPlacement): SvgElement {
  return textElement(p, { class: "chart-annotation-label", style: `${textFill("color-text")}; ${HALO_STYLE}` });
}

/** Label beside a vertical rule at the top of the plot, on whichever side has room. */
function labelBesideVertical(label: string, x: number, plot: Plot, fs: number): TextPlacement {
  const y = baselineBelow(plot.top + 2, fs);
  const right = plot.right - x - 4;
  const left = x - plot.left - 4;
  const width = measureText(label, fs);
  if (width <= right || right >= left) return placement(ellipsize(label, right, fs), x + 4, y, "start", fs);
  return placement(ellipsize(label, left, fs), x - 4, y, "end", fs);
}

/** Label above a horizontal rule at the right end, or below it when the rule hugs the top. */
function labelAlongHorizontal(label: string, y: number, plot: Plot, fs: number): TextPlacement {
  const text = ellipsize(label, plot.right - plot.left - 8, fs);
  const above = placement(text, plot.right - 4, y - 4, "end", fs);
  if (textRect(above).top >= plot.top) return above;
  return placement(text, plot.right - 4, baselineBelow(y + 4, fs), "end", fs);
}

function labelNearPoint(label: string, px: number, py: number, plot: Plot, fs: number): TextPlacement {
  const offset = 8;
  const text = ellipsize(label, (plot.right - plot.left) / 2, fs);
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

function drawAnnotations(spec: ChartSpec, data: Dataset, prepared: PreparedData, frame: Frame, cfg: VariantConfig): SvgElement[] {
  const fs = cfg.fontSize;
  const { plot } = frame;
  const ruleStyle = `stroke: ${cssVar("color-muted")}; stroke-width: 1.5px; stroke-dasharray: 5 4`;
  const screenX = (annotation: Annotation, value: number | string) => {
    const position = frame.x(annotationX(spec, data, prepared, annotation, value));
    if (position === undefined) annotationError(spec, data, annotation, "could not be placed on the x axis");
    return position;
  };
  return spec.annotations.map((annotation) => {
    if (annotation.type === "rule") {
      if (annotation.axis === "x" && spec.kind === "bar") {
        annotationError(spec, data, annotation, 'is a rule on the category axis; bar charts support rules on axis "y" only');
      }
      const acrossValues = annotation.axis === "y";
      const position = acrossValues ? frame.y(annotation.value as number) : screenX(annotation, annotation.value);
      const vertical = acrossValues === frame.swapped;
      const lineEl = vertical
        ? el("line", { x1: position, y1: plot.top, x2: position, y2: plot.bottom, style: ruleStyle })
        : el("line", { x1: plot.left, y1: position, x2: plot.right, y2: position, style: ruleStyle });
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
        r: 4.5,
        style: `fill: ${cssVar("color-bg")}; stroke: ${cssVar("color-text")}; stroke-width: 2px`,
      }),
      annotationText(labelNearPoint(annotation.label, px, py, plot, fs)),
    ]);
  });
}

// ---------------------------------------------------------------------------
// Marks

function lineMarks(spec: ChartSpec & { kind: "line" }, prepared: PreparedData, frame: Frame, cfg: VariantConfig): SvgElement[] {
  const curve = { linear: curveLinear, monotone: curveMonotoneX, step: curveStep }[spec.curve];
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
            el(
              "path",
              {
                class: "chart-point",
                d: markerPath(i, markerArea(cfg)),
                transform: `translate(${round(frame.x(point.x) as number)} ${round(frame.y(point.y as number))})`,
              },
              [tooltip(`${series.key}, ${formatX(prepared, point.x)}: ${formatValue(point.y as number)}`)],
            ),
          ]
        : [],
    );
    return el("g", { class: "chart-series", style: `fill: ${colour}` }, [
      el("path", {
        class: "chart-line",
        d: path ?? "",
        style: `fill: none; stroke: ${colour}; stroke-width: 2px; stroke-linejoin: round; stroke-linecap: round`,
      }),
      ...markers,
    ]);
  });
}

function scatterMarks(prepared: PreparedData, frame: Frame, cfg: VariantConfig): SvgElement[] {
  return prepared.series.map((series, i) =>
    el(
      "g",
      {
        class: "chart-series",
        style: `fill: ${seriesColour(i)}; fill-opacity: 0.85; stroke: ${cssVar("color-bg")}; stroke-width: 1px`,
      },
      series.points.map((point) =>
        el(
          "path",
          {
            class: "chart-point",
            d: markerPath(i, markerArea(cfg)),
            transform: `translate(${round(frame.x(point.x) as number)} ${round(frame.y(point.y as number))})`,
          },
          [
            tooltip(
              `${prepared.series.length > 1 ? `${series.key}, ` : ""}${formatX(prepared, point.x)}: ${formatValue(point.y as number)}`,
            ),
          ],
        ),
      ),
    ),
  );
}

function barMarks(prepared: PreparedData, frame: Frame, bandwidth: number): SvgElement[] {
  const inner = scaleBand<number>()
    .domain(prepared.series.map((_, i) => i))
    .range([-bandwidth / 2, bandwidth / 2])
    .paddingInner(prepared.series.length > 1 ? 0.08 : 0);
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
        const label = `${formatX(prepared, point.x)}${prepared.series.length > 1 ? `, ${series.key}` : ""}: ${formatValue(point.y)}`;
        const rect = frame.swapped
          ? { x: Math.min(zero, value), y: start, width: Math.abs(value - zero), height: inner.bandwidth() }
          : { x: start, y: Math.min(zero, value), width: inner.bandwidth(), height: Math.abs(value - zero) };
        return [el("rect", { class: "chart-bar", ...rect }, [tooltip(label)])];
      }),
    ),
  );
}

// ---------------------------------------------------------------------------
// Chart builders

interface Body {
  height: number;
  children: SvgElement[];
}

/** Line, scatter and vertical bar charts: x along the bottom, values up the left. */
function verticalBody(spec: ChartSpec, data: Dataset, prepared: PreparedData, cfg: VariantConfig, variant: Variant): Body {
  const fs = cfg.fontSize;
  const top = header(spec, prepared, cfg, valueAxisTitle(spec));
  // The top tick label is centred on the plot's top edge, so half a label of room is kept above it.
  const plotTop = top.bottom + (FONT_METRICS.ascent - FONT_METRICS.capHeight / 2) * fs + 2;
  const plotBottom = plotTop + cfg.plotHeight;

  const zero = spec.kind === "bar" || spec.yZero ? [0] : [];
  const values = [...yValues(prepared), ...annotationYValues(spec, data), ...zero];
  const yAxis = leftValueAxis(values, plotTop, plotBottom, cfg, variant, spec.yFormat);
  const minLeft = cfg.pad + yAxis.labelWidth + TICK_GAP;

  // Keeps x labels clear of the lowest y label, which hangs just below the plot's bottom edge.
  const labelTop = plotBottom + Math.max(TICK_LENGTH + 3, (FONT_METRICS.ascent - FONT_METRICS.capHeight / 2) * fs + 3);
  let xAxis: BottomAxis;
  if (prepared.xType === "category") {
    xAxis = bottomCategoryAxis(
      prepared.categories,
      spec.kind === "bar" ? "band" : "point",
      cfg,
      minLeft,
      labelTop,
      cfg.plotHeight * 0.6,
    );
  } else {
    const xs = prepared.series.flatMap((series) => series.points.map((point) => point.x as number));
    const domain = valueExtent([...xs, ...annotationXValues(spec, data, prepared)]);
    const integer = prepared.xType === "number" && allIntegers(xs);
    const xFormat = spec.kind === "bar" ? undefined : spec.xFormat;
    xAxis = bottomContinuousAxis(domain, prepared.xType === "date" ? "date" : "number", cfg, minLeft, labelTop, {
      nice: spec.kind === "scatter",
      integer,
      format: xFormat ?? (integer && isYearLike(xs) ? "d" : undefined),
      variant,
    });
  }
  const plot: Plot = { left: xAxis.left, top: plotTop, right: xAxis.right, bottom: plotBottom };
  const yLabels = yAxis.axis.ticks.map((tick) =>
    placement(tick.label, plot.left - TICK_GAP, centredBaseline(yAxis.map(tick.value), fs), "end", fs),
  );

  const frame: Frame = { plot, x: xAxis.map, y: yAxis.map, swapped: false };
  const bottomOfLabels = labelsBottom(xAxis.labels, plotBottom + TICK_LENGTH);
  const footer = footerTitle(categoryAxisTitle(spec), plot, bottomOfLabels, cfg);

  const marks =
    spec.kind === "line"
      ? lineMarks(spec, prepared, frame, cfg)
      : spec.kind === "scatter"
        ? scatterMarks(prepared, frame, cfg)
        : barMarks(prepared, frame, xAxis.bandwidth);

  const zeroInside = yAxis.axis.domain[0] < 0 && yAxis.axis.domain[1] > 0;
  return {
    height: footer.bottom + cfg.pad,
    children: [
      ...top.elements,
      horizontalGrid(
        yAxis.axis.ticks.map((tick) => yAxis.map(tick.value)),
        plot,
      ),
      axisLine(plot.left, plot.bottom, plot.right, plot.bottom),
      ...(zeroInside || (spec.kind === "bar" && yAxis.axis.domain[0] < 0)
        ? [axisLine(plot.left, yAxis.map(0), plot.right, yAxis.map(0))]
        : []),
      tickMarks(
        xAxis.ticks.map((tick) => tick.position),
        plot.bottom,
      ),
      tickLabelGroup(yLabels, "y"),
      tickLabelGroup(xAxis.labels, "x"),
      el("g", { class: "chart-marks" }, marks),
      el("g", { class: "chart-annotations" }, drawAnnotations(spec, data, prepared, frame, cfg)),
      ...footer.elements,
    ],
  };
}

/** Horizontal bars: categories down the left (height grows with their number), values along the bottom. */
function horizontalBarBody(
  spec: BarChartSpec,
  data: Dataset,
  prepared: PreparedData,
  cfg: VariantConfig,
  variant: Variant,
): Body {
  const fs = cfg.fontSize;
  const top = header(spec, prepared, cfg, categoryAxisTitle(spec));
  const plotTop = top.bottom + 4;

  const paddingInner = 0.25;
  const paddingOuter = 0.15;
  const barsPerBand = prepared.series.length;
  const step = Math.max(lineHeight(fs) + 6, (barsPerBand * cfg.minBar * 1.1) / (1 - paddingInner), variant === "wide" ? 28 : 24);
  const plotHeight = step * (prepared.categories.length - paddingInner + 2 * paddingOuter);
  const plotBottom = plotTop + plotHeight;
  const band = scaleBand<string>()
    .domain(prepared.categories)
    .range([plotTop, plotBottom])
    .paddingInner(paddingInner)
    .paddingOuter(paddingOuter);

  const maxLabelWidth = cfg.width * 0.38;
  const categoryTexts = prepared.categories.map((category) => ellipsize(category, maxLabelWidth, fs));
  const labelWidth = Math.max(...categoryTexts.map((text) => measureText(text, fs)));
  const minLeft = cfg.pad + labelWidth + TICK_GAP;

  const values = [...yValues(prepared), ...annotationYValues(spec, data), 0];
  const labelTop = plotBottom + TICK_LENGTH + 3;
  const valueAxis = bottomContinuousAxis(valueExtent(values), "number", cfg, minLeft, labelTop, {
    nice: true,
    integer: allIntegers(values),
    format: spec.yFormat,
    variant,
  });
  const plot: Plot = { left: valueAxis.left, top: plotTop, right: valueAxis.right, bottom: plotBottom };
  const centre = (category: string) => (band(category) ?? 0) + band.bandwidth() / 2;
  const categoryLabels = prepared.categories.map((category, i) =>
    placement(categoryTexts[i] as string, plot.left - TICK_GAP, centredBaseline(centre(category), fs), "end", fs),
  );
  const frame: Frame = {
    plot,
    x: (value) => (prepared.categories.includes(String(value)) ? centre(String(value)) : undefined),
    y: (value) => valueAxis.map(value) as number,
    swapped: true,
  };
  const footer = footerTitle(valueAxisTitle(spec), plot, labelsBottom(valueAxis.labels, labelTop), cfg);
  const zero = frame.y(0);
  return {
    height: footer.bottom + cfg.pad,
    children: [
      ...top.elements,
      verticalGrid(
        valueAxis.ticks.map((tick) => tick.position),
        plot,
      ),
      axisLine(plot.left, plot.bottom, plot.right, plot.bottom),
      axisLine(zero, plot.top, zero, plot.bottom),
      tickMarks(
        valueAxis.ticks.map((tick) => tick.position),
        plot.bottom,
      ),
      tickLabelGroup(categoryLabels, "y"),
      tickLabelGroup(valueAxis.labels, "x"),
      el("g", { class: "chart-marks" }, barMarks(prepared, frame, band.bandwidth())),
      el("g", { class: "chart-annotations" }, drawAnnotations(spec, data, prepared, frame, cfg)),
      ...footer.elements,
    ],
  };
}

function buildModel(
  spec: ChartSpec,
  data: Dataset,
  prepared: PreparedData,
  variant: Variant,
  id: string,
  description: string,
): ChartModel {
  const cfg = VARIANTS[variant];
  const body =
    spec.kind === "bar" && spec.orientation === "horizontal"
      ? horizontalBarBody(spec, data, prepared, cfg, variant)
      : verticalBody(spec, data, prepared, cfg, variant);
  const height = Math.ceil(body.height);
  const titleId = `${id}-${variant}-title`;
  const descId = `${id}-${variant}-desc`;
  const root = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${cfg.width} ${height}`,
      role: "img",
      "aria-labelledby": titleId,
      "aria-describedby": descId,
      class: `chart-svg chart-svg--${variant}`,
      style: "font-family: var(--font-body, Inter, system-ui, sans-serif)",
    },
    [el("title", { id: titleId }, [spec.title]), el("desc", { id: descId }, [description]), ...body.children],
  );
  return { variant, width: cfg.width, height, root };
}

/** Validates the data against the spec and lays out one variant (exposed for tests and custom embeds). */
export function buildChart(spec: ChartSpec, data: Dataset, variant: Variant): ChartModel {
  const prepared = prepareData(spec, data);
  return buildModel(spec, data, prepared, variant, chartId(spec, data), describeChart(spec, prepared));
}

/** Everything a page needs for one chart: both SVG variants, the data table and texts for the figure. */
export function renderChart(spec: ChartSpec, data: Dataset): RenderedChart {
  const prepared = prepareData(spec, data);
  const id = chartId(spec, data);
  const description = describeChart(spec, prepared);
  const svg = (variant: Variant) => serialize(buildModel(spec, data, prepared, variant, id, description).root);
  return {
    id,
    title: spec.title,
    caption: spec.caption,
    credit: spec.credit,
    description,
    svg: { compact: svg("compact"), wide: svg("wide") },
    table: chartTable(spec, data, prepared),
  };
}
