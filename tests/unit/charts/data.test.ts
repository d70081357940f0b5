import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvToModule } from "../../../src/lib/charts/csv.ts";
import { dataset, parseDate, prepareData, type Row } from "../../../src/lib/charts/data.ts";
import { chartFromProps } from "../../../src/lib/charts/props.ts";
import {
  barChartPropsSchema,
  chartSpecSchema,
  lineChartPropsSchema,
  scatterChartPropsSchema,
  type ChartSpec,
  type ChartSpecInput,
} from "../../../src/lib/charts/schema.ts";

const fixtures = path.resolve(import.meta.dirname, "../../fixtures/charts");
const INLINE = "inline data in src/content/posts/foo.mdx";

function spec(input: ChartSpecInput): ChartSpec {
  return chartSpecSchema.parse(input);
}

const rows: Row[] = [
  { year: 2021, online: 120, store: 340, region: "North" },
  { year: 2022, online: 150, store: 310, region: "South" },
  { year: 2023, online: 210, store: "", region: "North" },
];

describe("dataset", () => {
  it("names inline rows with the given source and keeps a CSV module's own path", () => {
    expect(dataset(rows, INLINE)).toEqual({ source: INLINE, rows });
    const module = { source: "src/content/posts/foo/data.csv", rows };
    expect(dataset(module, INLINE)).toEqual(module);
  });

  it("rejects data that is not an array of row objects", () => {
    expect(() => dataset("nope", "src/data.json")).toThrow(
      'Chart data error in src/data.json: expected an array of row objects or an imported CSV, found "nope"',
    );
    expect(() => dataset([{ a: 1 }, 5], "src/data.json")).toThrow(
      "Chart data error in src/data.json: row 2 is 5, expected an object of column values",
    );
  });
});

describe("prepareData", () => {
  it("turns several y columns into one series each, with gaps for empty cells", () => {
    const prepared = prepareData(spec({ kind: "line", title: "T", x: "year", y: ["online", "store"] }), dataset(rows, INLINE));
    expect(prepared.xType).toBe("number");
    expect(prepared.series.map((series) => series.key)).toEqual(["online", "store"]);
    expect(prepared.series[1]?.points.map((point) => point.y)).toEqual([340, 310, undefined]);
    expect(prepared.columns).toEqual(["year", "online", "store"]);
  });

  it("splits long data by the series column", () => {
    const prepared = prepareData(
      spec({ kind: "bar", title: "T", x: "year", y: "online", series: "region" }),
      dataset(rows, INLINE),
    );
    expect(prepared.series.map((series) => [series.key, series.points.length])).toEqual([
      ["North", 2],
      ["South", 1],
    ]);
    expect(prepared.categories).toEqual(["2021", "2022", "2023"]);
  });

  it("accepts numeric strings (as from JSON) and ISO dates", () => {
    const prepared = prepareData(
      spec({ kind: "line", title: "T", x: "day", xType: "date", y: "n" }),
      dataset(
        [
          { day: "2024-02-01", n: "1.5" },
          { day: "2024-01", n: " -2e3 " },
          { day: "2023", n: 7 },
        ],
        INLINE,
      ),
    );
    expect(prepared.series[0]?.points.map((point) => [point.x, point.y])).toEqual([
      [Date.UTC(2023, 0, 1), 7],
      [Date.UTC(2024, 0, 1), -2000],
      [Date.UTC(2024, 1, 1), 1.5],
    ]);
  });

  it("parses dates strictly", () => {
    expect(parseDate("2024-02-30")).toBeUndefined();
    expect(parseDate("2024-13")).toBeUndefined();
    expect(parseDate("March 2024")).toBeUndefined();
    expect(parseDate("2024-03-01T12:30:00+02:00")).toBe(Date.UTC(2024, 2, 1, 10, 30));
  });

  it("names the source and column when a column is missing", () => {
    expect(() => prepareData(spec({ kind: "line", title: "T", x: "year", y: "revenue" }), dataset(rows, INLINE))).toThrow(
      `Chart data error in ${INLINE}: column "revenue" does not exist (columns: "year", "online", "store", "region")`,
    );
  });

  it("names the source, row and column of a non-numeric value", async () => {
    const csv = csvToModule(await readFile(path.join(fixtures, "bad-number.csv"), "utf8"), "src/content/posts/foo/data.csv");
    expect(() => prepareData(spec({ kind: "bar", title: "T", x: "month", y: "visits" }), csv)).toThrow(
      'Chart data error in src/content/posts/foo/data.csv: row 2, column "visits": expected a number, found "n/a"',
    );
  });

  it("names the JSON file of a bad value passed through dataset()", async () => {
    const json = JSON.parse(await readFile(path.join(fixtures, "visits.json"), "utf8")) as unknown;
    const data = dataset(json, "src/content/posts/foo/visits.json");
    expect(() => prepareData(spec({ kind: "bar", title: "T", x: "month", y: "visits" }), data)).toThrow(
      'Chart data error in src/content/posts/foo/visits.json: row 2, column "visits": expected a number, found "lots"',
    );
  });

  it("hints at thousands separators", () => {
    expect(() =>
      prepareData(spec({ kind: "bar", title: "T", x: "k", y: "v" }), dataset([{ k: "a", v: "1,200" }], INLINE)),
    ).toThrow('row 1, column "v": expected a number, found "1,200" (remove thousands separators)');
  });

  it("requires x values, and numeric x for line charts", () => {
    expect(() =>
      prepareData(
        spec({ kind: "line", title: "T", x: "year", y: "v" }),
        dataset(
          [
            { year: 1, v: 1 },
            { year: "", v: 2 },
          ],
          INLINE,
        ),
      ),
    ).toThrow(`Chart data error in ${INLINE}: row 2, column "year": the cell is empty but a number is needed`);
    expect(() =>
      prepareData(spec({ kind: "line", title: "T", x: "year", y: "v" }), dataset([{ year: "twenty", v: 1 }], INLINE)),
    ).toThrow('row 1, column "year": expected a number, found "twenty"');
    expect(() =>
      prepareData(
        spec({ kind: "line", title: "T", x: "d", xType: "date", y: "v" }),
        dataset([{ d: "01/02/2024", v: 1 }], INLINE),
      ),
    ).toThrow('row 1, column "d": expected an ISO date');
  });

  it("requires every scatter point to have a y value", () => {
    expect(() =>
      prepareData(
        spec({ kind: "scatter", title: "T", x: "a", y: "b" }),
        dataset(
          [
            { a: 1, b: 2 },
            { a: 2, b: null },
          ],
          INLINE,
        ),
      ),
    ).toThrow(`Chart data error in ${INLINE}: row 2, column "b": the cell is empty but a number is needed`);
  });

  it("names the source and column of an empty series", () => {
    expect(() =>
      prepareData(
        spec({ kind: "line", title: "T", x: "year", y: ["online", "empty"] }),
        dataset(
          rows.map((row) => ({ ...row, empty: "" })),
          "src/content/posts/foo/data.csv",
        ),
      ),
    ).toThrow('Chart data error in src/content/posts/foo/data.csv: column "empty" has no values');
  });

  it("names an empty series of long data by its series value", () => {
    expect(() =>
      prepareData(
        spec({ kind: "line", title: "T", x: "year", y: "v", series: "s" }),
        dataset(
          [
            { year: 1, v: 1, s: "a" },
            { year: 1, v: "", s: "b" },
          ],
          INLINE,
        ),
      ),
    ).toThrow(`Chart data error in ${INLINE}: series "b" (column "s") has no values`);
  });

  it("rejects data without rows", () => {
    expect(() => prepareData(spec({ kind: "bar", title: "T", x: "a", y: "b" }), dataset([], INLINE))).toThrow(
      `Chart data error in ${INLINE}: there are no rows`,
    );
  });

  it("rejects a repeated bar category", () => {
    expect(() =>
      prepareData(
        spec({ kind: "bar", title: "T", x: "k", y: "v" }),
        dataset(
          [
            { k: "a", v: 1 },
            { k: "a", v: 2 },
          ],
          INLINE,
        ),
      ),
    ).toThrow('row 2, column "k": "a" repeats row 1; each bar needs its own category');
  });
});

