import { title } from "./prose.ts";
import type { Random } from "./random.ts";

/** A chart as a post embeds it: one of the blog's three chart components with inline data. */
export interface ChartPlan {
  kind: "line" | "bar" | "scatter";
  title: string;
  x: string;
  y: string[];
  rows: Record<string, number | string>[];
}

const COMPONENT = { line: "LineChart", bar: "BarChart", scatter: "ScatterChart" } as const;
const SERIES = ["desktop", "mobile", "tablet"];
const CATEGORIES = [
  "north",
  "south",
  "east",
  "west",
  "central",
  "coast",
  "valley",
  "hills",
  "plains",
  "islands",
  "delta",
  "ridge",
];

const round = (value: number) => Math.round(value * 10) / 10;

export function chartPlan(random: Random): ChartPlan {
  const kind = random.weighted(["line", "bar", "scatter"] as const, [5, 3, 2]);
  const chartTitle = title(random);
  if (kind === "line") {
    const y = SERIES.slice(0, random.int(1, 3));
    const start = random.int(1990, 2010);
    let level = random.int(10, 100);
    const rows = Array.from({ length: random.int(12, 40) }, (_, i) => {
      level = Math.max(1, level + random.normal() * 8);
      return Object.fromEntries([["year", start + i], ...y.map((name, k) => [name, round(level * (1 + k * 0.3))])]);
    });
    return { kind, title: chartTitle, x: "year", y, rows };
  }
  if (kind === "bar") {
    const y = SERIES.slice(0, random.int(1, 2));
    const rows = CATEGORIES.slice(0, random.int(4, 12)).map((region) =>
      Object.fromEntries([["region", region], ...y.map((name) => [name, random.int(5, 500)])]),
    );
    return { kind, title: chartTitle, x: "region", y, rows };
  }
  const slope = random.next() * 2;
  const rows = Array.from({ length: random.int(20, 80) }, () => {
    const weight = round(random.int(45, 110) + random.next());
    return { weight, height: round(120 + weight * slope + random.normal() * 8) };
  });
  return { kind, title: chartTitle, x: "weight", y: ["height"], rows };
}

/** The chart as MDX: what an author writes in a `.mdx` post. */
export function chartMdx(chart: ChartPlan): string {
  const y = chart.kind === "scatter" ? `"${chart.y[0]}"` : `{${JSON.stringify(chart.y)}}`;
  return `<${COMPONENT[chart.kind]} data={${JSON.stringify(chart.rows)}} title="${chart.title}" x="${chart.x}" y=${y} />`;
}

/** The same chart as plain text, for a Markdown-only build that has no chart components. */
export function chartPlainText(chart: ChartPlan): string {
  return `Chart: ${chart.title} (${chart.rows.length} rows of ${chart.y.join(", ")} by ${chart.x}).`;
}
