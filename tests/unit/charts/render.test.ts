import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataset, type Row } from "../../../src/lib/charts/data.ts";
import { polygonsOverlap, rectInside, textPolygon, textRect } from "../../../src/lib/charts/geometry.ts";
import { buildChart, renderChart } from "../../../src/lib/charts/render.ts";
import { chartSpecSchema, type ChartSpecInput } from "../../../src/lib/charts/schema.ts";
import { textContent, type SvgElement } from "../../../src/lib/charts/svg.ts";
import { COMPACT_MAX_WIDTH, type Variant } from "../../../src/lib/charts/layout.ts";
import { byClass, elements, texts, viewBox } from "./helpers.ts";

const VARIANTS: Variant[] = ["compact", "wide"];
const SOURCE = "inline data in src/content/posts/test.mdx";

interface Case {
  name: string;
  spec: ChartSpecInput;
  rows: Row[];
}

const years: Row[] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022].map((year, i) => ({
  year,
  Online: 12 + i * 8,
  "In store": 30 + ((i * 7) % 11),
  Wholesale: 5 + i * 6,
}));

const cities: Row[] = [
  ["Amsterdam", 120, 150],
  ["Berlin", 340, 310],
  ["Copenhagen", 90, 130],
  ["Dublin", 210, 260],
  ["Edinburgh", 180, 175],
  ["Frankfurt am Main", 400, 420],
  ["Gothenburg", 60, 80],
].map(([city, a, b]) => ({ city, "2023": a, "2024": b }));

const daily: Row[] = Array.from({ length: 730 }, (_, i) => ({
  day: new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  downloads: Math.round(1_000_000 + 400_000 * Math.sin(i / 40) + i * 2_500),
}));

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const CASES: Case[] = [
  {
    name: "line with three series and every annotation kind",
    spec: {
      kind: "line",
      title: "Sales by channel",
      x: "year",
      xTitle: "Year",
      y: ["Online", "In store", "Wholesale"],
      yTitle: "Revenue",
      yUnit: "million USD",
      annotations: [
        { type: "rule", axis: "y", value: 50, label: "Target" },
        { type: "rule", axis: "x", value: 2020, label: "Pandemic lockdowns begin" },
        { type: "point", x: 2022, y: 68, label: "Record year for online sales" },
      ],
    },
    rows: years,
  },
  {
    name: "daily time series in the millions",
    spec: { kind: "line", title: "Downloads", x: "day", xType: "date", y: "downloads", yTitle: "Downloads per day" },
    rows: daily,
  },
  {
    name: "line over month names",
    spec: { kind: "line", title: "Rain", x: "month", xType: "category", y: "mm", yUnit: "mm", xTitle: "Month" },
    rows: months.map((month, i) => ({ month, mm: 40 + ((i * 17) % 50) })),
  },
  {
    name: "grouped vertical bars with long category names",
    spec: { kind: "bar", title: "Visitors", x: "city", y: ["2023", "2024"], yTitle: "Visitors", yUnit: "thousands" },
    rows: cities,
  },
  {
    name: "thirty vertical bars with negative values",
    spec: {
      kind: "bar",
      title: "Daily change",
      x: "label",
      y: "change",
      yFormat: "+,.1f",
      annotations: [{ type: "rule", axis: "y", value: -2.5, label: "Alert threshold" }],
    },
    rows: Array.from({ length: 30 }, (_, i) => ({ label: `Item number ${i + 1}`, change: Math.sin(i) * 4 })),
  },
  {
    name: "horizontal bars with very long labels and three series",
    spec: {
      kind: "bar",
      orientation: "horizontal",
      title: "Survey",
      x: "answer",
      y: ["Strongly agree", "Agree", "Neither agree nor disagree"],
      yTitle: "Share of respondents",
      yUnit: "%",
      annotations: [{ type: "rule", axis: "y", value: 25, label: "Quarter" }],
    },
    rows: [
      "The documentation explains installation clearly",
      "Error messages point to the cause of the problem",
      "I would recommend this tool to a colleague",
      "Short",
    ].map((answer, i) => ({ answer, "Strongly agree": 10 + i * 5, Agree: 30 - i * 3, "Neither agree nor disagree": 12 + i })),
  },
  {
    name: "scatter with groups, negatives and a corner annotation",
    spec: {
      kind: "scatter",
      title: "Spread",
      x: "x",
      y: "y",
      series: "group",
      xTitle: "Deviation",
      xUnit: "σ",
      yTitle: "Return",
      yUnit: "%",
      annotations: [{ type: "point", x: 2.9, y: 0.95, label: "Outlier in the far corner" }],
    },
    rows: Array.from({ length: 45 }, (_, i) => ({
      x: Math.round((((i * 37) % 60) / 10 - 3) * 100) / 100,
      y: Math.round(Math.cos(i) * 100) / 100,
      group: ["Alpha", "Beta", "Gamma"][i % 3],
    })),
  },
  {
    name: "many series with long names and long axis titles",
    spec: {
      kind: "line",
      title: "Legend wrapping",
      x: "t",
      y: ["A rather long series name", "Another long series name", "Third", "Fourth series", "Fifth one here", "Sixth"],
      xTitle: "An extremely long horizontal axis title that cannot possibly fit on a phone",
      yTitle: "An equally long vertical axis title that also has a unit attached",
      yUnit: "kilowatt hours per square metre",
    },
    rows: Array.from({ length: 10 }, (_, t) => ({
      t,
      "A rather long series name": t,
      "Another long series name": t * 2,
      Third: 10 - t,
      "Fourth series": t % 3,
      "Fifth one here": 5,
      Sixth: t * 1.5,
    })),
  },
  {
    name: "a single bar",
    spec: { kind: "bar", title: "One", x: "k", y: "v" },
    rows: [{ k: "Only", v: 3 }],
  },
  {
    name: "constant values",
    spec: { kind: "line", title: "Flat", x: "x", y: "y" },
    rows: [1, 2, 3].map((x) => ({ x, y: 7 })),
  },
];

