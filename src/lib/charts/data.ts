import { z } from "astro/zod";
import { parseNumeric } from "./csv.ts";
import { dataModuleSchema, type ChartSpec } from "./schema.ts";

export type Row = Record<string, unknown>;

export interface Dataset {
  /** Where the rows came from, for error messages: a file path or "inline data in …". */
  source: string;
  rows: readonly Row[];
}

export type XType = "number" | "date" | "category";

export interface Datum {
  /** Numeric x (epoch milliseconds for dates) or the category label. */
  x: number | string;
  /** undefined marks a gap (empty cell). */
  y: number | undefined;
  /** 1-based row number in the source data. */
  row: number;
}

export interface Series {
  /** The y column (wide data) or the series column's value (long data). */
  key: string;
  points: Datum[];
}

export interface PreparedData {
  xType: XType;
  series: Series[];
  /** Category labels in first-appearance order (category and bar x only). */
  categories: string[];
  /** Columns the chart reads, in table order. */
  columns: string[];
}

export class ChartDataError extends Error {
  override name = "ChartDataError";
}

const rowsSchema = z.array(z.record(z.string(), z.unknown()));

function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

/**
 * Normalises chart data to `{ source, rows }`: accepts a CSV module (which
 * carries its own path), or inline/imported-JSON rows named by `source`.
 */
export function dataset(input: unknown, source = "inline data"): Dataset {
  const module = dataModuleSchema.safeParse(input);
  if (module.success) return module.data;
  const rows = rowsSchema.safeParse(input);
  if (rows.success) return { source, rows: rows.data };
  const index = rows.error.issues[0]?.path[0];
  const problem =
    typeof index === "number"
      ? `row ${index + 1} is ${describeValue((input as unknown[])[index])}, expected an object of column values`
      : `expected an array of row objects or an imported CSV, found ${describeValue(input)}`;
  throw new ChartDataError(`Chart data error in ${source}: ${problem}`);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** ISO 8601 calendar dates, year-months and bare years, read as UTC so builds do not depend on the machine's zone. */
export function parseDate(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? Date.UTC(value, 0, 1) : undefined;
  if (typeof value !== "string") return undefined;
  const match = DATE_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, year, month = "01", day = "01", hour, minute, second = "0", zone] = match;
  if (hour !== undefined) {
    const iso = `${year}-${month}-${day}T${hour}:${minute}:${second.padStart(2, "0")}${zone ?? "Z"}`;
    const time = Date.parse(iso);
    return Number.isNaN(time) ? undefined : time;
  }
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const check = new Date(time);
  const valid = check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day);
  return valid ? time : undefined;
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") return parseNumeric(value);
  return undefined;
}

