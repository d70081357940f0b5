import { scaleLinear } from "d3-scale";
import { z } from "astro/zod";

const text = z.string().trim().min(1);
const column = z.string().min(1, { message: "expected a column name" });

/** d3-format specifier such as ",.0f", "$.2s" or ".0%"; d3 throws on anything else. */
const numberFormat = z.string().refine(
  (specifier) => {
    try {
      scaleLinear().tickFormat(10, specifier);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a d3-format specifier such as ",.0f" or ".0%"' },
);

const axisValue = z.union([z.number(), z.string().min(1)]);

export const ruleAnnotationSchema = z.strictObject({
  type: z.literal("rule"),
  /** Which data dimension the value belongs to: "y" draws across the value axis. */
  axis: z.enum(["x", "y"]),
  value: axisValue,
  label: text,
});

export const pointAnnotationSchema = z.strictObject({
  type: z.literal("point"),
  x: axisValue,
  y: z.number(),
  label: text,
});

export const annotationSchema = z.discriminatedUnion("type", [ruleAnnotationSchema, pointAnnotationSchema]);

const commonFields = {
  title: text,
  /** Prose summary for screen readers, prepended to the generated description. */
  description: text.optional(),
  caption: text.optional(),
  /** Attribution line shown under the caption, e.g. "Source: Eurostat". */
  credit: text.optional(),
  x: column,
  xTitle: text.optional(),
  xUnit: text.optional(),
  yTitle: text.optional(),
  yUnit: text.optional(),
  yFormat: numberFormat.optional(),
  annotations: z.array(annotationSchema).default([]),
};

/** Several y columns (one series each) or one y column split by a `series` column, not both. */
const seriesFields = {
  y: z.union([column, z.array(column).min(1, { message: "expected at least one y column" })]),
  series: column.optional(),
};

function refineSeries(spec: { y: string | string[]; series?: string | undefined }, ctx: z.RefinementCtx): void {
  if (Array.isArray(spec.y) && spec.series !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["series"],
      message: "use either several y columns or one y column with a series column, not both",
    });
  }
  const columns = Array.isArray(spec.y) ? spec.y : [spec.y];
  const duplicate = columns.find((name, index) => columns.indexOf(name) !== index);
  if (duplicate !== undefined) {
    ctx.addIssue({ code: "custom", path: ["y"], message: `column "${duplicate}" is listed twice` });
  }
}

const lineFields = {
  ...commonFields,
  ...seriesFields,
  /** How x values are read: numbers, ISO dates ("2024-03-01", "2024-03", "2024"), or labels in data order. */
  xType: z.enum(["number", "date", "category"]).default("number"),
  /** d3-format specifier for numeric x, d3-time-format specifier (e.g. "%b %Y") for dates. */
  xFormat: z.string().min(1).optional(),
  curve: z.enum(["linear", "monotone", "step"]).default("linear"),
  /** Draw a marker at every data point; by default markers appear when points are sparse. */
  points: z.boolean().optional(),
  /** Extend the y axis to include zero. */
  yZero: z.boolean().default(false),
};

const barFields = {
  ...commonFields,
  ...seriesFields,
  orientation: z.enum(["vertical", "horizontal"]).default("vertical"),
};

const scatterFields = {
  ...commonFields,
  y: column,
  /** Column whose values group points into coloured series. */
  series: column.optional(),
  xFormat: numberFormat.optional(),
  yZero: z.boolean().default(false),
};

export const lineChartSpecSchema = z.strictObject({ kind: z.literal("line"), ...lineFields }).superRefine(refineSeries);
export const barChartSpecSchema = z.strictObject({ kind: z.literal("bar"), ...barFields }).superRefine(refineSeries);
export const scatterChartSpecSchema = z.strictObject({ kind: z.literal("scatter"), ...scatterFields });

export const chartSpecSchema = z.discriminatedUnion("kind", [lineChartSpecSchema, barChartSpecSchema, scatterChartSpecSchema]);

export type LineChartSpec = z.output<typeof lineChartSpecSchema>;
export type BarChartSpec = z.output<typeof barChartSpecSchema>;
export type ScatterChartSpec = z.output<typeof scatterChartSpecSchema>;
export type ChartSpec = LineChartSpec | BarChartSpec | ScatterChartSpec;
export type ChartKind = ChartSpec["kind"];
export type ChartSpecInput = z.input<typeof chartSpecSchema>;
export type Annotation = z.output<typeof annotationSchema>;

const rowSchema = z.record(z.string(), z.unknown());

/** What a CSV import or `dataset()` produces; also accepted directly as chart data. */
export const dataModuleSchema = z.strictObject({
  source: z.string().min(1),
  rows: z.array(rowSchema),
});

/** `data` prop of the chart components: inline rows, imported JSON rows, or an imported CSV module. */
export const chartDataSchema = z.union([z.array(rowSchema), dataModuleSchema]);

const componentFields = {
  data: chartDataSchema,
  /** Names inline or JSON data in error messages, e.g. "src/content/posts/foo/data.json". */
  source: z.string().min(1).optional(),
};

/** Props of the chart components: the spec without `kind`, plus the data. */
export const lineChartPropsSchema = z.strictObject({ ...lineFields, ...componentFields }).superRefine(refineSeries);
export const barChartPropsSchema = z.strictObject({ ...barFields, ...componentFields }).superRefine(refineSeries);
export const scatterChartPropsSchema = z.strictObject({ ...scatterFields, ...componentFields });

export type LineChartProps = z.input<typeof lineChartPropsSchema>;
export type BarChartProps = z.input<typeof barChartPropsSchema>;
export type ScatterChartProps = z.input<typeof scatterChartPropsSchema>;
