import { bytes, markdownTable, seconds, signedSeconds } from "./format.ts";
import { verdict, type CacheState, type TargetResult } from "./report.ts";

/**
 * "A post with 50 charts adds no more than 2 s to a cold build and nothing
 * measurable to a warm one": the same corpus built with the chart post and
 * with the same post stripped of its charts, several times each, compared
 * by median. On a shared machine wall time swings with other people's work,
 * so "measurable" is judged on what the charts cost directly: the render
 * time Astro logs for post pages and feeds (the chart post is in both). A
 * delta larger than the spread between repeats counts as measurable.
 */

export type ChartsVariant = "with" | "without";

export interface ChartsRun {
  variant: ChartsVariant;
  state: CacheState;
  repeat: number;
  exitCode: number;
  wallMs: number;
  cpuMs: number | null;
  pageRenderingMs: number | null;
  /** Render time of every post page, and of every feed route, as Astro logged them. */
  postPagesMs: number;
  feedsMs: number;
}

export const CHARTS_TARGETS = { coldDeltaMs: 2000 } as const;

export interface Delta {
  withMedianMs: number | null;
  withoutMedianMs: number | null;
  deltaMs: number | null;
  /** Largest max−min among the repeats of either variant; null with fewer than two repeats. */
  noiseMs: number | null;
}

export interface DeltaSummary {
  wall: Delta;
  cpu: Delta;
  /** Post pages plus feeds, the routes that render the chart post. */
  chartRoutes: Delta;
  pageRenderingDeltaMs: number | null;
  postPagesDeltaMs: number | null;
  feedsDeltaMs: number | null;
}

export interface ChartsReport {
  command: string;
  startedAt: string;
  charts: number;
  posts: number;
  repeats: number;
  runs: ChartsRun[];
  cold: DeltaSummary;
  warm: DeltaSummary;
  /** The chart post's HTML with and without its charts. */
  pageBytes: Record<ChartsVariant, number | null>;
  targets: TargetResult[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function spread(values: readonly number[]): number | null {
  return values.length < 2 ? null : Math.max(...values) - Math.min(...values);
}

const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

export function summariseDelta(runs: readonly ChartsRun[], state: CacheState): DeltaSummary {
  const pick = (variant: ChartsVariant) =>
    runs.filter((run) => run.state === state && run.variant === variant && run.exitCode === 0);
  const withRuns = pick("with");
  const withoutRuns = pick("without");
  const delta = (figure: (run: ChartsRun) => number | null): Delta => {
    const values = (list: readonly ChartsRun[]) => list.flatMap((run) => figure(run) ?? []);
    const withValues = values(withRuns);
    const withoutValues = values(withoutRuns);
    // A figure missing from some runs would make medians of different builds; none is better than a wrong one.
    const complete = withValues.length === withRuns.length && withoutValues.length === withoutRuns.length;
    const withMedianMs = complete ? median(withValues) : null;
    const withoutMedianMs = complete ? median(withoutValues) : null;
    const noises = [spread(withValues), spread(withoutValues)];
    return {
      withMedianMs,
      withoutMedianMs,
      deltaMs: difference(withMedianMs, withoutMedianMs),
      noiseMs: !complete || noises.some((noise) => noise === null) ? null : Math.max(...(noises as number[])),
    };
  };
  return {
    wall: delta((run) => run.wallMs),
    cpu: delta((run) => run.cpuMs),
    chartRoutes: delta((run) => run.postPagesMs + run.feedsMs),
    pageRenderingDeltaMs: delta((run) => run.pageRenderingMs).deltaMs,
    postPagesDeltaMs: delta((run) => run.postPagesMs).deltaMs,
    feedsDeltaMs: delta((run) => run.feedsMs).deltaMs,
  };
}

export function evaluateChartsTargets(cold: DeltaSummary, warm: DeltaSummary): TargetResult[] {
  const { deltaMs, noiseMs } = warm.chartRoutes;
  return [
    {
      target: "Cold build delta (wall)",
      limit: `≤ ${seconds(CHARTS_TARGETS.coldDeltaMs)}`,
      measured: signedSeconds(cold.wall.deltaMs),
      pass: cold.wall.deltaMs === null ? null : cold.wall.deltaMs <= CHARTS_TARGETS.coldDeltaMs,
    },
    {
      target: "Warm build delta (post page and feed rendering)",
      limit: "not measurable: ≤ run-to-run spread",
      measured: `${signedSeconds(deltaMs)} (spread ${seconds(noiseMs)})`,
      pass: deltaMs === null || noiseMs === null ? null : deltaMs <= noiseMs,
    },
  ];
}

export function formatChartsReport(report: ChartsReport): string {
  const withSpread = (delta: Delta) => `${signedSeconds(delta.deltaMs)} (±${seconds(delta.noiseMs)})`;
  const row = (label: string, summary: DeltaSummary) => [
    label,
    seconds(summary.wall.withoutMedianMs),
    seconds(summary.wall.withMedianMs),
    withSpread(summary.wall),
    withSpread(summary.cpu),
    withSpread(summary.chartRoutes),
    signedSeconds(summary.pageRenderingDeltaMs),
    signedSeconds(summary.postPagesDeltaMs),
    signedSeconds(summary.feedsDeltaMs),
  ];
  const deltas = markdownTable(
    [
      "Build",
      "Wall, without charts",
      `Wall, with ${report.charts} charts`,
      "Wall delta (spread)",
      "CPU delta (spread)",
      "Post pages + feeds delta (spread)",
      "Page rendering delta",
      "Post pages delta",
      "Feeds delta",
    ],
    [row("cold", report.cold), row("warm", report.warm)],
  );
  const runs = markdownTable(
    ["Variant", "State", "Repeat", "Wall time", "CPU time", "Page rendering", "Post pages", "Feeds", "Exit code"],
    report.runs.map((run) => [
      run.variant,
      run.state,
      String(run.repeat),
      seconds(run.wallMs),
      seconds(run.cpuMs),
      seconds(run.pageRenderingMs),
      seconds(run.postPagesMs),
      seconds(run.feedsMs),
      String(run.exitCode),
    ]),
  );
  const targets = markdownTable(
    ["Target", "Limit", "Measured", "Result"],
    report.targets.map((target) => [target.target, target.limit, target.measured, verdict(target.pass)]),
  );
  return [
    `# Chart post benchmark`,
    "",
    `\`${report.command}\` — ${report.startedAt}. One post with ${report.charts} charts in a corpus of ${report.posts} posts, ` +
      `against the same post without its charts; ${report.repeats} repeats of each, medians compared. ` +
      `The post's HTML: ${bytes(report.pageBytes.without)} without charts, ${bytes(report.pageBytes.with)} with.`,
    "",
    deltas,
    "",
    targets,
    "",
    runs,
    "",
  ].join("\n");
}