function toLabel(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * A cell reader as a Zod schema, so a row schema can be assembled per chart
 * and every problem comes back with its [row, column] path. `read` gives the
 * cell's value or undefined; `problem` says what is wrong with the cell. With
 * `emptyIsGap`, an empty cell is a gap in the series rather than an error.
 */
function cellReader<T>(
  read: (value: unknown) => T | undefined,
  problem: (value: unknown) => string,
  options: { emptyIsGap?: boolean } = {},
) {
  return z.unknown().transform((value, ctx) => {
    if (options.emptyIsGap && isBlank(value)) return undefined;
    const result = read(value);
    if (result !== undefined) return result;
    ctx.addIssue({ code: "custom", message: problem(value) });
    return z.NEVER;
  });
}

const requiredNumber = cellReader(toNumber, (value) =>
  isBlank(value) ? "the cell is empty but a number is needed" : `expected a number, found ${describeValue(value)}`,
);

const optionalNumber = cellReader(
  toNumber,
  (value) => {
    const hint = typeof value === "string" && /\d,\d/.test(value) ? " (remove thousands separators)" : "";
    return `expected a number, found ${describeValue(value)}${hint}`;
  },
  { emptyIsGap: true },
);

const requiredDate = cellReader(
  parseDate,
  (value) => `expected an ISO date such as "2024-03-01", "2024-03" or "2024", found ${describeValue(value)}`,
);

const requiredLabel = cellReader(toLabel, (value) =>
  isBlank(value) ? "the cell is empty but a label is needed" : `expected text, found ${describeValue(value)}`,
);

function fail(data: Dataset, message: string): never {
  throw new ChartDataError(`Chart data error in ${data.source}: ${message}`);
}

function yColumns(spec: ChartSpec): string[] {
  return Array.isArray(spec.y) ? spec.y : [spec.y];
}

function xTypeOf(spec: ChartSpec): XType {
  if (spec.kind === "bar") return "category";
  if (spec.kind === "line") return spec.xType;
  return "number";
}

/**
 * Checks the rows against the columns the spec names and turns them into
 * series. Errors name the data source, the column and (for bad cells) the
 * 1-based row number.
 */
export function prepareData(spec: ChartSpec, data: Dataset): PreparedData {
  if (data.rows.length === 0) fail(data, "there are no rows");

  const xType = xTypeOf(spec);
  const ys = yColumns(spec);
  const columns = [spec.x, ...(spec.series === undefined ? [] : [spec.series]), ...ys];

  const available = new Set(data.rows.flatMap((row) => Object.keys(row)));
  for (const name of columns) {
    if (!available.has(name)) {
      fail(data, `column "${name}" does not exist (columns: ${[...available].map((c) => `"${c}"`).join(", ")})`);
    }
  }

  const xReader = xType === "number" ? requiredNumber : xType === "date" ? requiredDate : requiredLabel;
  const shape: Record<string, z.ZodType> = { [spec.x]: xReader };
  if (spec.series !== undefined) shape[spec.series] = requiredLabel;
  for (const name of ys) shape[name] = spec.kind === "scatter" ? requiredNumber : optionalNumber;
  const rowSchema = z.looseObject(shape);

  const parsed = data.rows.map((row, index) => {
    const result = rowSchema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      const name = String(issue?.path[0] ?? "");
      fail(data, `row ${index + 1}, column "${name}": ${issue?.message ?? "invalid value"}`);
    }
    return result.data as Record<string, number | string | undefined>;
  });

  const categories: string[] = [];
  if (xType === "category") {
    for (const row of parsed) {
      const label = row[spec.x] as string;
      if (!categories.includes(label)) categories.push(label);
    }
  }

  const series = new Map<string, Series>();
  const seriesFor = (key: string) => {
    let entry = series.get(key);
    if (!entry) {
      entry = { key, points: [] };
      series.set(key, entry);
    }
    return entry;
  };
  if (spec.series === undefined) for (const name of ys) seriesFor(name);

  parsed.forEach((row, index) => {
    const x = row[spec.x] as number | string;
    if (spec.series === undefined) {
      for (const name of ys) seriesFor(name).points.push({ x, y: row[name] as number | undefined, row: index + 1 });
    } else {
      const key = row[spec.series] as string;
      seriesFor(key).points.push({ x, y: row[ys[0] as string] as number | undefined, row: index + 1 });
    }
  });

  for (const entry of series.values()) {
    if (entry.points.every((point) => point.y === undefined)) {
      const where = spec.series === undefined ? `column "${entry.key}"` : `series "${entry.key}" (column "${spec.series}")`;
      fail(data, `${where} has no values`);
    }
  }

  if (spec.kind === "bar") {
    for (const entry of series.values()) {
      const seen = new Map<string | number, number>();
      for (const point of entry.points) {
        const first = seen.get(point.x);
        if (first !== undefined) {
          const within = spec.series === undefined ? "" : ` for series "${entry.key}"`;
          fail(
            data,
            `row ${point.row}, column "${spec.x}": "${point.x}" repeats row ${first}${within}; each bar needs its own category`,
          );
        }
        seen.set(point.x, point.row);
      }
    }
  }

  if (spec.kind === "line" && xType !== "category") {
    for (const entry of series.values()) entry.points.sort((a, b) => (a.x as number) - (b.x as number));
  }

  return { xType, series: [...series.values()], categories, columns };
}
