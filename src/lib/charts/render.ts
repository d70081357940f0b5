import { createHash } from "node:crypto";
import { prepareData, type Dataset, type PreparedData } from "./data.ts";
import { describeChart } from "./describe.ts";
import { type ChartLanguage, ENGLISH_CHARTS } from "./language.ts";
import type { DrawContext } from "./draw/context.ts";
import { horizontalBarBody } from "./draw/horizontal-bars.ts";
import { verticalBody } from "./draw/vertical.ts";
import { VARIANTS, type Variant } from "./layout.ts";
import type { ChartSpec } from "./schema.ts";
import { el, serialize, type SvgElement } from "./svg.ts";
import { chartTable } from "./table.ts";

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

/** Hash of everything that affects the drawing, so ids are stable between builds yet distinct between charts. */
function chartId(spec: ChartSpec, data: Dataset): string {
  const hash = createHash("sha256")
    .update(JSON.stringify({ spec, source: data.source, rows: data.rows }))
    .digest("hex");
  return `chart-${hash.slice(0, 10)}`;
}

function buildModel(ctx: DrawContext, id: string, description: string): ChartModel {
  const { config, spec, variant } = ctx;
  const body = spec.kind === "bar" && spec.orientation === "horizontal" ? horizontalBarBody(ctx) : verticalBody(ctx);
  const height = Math.ceil(body.height);
  const titleId = `${id}-${variant}-title`;
  const descId = `${id}-${variant}-desc`;
  const root = el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${config.width} ${height}`,
      role: "img",
      "aria-labelledby": titleId,
      "aria-describedby": descId,
      class: `chart-svg chart-svg--${variant}`,
      style: "font-family: var(--font-body, Inter, system-ui, sans-serif)",
    },
    [el("title", { id: titleId }, [spec.title]), el("desc", { id: descId }, [description]), ...body.children],
  );
  return { variant, width: config.width, height, root };
}

function drawContext(
  spec: ChartSpec,
  data: Dataset,
  prepared: PreparedData,
  variant: Variant,
  language: ChartLanguage,
): DrawContext {
  return { spec, data, prepared, variant, config: VARIANTS[variant], language };
}

/** Validates the data against the spec and lays out one variant (exposed for tests and custom embeds). */
export function buildChart(spec: ChartSpec, data: Dataset, variant: Variant, language = ENGLISH_CHARTS): ChartModel {
  const prepared = prepareData(spec, data);
  return buildModel(
    drawContext(spec, data, prepared, variant, language),
    chartId(spec, data),
    describeChart(spec, prepared, language),
  );
}

/** Everything a page needs for one chart: both SVG variants, the data table and texts for the figure. */
export function renderChart(spec: ChartSpec, data: Dataset, language = ENGLISH_CHARTS): RenderedChart {
  const prepared = prepareData(spec, data);
  const id = chartId(spec, data);
  const description = describeChart(spec, prepared, language);
  const svg = (variant: Variant) =>
    serialize(buildModel(drawContext(spec, data, prepared, variant, language), id, description).root);
  return {
    id,
    title: spec.title,
    caption: spec.caption,
    credit: spec.credit,
    description,
    svg: { compact: svg("compact"), wide: svg("wide") },
    table: chartTable(spec, data, prepared, language),
  };
}
