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
  /** A line across the whole plot at one value, such as a target or a date. */
  type: z.literal("rule"),
  /** Which data dimension the value belongs to: "y" draws across the value axis. */
  axis: z.enum(["x", "y"]),
  /** Where the rule sits: a number, an ISO date or a category, in the terms of its axis. */
  value: axisValue,
  /** Text shown beside the rule. */
  label: text,
});

export const pointAnnotationSchema = z.strictObject({
  /** A ring around one spot of the plot with a label beside it. */
  type: z.literal("point"),
  /** The spot's x: a number, an ISO date or a category, as the chart's x column holds them. */
  x: axisValue,
  /** The spot's value. */
  y: z.number(),
  /** Text shown next to the ring. */
  label: text,
});

export const annotationSchema = z.discriminatedUnion("type", [ruleAnnotationSchema, pointAnnotationSchema]);

const commonFields = {
  /** Shown above the chart and used as the drawing's accessible name. */
  title: text,
  /** Prose summary for screen readers, prepended to the generated description. */
  description: text.optional(),
  /** Sentence under the title, in the figure's caption. */
  caption: text.optional(),
  /** Attribution line shown under the caption, e.g. "Source: Eurostat". */
  credit: text.optional(),
  /** Column holding the x values (categories for bar charts). */
  x: column,
  /** Title of the x axis; the x column's name when left out. */
  xTitle: text.optional(),
  /** Unit of x, shown in brackets after its title, e.g. "kg". */
  xUnit: text.optional(),
  /** Title of the value axis; the y column's name when there is only one. */
  yTitle: text.optional(),
  /** Unit of the values, shown in brackets after their title, e.g. "%". */
  yUnit: text.optional(),
  /** d3-format specifier for the values, e.g. ",.0f" or ".0%"; a readable default otherwise. */
  yFormat: numberFormat.optional(),
  /** Rules and labelled points drawn over the data. */
  annotations: z.array(annotationSchema).default([]),
};

/** Several y columns (one series each) or one y column split by a `series` column, not both. */
const seriesFields = {
  /** Column of values, or several columns (one series each). */
  y: z.union([column, z.array(column).min(1, { message: "expected at least one y column" })]),
  /** Column whose values split one y column into series. */
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
  /** How points are joined: straight segments, a smooth curve that never overshoots, or steps. */
  curve: z.enum(["linear", "monotone", "step"]).default("linear"),
  /** Draw a marker at every data point; by default markers appear when points are sparse. */
  points: z.boolean().optional(),
  /** Extend the y axis to include zero. */
  yZero: z.boolean().default(false),
};

const barFields = {
  ...commonFields,
  ...seriesFields,
  /** Vertical bars (columns), or horizontal bars, which suit long category names and many categories. */
  orientation: z.enum(["vertical", "horizontal"]).default("vertical"),
};

const scatterFields = {
  ...commonFields,
  /** Column of y values. */
  y: column,
  /** Column whose values group points into coloured series. */
  series: column.optional(),
  /** d3-format specifier for the x values, e.g. ".1f". */
  xFormat: numberFormat.optional(),
  /** Extend the y axis to include zero. */
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
  /** Where the rows come from, named in error messages. */
  source: z.string().min(1),
  /** One object per row, keyed by column name. */
  rows: z.array(rowSchema),
});

/** `data` prop of the chart components: inline rows, imported JSON rows, or an imported CSV module. */
export const chartDataSchema = z.union([z.array(rowSchema), dataModuleSchema]);

const componentFields = {
  /** The rows to plot: inline, an imported JSON array, or an imported CSV file. */
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
