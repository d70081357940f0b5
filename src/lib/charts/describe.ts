import type { PreparedData } from "./data.ts";
import type { ChartLanguage } from "./language.ts";
import type { ChartSpec } from "./schema.ts";

function withUnit(title: string, unit: string | undefined): string {
  return unit === undefined ? title : `${title} (${unit})`;
}

function kindName(spec: ChartSpec, { words, fill }: ChartLanguage): string {
  if (spec.kind === "bar") return fill(words.bar, { orientation: words[spec.orientation] });
  return words[spec.kind];
}

/**
 * Plain-language summary for the SVG's <desc>: what is plotted against
 * what, over which ranges, plus annotations, in the site's language. The
 * author's own description (the takeaway) comes first.
 */
export function describeChart(spec: ChartSpec, prepared: PreparedData, language: ChartLanguage): string {
  const { words, fill, count, value, x: formatX, list } = language;
  const parts: string[] = [];
  if (spec.description !== undefined) parts.push(/[.!?]$/.test(spec.description) ? spec.description : `${spec.description}.`);

  const kind = kindName(spec, language);
  const names = prepared.series.map((series) => series.key);
  parts.push(prepared.series.length > 1 ? count(words.withSeries, names.length, { kind, names: list(names) }) : `${kind}.`);

  const xTitle = withUnit(spec.xTitle ?? spec.x, spec.xUnit);
  if (prepared.xType === "category") {
    const shown =
      prepared.categories.length <= 8
        ? list(prepared.categories)
        : fill(words.span, { first: prepared.categories[0] ?? "", last: prepared.categories.at(-1) ?? "" });
    parts.push(count(words.categories, prepared.categories.length, { axis: xTitle, shown }));
  } else {
    const xs = prepared.series.flatMap((series) => series.points.map((point) => point.x as number));
    parts.push(
      fill(words.range, { axis: xTitle, min: formatX(prepared, Math.min(...xs)), max: formatX(prepared, Math.max(...xs)) }),
    );
  }

  const ys = prepared.series.flatMap((series) => series.points.flatMap((point) => (point.y === undefined ? [] : [point.y])));
  const yTitle = withUnit(spec.yTitle ?? (typeof spec.y === "string" ? spec.y : words.values), spec.yUnit);
  parts.push(fill(words.range, { axis: yTitle, min: value(Math.min(...ys)), max: value(Math.max(...ys)) }));

  for (const annotation of spec.annotations) {
    if (annotation.type === "rule") {
      const onY = annotation.axis === "y";
      // x() gives a category label back verbatim, as it does a label written for a y rule.
      const at = onY && typeof annotation.value === "number" ? value(annotation.value) : formatX(prepared, annotation.value);
      const axis = onY ? yTitle : xTitle;
      parts.push(fill(words.rule, { axis, value: at, label: annotation.label }));
    } else {
      const x = formatX(prepared, annotation.x);
      parts.push(fill(words.point, { xAxis: xTitle, x, yAxis: yTitle, y: value(annotation.y), label: annotation.label }));
    }
  }
  return parts.join(" ");
}