describe("spec schemas", () => {
  it("apply defaults", () => {
    const parsed = spec({ kind: "line", title: "T", x: "a", y: "b" });
    expect(parsed).toMatchObject({ xType: "number", curve: "linear", yZero: false, annotations: [] });
  });

  it("reject several y columns combined with a series column", () => {
    const result = lineChartPropsSchema.safeParse({ title: "T", x: "a", y: ["b", "c"], series: "s", data: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("not both");
  });

  it("reject unknown props, bad formats and malformed annotations", () => {
    expect(barChartPropsSchema.safeParse({ title: "T", x: "a", y: "b", data: [], colour: "red" }).success).toBe(false);
    expect(barChartPropsSchema.safeParse({ title: "T", x: "a", y: "b", data: [], yFormat: "%%%" }).success).toBe(false);
    expect(
      scatterChartPropsSchema.safeParse({
        title: "T",
        x: "a",
        y: "b",
        data: [],
        annotations: [{ type: "rule", value: 3, label: "x" }],
      }).success,
    ).toBe(false);
  });

  it("accept a CSV module or rows as data", () => {
    expect(barChartPropsSchema.safeParse({ title: "T", x: "a", y: "b", data: { source: "d.csv", rows: [] } }).success).toBe(true);
    expect(barChartPropsSchema.safeParse({ title: "T", x: "a", y: "b", data: [{ a: 1 }] }).success).toBe(true);
  });
});

describe("chartFromProps", () => {
  it("reports invalid props with the data source", () => {
    expect(() => chartFromProps("bar", { title: "T", x: "a", data: [{ a: 1 }] }, INLINE)).toThrow(
      `Invalid <BarChart> props (data: ${INLINE}):\n  - y:`,
    );
    expect(() =>
      chartFromProps("line", { title: "T", x: "a", y: 3, data: { source: "src/x/data.csv", rows: [] } }, INLINE),
    ).toThrow("Invalid <LineChart> props (data: src/x/data.csv)");
  });

  it("prefers an explicit source prop for inline data", () => {
    expect(() =>
      chartFromProps("bar", { title: "T", x: "a", y: "missing", data: [{ a: "x" }], source: "src/posts/foo.mdx" }, INLINE),
    ).toThrow('Chart data error in src/posts/foo.mdx: column "missing" does not exist');
  });

  it("names the chart and source for an annotation that does not fit the axis", () => {
    expect(() =>
      chartFromProps(
        "bar",
        {
          title: "Visits",
          x: "k",
          y: "v",
          data: [{ k: "a", v: 1 }],
          annotations: [{ type: "point", x: "zzz", y: 1, label: "Peak" }],
        },
        INLINE,
      ),
    ).toThrow(`Chart "Visits" (${INLINE}): annotation "Peak" refers to x "zzz", which is not a category in column "k"`);
  });

  it("renders both variants and the table", () => {
    const chart = chartFromProps("line", { title: "T", x: "year", y: ["online", "store"], data: rows }, INLINE);
    expect(chart.svg.compact).toContain("chart-svg--compact");
    expect(chart.svg.wide).toContain("chart-svg--wide");
    expect(chart.table).toContain("<table");
  });
});