function build(testCase: Case, variant: Variant) {
  const spec = chartSpecSchema.parse(testCase.spec);
  return { spec, model: buildChart(spec, dataset(testCase.rows, SOURCE), variant) };
}

describe("layout", () => {
  for (const testCase of CASES) {
    for (const variant of VARIANTS) {
      describe(`${testCase.name} (${variant})`, () => {
        const { model } = build(testCase, variant);
        const all = texts(model.root);

        it("keeps every text box inside the viewBox", () => {
          const { width, height } = viewBox(model.root);
          const bounds = { left: 0, top: 0, right: width, bottom: height };
          expect(all.length).toBeGreaterThan(0);
          for (const { placement } of all) {
            expect(rectInside(textRect(placement), bounds), `"${placement.text}" ${JSON.stringify(textRect(placement))}`).toBe(
              true,
            );
          }
        });

        it("keeps tick labels on each axis apart", () => {
          for (const axis of ["x", "y"]) {
            const labels = all.filter((t) => t.groups.some((g) => g.includes(`chart-tick-labels--${axis}`)));
            for (let i = 0; i < labels.length; i++) {
              for (let j = i + 1; j < labels.length; j++) {
                const [a, b] = [labels[i]?.placement, labels[j]?.placement];
                if (!a || !b) continue;
                expect(polygonsOverlap(textPolygon(a), textPolygon(b), 1), `"${a.text}" vs "${b.text}"`).toBe(false);
              }
            }
          }
        });

        it("never overlaps axis titles, legend and tick labels with each other", () => {
          const fixed = all.filter((t) => !t.classes.includes("chart-annotation-label"));
          for (let i = 0; i < fixed.length; i++) {
            for (let j = i + 1; j < fixed.length; j++) {
              const [a, b] = [fixed[i]?.placement, fixed[j]?.placement];
              if (!a || !b) continue;
              expect(polygonsOverlap(textPolygon(a), textPolygon(b)), `"${a.text}" vs "${b.text}"`).toBe(false);
            }
          }
        });
      });
    }
  }

  it("shows no more x ticks on the compact variant than on the wide one", () => {
    for (const testCase of CASES) {
      const count = (variant: Variant) =>
        texts(build(testCase, variant).model.root).filter((t) => t.groups.some((g) => g.includes("chart-tick-labels--x"))).length;
      expect(count("compact"), testCase.name).toBeLessThanOrEqual(count("wide"));
    }
  });

  it("abbreviates large numbers sooner on the compact variant", () => {
    const testCase: Case = {
      name: "hundreds of thousands",
      spec: { kind: "bar", title: "Big", x: "k", y: "v" },
      rows: ["a", "b", "c"].map((k, i) => ({ k, v: 150_000 * (i + 1) })),
    };
    const labels = (variant: Variant) =>
      texts(build(testCase, variant).model.root)
        .filter((t) => t.groups.some((g) => g.includes("chart-tick-labels--y")))
        .map((t) => t.placement.text);
    expect(labels("compact")).toContain("200k");
    expect(labels("wide")).toContain("200,000");
    const millions = texts(build(CASES[1] as Case, "wide").model.root)
      .filter((t) => t.groups.some((g) => g.includes("chart-tick-labels--y")))
      .map((t) => t.placement.text);
    expect(millions.filter((label) => label !== "0").every((label) => /^\d+(\.\d+)?M$/.test(label))).toBe(true);
  });

  it("writes years without a thousands separator", () => {
    const labels = texts(build(CASES[0] as Case, "wide").model.root)
      .filter((t) => t.groups.some((g) => g.includes("chart-tick-labels--x")))
      .map((t) => t.placement.text);
    expect(labels).toContain("2020");
    expect(labels.every((label) => /^\d{4}$/.test(label))).toBe(true);
  });

  it("shortens long horizontal-bar labels rather than squeezing the plot", () => {
    const { model } = build(CASES[5] as Case, "compact");
    const labels = texts(model.root).filter((t) => t.groups.some((g) => g.includes("chart-tick-labels--y")));
    expect(labels.some((t) => t.placement.text.endsWith("…"))).toBe(true);
    expect(labels.map((t) => t.placement.text)).toContain("Short");
  });
});

