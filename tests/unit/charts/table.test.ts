import { describe, expect, it } from "vitest";
import { dataset } from "../../../src/lib/charts/data.ts";
import { chartSpecSchema, type ChartSpecInput } from "../../../src/lib/charts/schema.ts";
import { chartTable } from "../../../src/lib/charts/table.ts";

function table(spec: ChartSpecInput, rows: Record<string, unknown>[]): string {
  return chartTable(chartSpecSchema.parse(spec), dataset(rows, "test"));
}

function cells(html: string, tag: "th" | "td"): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, "g"))].map((match) => match[1] ?? "");
}

describe("chartTable", () => {
  const rows = [
    { year: 2021, online: 1200.5, store: 340, note: "ignored" },
    { year: 2022, online: 1500, store: "", note: "ignored" },
  ];
  const html = table(
    { kind: "line", title: "Sales <by> channel", x: "year", xTitle: "Year", y: ["online", "store"], yUnit: "USD" },
    rows,
  );

  it("has a caption, column headers and row headers with scopes", () => {
    expect(html).toMatch(/^<table class="chart-table"><caption>Sales &#60;by&#62; channel<\/caption><thead><tr>/);
    expect(html).toContain('<th scope="col">Year</th>');
    expect(html).toContain('<th scope="col" class="num">online</th>');
    expect(html).toContain('<th scope="row">2021</th>');
    expect(html.match(/scope="row"/g)).toHaveLength(2);
  });

  it("lists only plotted columns, in row order, with readable numbers and a dash for gaps", () => {
    expect(cells(html, "th")).toEqual(["Year", "online", "store", "2021", "2022"]);
    expect(cells(html, "td")).toEqual(["1,200.5", "340", "1,500", "—"]);
    expect(html).not.toContain("ignored");
  });

  it("labels a single value column with its title and unit, and includes the series column", () => {
    const long = table(
      { kind: "bar", title: "T", x: "city", y: "visits", series: "year", yTitle: "Visits", yUnit: "thousands" },
      [
        { city: "Oslo", year: "2023", visits: 5 },
        { city: "Oslo", year: "2024", visits: 7 },
      ],
    );
    expect(cells(long, "th").slice(0, 3)).toEqual(["city", "year", "Visits (thousands)"]);
    expect(cells(long, "td")).toEqual(["2023", "5", "2024", "7"]);
  });

  it("escapes cell contents", () => {
    const escaped = table({ kind: "bar", title: "T", x: "k", y: "v" }, [{ k: '<b>"x" & y</b>', v: 1 }]);
    expect(escaped).toContain("&#60;b&#62;&#34;x&#34; &#38; y&#60;/b&#62;");
    expect(escaped).not.toContain("<b>");
  });

  it("validates the data like the chart does", () => {
    expect(() => table({ kind: "bar", title: "T", x: "k", y: "missing" }, [{ k: "a" }])).toThrow(
      'column "missing" does not exist',
    );
  });
});
