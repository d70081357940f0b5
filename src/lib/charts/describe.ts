import { isYearLike } from "./axes.ts";
import type { PreparedData } from "./data.ts";
import type { ChartSpec } from "./schema.ts";

const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 6 });

/** Full-precision display of a data value (tables, tooltips, descriptions), unlike the rounded tick labels. */
export function formatValue(value: number): string {
  return numberFormat.format(value);
}

/** x values as readers know them: category labels verbatim, dates as ISO days. */
export function formatX(prepared: PreparedData, value: number | string): string {
  if (typeof value === "string") return value;
  if (prepared.xType === "date") return new Date(value).toISOString().slice(0, 10);
  return isYearLike([value]) ? String(value) : formatValue(value);
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

function withUnit(title: string, unit: string | undefined): string {
  return unit === undefined ? title : `${title} (${unit})`;
}

const KIND_NAMES: Record<ChartSpec["kind"], string> = { line: "Line chart", bar: "Bar chart", scatter: "Scatter plot" };

/**
 * Plain-language summary for the SVG's <desc>: what is plotted against
 * what, over which ranges, plus annotations. The author's own description
 * (the takeaway) comes first.
 */
export function describeChart(spec: ChartSpec, prepared: PreparedData): string {
  const parts: string[] = [];
  if (spec.description !== undefined) parts.push(/[.!?]$/.test(spec.description) ? spec.description : `${spec.description}.`);

  const kind = spec.kind === "bar" ? `${KIND_NAMES.bar} with ${spec.orientation} bars` : KIND_NAMES[spec.kind];
  const names = prepared.series.map((series) => series.key);
  parts.push(prepared.series.length > 1 ? `${kind} with ${names.length} series: ${list(names)}.` : `${kind}.`);

  const xTitle = withUnit(spec.xTitle ?? spec.x, spec.xUnit);
  if (prepared.xType === "category") {
    const shown =
      prepared.categories.length <= 8
        ? list(prepared.categories)
        : `${prepared.categories[0] ?? ""} to ${prepared.categories.at(-1) ?? ""}`;
    parts.push(`${xTitle}: ${prepared.categories.length} categories, ${shown}.`);
  } else {
    const xs = prepared.series.flatMap((series) => series.points.map((point) => point.x as number));
    parts.push(`${xTitle}: from ${formatX(prepared, Math.min(...xs))} to ${formatX(prepared, Math.max(...xs))}.`);
  }

  const ys = prepared.series.flatMap((series) => series.points.flatMap((point) => (point.y === undefined ? [] : [point.y])));
  const yTitle = withUnit(spec.yTitle ?? (typeof spec.y === "string" ? spec.y : "Values"), spec.yUnit);
  parts.push(`${yTitle}: from ${formatValue(Math.min(...ys))} to ${formatValue(Math.max(...ys))}.`);

  for (const annotation of spec.annotations) {
    if (annotation.type === "rule") {
      const axisName = annotation.axis === "y" ? yTitle : xTitle;
      const value = typeof annotation.value === "number" ? formatValue(annotation.value) : annotation.value;
      parts.push(`Reference line at ${axisName} ${value}: ${annotation.label}.`);
    } else {
      const x = typeof annotation.x === "number" ? formatValue(annotation.x) : annotation.x;
      parts.push(`Marked point at ${xTitle} ${x}, ${yTitle} ${formatValue(annotation.y)}: ${annotation.label}.`);
    }
  }
  return parts.join(" ");
}