describe("marks", () => {
  const count = (testCase: Case, cls: string) => byClass(build(testCase, "wide").model.root, cls).length;

  it("draws one bar per row and series", () => {
    expect(count(CASES[3] as Case, "chart-bar")).toBe(7 * 2);
    expect(count(CASES[5] as Case, "chart-bar")).toBe(4 * 3);
    expect(count(CASES[4] as Case, "chart-bar")).toBe(30);
  });

  it("draws one line per series and one marker per point when sparse", () => {
    expect(count(CASES[0] as Case, "chart-line")).toBe(3);
    expect(count(CASES[0] as Case, "chart-point")).toBe(3 * 8);
    expect(count(CASES[1] as Case, "chart-line")).toBe(1);
    expect(count(CASES[1] as Case, "chart-point")).toBe(0);
  });

  it("marks points isolated by gaps so they do not vanish", () => {
    const spec = chartSpecSchema.parse({ kind: "line", title: "Gaps", x: "x", y: "y", points: false });
    const rows = [1, 2, 3, 4, 5].map((x) => ({ x, y: x === 2 || x === 3 ? "" : x }));
    expect(byClass(buildChart(spec, dataset(rows, SOURCE), "wide").root, "chart-point")).toHaveLength(1);
  });

  it("draws one marker per scatter row", () => {
    expect(count(CASES[6] as Case, "chart-point")).toBe(45);
  });

  it("draws bars from zero, downwards for negative values", () => {
    const { model } = build(CASES[4] as Case, "wide");
    const bars = byClass(model.root, "chart-bar");
    const bottoms = bars.map((bar) => Number(bar.attrs["y"]) + Number(bar.attrs["height"]));
    const tops = bars.map((bar) => Number(bar.attrs["y"]));
    const zeroLine = Math.min(...bottoms.filter((_, i) => Math.sin(i) > 0).map((b) => Math.round(b)));
    expect(tops.filter((_, i) => Math.sin(i) < 0).every((top) => Math.round(top) === zeroLine)).toBe(true);
  });

  it("has a legend only with more than one series", () => {
    expect(count(CASES[0] as Case, "chart-legend")).toBe(1);
    expect(count(CASES[0] as Case, "chart-legend-item")).toBe(3);
    expect(count(CASES[6] as Case, "chart-legend-item")).toBe(3);
    expect(count(CASES[1] as Case, "chart-legend")).toBe(0);
    expect(count(CASES[4] as Case, "chart-legend")).toBe(0);
  });

  it("draws every annotation", () => {
    const { model } = build(CASES[0] as Case, "wide");
    expect(byClass(model.root, "chart-annotation--rule")).toHaveLength(2);
    expect(byClass(model.root, "chart-annotation--point")).toHaveLength(1);
    const labels = texts(model.root)
      .filter((t) => t.classes.includes("chart-annotation-label"))
      .map((t) => t.placement.text);
    expect(labels).toEqual(["Target", "Pandemic lockdowns begin", "Record year for online sales"]);
  });
});

