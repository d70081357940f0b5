export { csvToModule, parseCsv, type CsvModule, type CsvRow } from "./csv.ts";
export { ChartDataError, dataset, prepareData, type Dataset, type PreparedData, type Row } from "./data.ts";
export { COMPACT_MAX_WIDTH, VARIANTS, type Variant } from "./layout.ts";
export { contrastRatio, cssVar, palette, paletteCss, type ThemeName } from "./palette.ts";
export { renderChartPng, resolveCssVars, type ChartPng, type ChartPngOptions } from "./png.ts";
export { chartFromProps } from "./props.ts";
export { buildChart, renderChart, type ChartModel, type RenderedChart } from "./render.ts";
export {
  annotationSchema,
  barChartPropsSchema,
  barChartSpecSchema,
  chartDataSchema,
  chartSpecSchema,
  lineChartPropsSchema,
  lineChartSpecSchema,
  scatterChartPropsSchema,
  scatterChartSpecSchema,
  type Annotation,
  type BarChartProps,
  type BarChartSpec,
  type ChartKind,
  type ChartSpec,
  type ChartSpecInput,
  type LineChartProps,
  type LineChartSpec,
  type ScatterChartProps,
  type ScatterChartSpec,
} from "./schema.ts";
export { chartTable } from "./table.ts";
export { csvPlugin } from "./vite-plugin-csv.ts";
