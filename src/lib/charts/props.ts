import type { z } from "astro/zod";
import { dataset } from "./data.ts";
import { type ChartLanguage, ENGLISH_CHARTS } from "./language.ts";
import { renderChart, type RenderedChart } from "./render.ts";
import { barChartPropsSchema, chartSpecSchema, lineChartPropsSchema, scatterChartPropsSchema, type ChartKind } from "./schema.ts";

const PROPS_SCHEMAS = {
  line: lineChartPropsSchema,
  bar: barChartPropsSchema,
  scatter: scatterChartPropsSchema,
} as const;

const COMPONENT_NAMES: Record<ChartKind, string> = { line: "LineChart", bar: "BarChart", scatter: "ScatterChart" };

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `  - ${issue.path.join(".") || "(props)"}: ${issue.message}`).join("\n");
}

function sourceOf(props: unknown, fallback: string): string {
  if (typeof props !== "object" || props === null) return fallback;
  const { data, source } = props as { data?: unknown; source?: unknown };
  if (typeof data === "object" && data !== null && "source" in data && typeof data.source === "string") return data.source;
  return typeof source === "string" && source !== "" ? source : fallback;
}

/**
 * What the chart components call: validates props, resolves the data and
 * renders. `fallbackSource` names inline data when no `source` prop was
 * given (components pass the page being built).
 */
export function chartFromProps(
  kind: ChartKind,
  props: unknown,
  fallbackSource: string,
  language: ChartLanguage = ENGLISH_CHARTS,
): RenderedChart {
  const source = sourceOf(props, fallbackSource);
  const parsed = PROPS_SCHEMAS[kind].safeParse(props);
  if (!parsed.success) {
    throw new Error(`Invalid <${COMPONENT_NAMES[kind]}> props (data: ${source}):\n${formatIssues(parsed.error.issues)}`);
  }
  const { data, source: _source, ...rest } = parsed.data;
  const spec = chartSpecSchema.parse({ kind, ...rest });
  return renderChart(spec, dataset(data, source), language);
}
