import { parseNumeric } from "./csv.ts";
import { prepareData, type Dataset, type PreparedData } from "./data.ts";
import { type ChartLanguage, ENGLISH_CHARTS } from "./language.ts";
import type { ChartSpec } from "./schema.ts";
import { escapeXml } from "./svg.ts";

function headerLabel(spec: ChartSpec, column: string): string {
  const unit = (text: string, suffix: string | undefined) => (suffix === undefined ? text : `${text} (${suffix})`);
  if (column === spec.x) return unit(spec.xTitle ?? column, spec.xUnit);
  const singleY = typeof spec.y === "string" && column === spec.y;
  if (singleY) return unit(spec.yTitle ?? column, spec.yUnit);
  return column;
}

function cellText(value: unknown, numeric: boolean, language: ChartLanguage): string {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "—";
  if (numeric) {
    const number = typeof value === "number" ? value : parseNumeric(String(value));
    if (number !== undefined) return language.value(number);
  }
  return String(value);
}

/**
 * The chart's data as an accessible HTML table (caption, column headers,
 * the x value as row header), for a <details> disclosure under the chart.
 * Only the columns the chart plots are shown, in source row order.
 */
export function chartTable(
  spec: ChartSpec,
  data: Dataset,
  prepared: PreparedData = prepareData(spec, data),
  language: ChartLanguage = ENGLISH_CHARTS,
): string {
  const ys = new Set(Array.isArray(spec.y) ? spec.y : [spec.y]);
  // x values label their row, so they are shown as written (2019, not "2,019").
  const isNumeric = (column: string) => ys.has(column);
  const head = prepared.columns
    .map((column) => `<th scope="col"${isNumeric(column) ? ' class="num"' : ""}>${escapeXml(headerLabel(spec, column))}</th>`)
    .join("");
  const body = data.rows
    .map((row) => {
      const cells = prepared.columns.map((column, index) => {
        const text = escapeXml(cellText(row[column], isNumeric(column), language));
        const attrs = isNumeric(column) ? ' class="num"' : "";
        return index === 0 ? `<th scope="row"${attrs}>${text}</th>` : `<td${attrs}>${text}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  return `<table class="chart-table"><caption>${escapeXml(spec.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
