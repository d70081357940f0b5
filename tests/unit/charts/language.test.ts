import { describe, expect, it } from "vitest";
import { dataset } from "../../../src/lib/charts/data.ts";
import { chartLanguage } from "../../../src/lib/charts/language.ts";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { chartSpecSchema } from "../../../src/lib/charts/schema.ts";

const SOURCE = "inline data in src/content/posts/test.mdx";
const rows = [
  { year: 2019, Online: 1234.5, Shops: 800 },
  { year: 2020, Online: 2000.25, Shops: 650 },
  { year: 2021, Online: 2500, Shops: 700 },
];
const lineSpec = chartSpecSchema.parse({
  kind: "line",
  title: "Sales",
  x: "year",
  y: ["Online", "Shops"],
  yTitle: "Revenue",
  annotations: [{ type: "rule", axis: "x", value: 2020, label: "Lockdown" }],
});
const barSpec = chartSpecSchema.parse({
  kind: "bar",
  orientation: "horizontal",
  title: "Sales",
  x: "city",
  y: "sales",
});
const cities = [
  { city: "Berlin", sales: 1500.5 },
  { city: "Lyon", sales: 900 },
];

describe("a chart in the site's language", () => {
  it("describes a line chart in German, with German lists and numbers", () => {
    const chart = renderChart(lineSpec, dataset(rows, SOURCE), chartLanguage("de"));
    expect(chart.description).toBe(
      "Liniendiagramm mit 2 Datenreihen: Online und Shops. year: von 2019 bis 2021. Revenue: von 650 bis 2.500. Referenzlinie bei year 2020: Lockdown.",
    );
  });

  // French groups thousands with a narrow no-break space, as Intl writes it.
  it("describes a bar chart in French and Spanish, naming its orientation", () => {
    expect(renderChart(barSpec, dataset(cities, SOURCE), chartLanguage("fr")).description).toBe(
      "Graphique à barres horizontales. city : 2 catégories, Berlin et Lyon. sales : de 900 à 1\u202f500,5.",
    );
    expect(renderChart(barSpec, dataset(cities, SOURCE), chartLanguage("es")).description).toBe(
      "Gráfico de barras horizontales. city: 2 categorías, Berlin y Lyon. sales: de 900 a 1500,5.",
    );
  });

  it("writes the data table's numbers and the tooltips the language's way", () => {
    const chart = renderChart(lineSpec, dataset(rows, SOURCE), chartLanguage("de"));
    expect(chart.table).toContain('<td class="num">1.234,5</td>');
    expect(chart.table).toContain('<th scope="row">2019</th>');
    expect(chart.svg.wide).toContain("Online, 2020: 2.000,25");
  });

  it("keeps English the default for callers that name no language", () => {
    const chart = renderChart(lineSpec, dataset(rows, SOURCE));
    expect(chart.description).toBe(
      "Line chart with 2 series: Online and Shops. year: from 2019 to 2021. Revenue: from 650 to 2,500. Reference line at year 2020: Lockdown.",
    );
    expect(chart.table).toContain('<td class="num">1,234.5</td>');
  });
});