describe("accessibility and styling", () => {
  const testCase = CASES[0] as Case;
  const spec = chartSpecSchema.parse({ ...testCase.spec, description: "Online sales overtook in-store sales in 2019" });
  const rendered = renderChart(spec, dataset(testCase.rows, SOURCE));

  function root(variant: Variant): SvgElement {
    return buildChart(spec, dataset(testCase.rows, SOURCE), variant).root;
  }

  it("names the image by its <title> and describes it by its <desc>", () => {
    for (const variant of VARIANTS) {
      const svg = root(variant);
      expect(svg.attrs["role"]).toBe("img");
      const title = elements(svg, (e) => e.attrs["id"] === svg.attrs["aria-labelledby"]);
      const desc = elements(svg, (e) => e.attrs["id"] === svg.attrs["aria-describedby"]);
      expect(title.map((e) => [e.tag, textContent(e)])).toEqual([["title", "Sales by channel"]]);
      expect(desc[0]?.tag).toBe("desc");
      const description = textContent(desc[0] as SvgElement);
      expect(description).toMatch(
        /^Online sales overtook in-store sales in 2019\. Line chart with 3 series: Online, In store, and Wholesale\./,
      );
      expect(description).toContain("Year: from 2015 to 2022.");
      expect(description).toContain("Reference line at Revenue (million USD) 50: Target.");
    }
  });

  it("uses ids unique per chart and variant, stable across renders", () => {
    const again = renderChart(spec, dataset(testCase.rows, SOURCE));
    expect(again.svg).toEqual(rendered.svg);
    const other = renderChart(chartSpecSchema.parse({ ...testCase.spec, title: "Other" }), dataset(testCase.rows, SOURCE));
    expect(other.id).not.toBe(rendered.id);
    const ids = [rendered.svg.compact, rendered.svg.wide, other.svg.wide].flatMap((svg) =>
      [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("scales with its container: a viewBox and no fixed size", () => {
    for (const variant of VARIANTS) {
      const svg = root(variant);
      expect(svg.attrs["viewBox"]).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.attrs["width"]).toBeUndefined();
      expect(svg.attrs["height"]).toBeUndefined();
    }
  });

  it("paints only through the palette's custom properties", () => {
    for (const testCase of CASES) {
      const chart = renderChart(chartSpecSchema.parse(testCase.spec), dataset(testCase.rows, SOURCE));
      for (const svg of Object.values(chart.svg)) {
        const names = [...svg.matchAll(/var\(--([\w-]+), ([^)]*)\)/g)].map((m) => m[1]);
        expect(new Set(names)).toEqual(
          new Set(names.filter((n) => /^(chart-[1-6]|color-(text|muted|border|bg)|font-body)$/.test(n ?? ""))),
        );
        const withoutVars = svg.replace(/var\(--[\w-]+, [^)]*\)/g, "");
        expect(withoutVars, testCase.name).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
        expect(withoutVars).not.toMatch(/\b(fill|stroke)="/);
        expect(svg).toContain("font-family: var(--font-body, ");
      }
    }
  });

  it("sets text in the body scale", () => {
    const sizes = new Set(texts(root("wide")).map((t) => t.placement.fontSize));
    expect([...sizes]).toEqual([14]);
  });
});

describe("variant switch", () => {
  it("uses the same breakpoint in the component's container query as the layout assumes", async () => {
    const figure = await readFile(path.resolve(import.meta.dirname, "../../../src/components/chart/ChartFigure.astro"), "utf8");
    expect(figure).toContain(`@container (min-width: ${COMPACT_MAX_WIDTH}px)`);
  });
});
