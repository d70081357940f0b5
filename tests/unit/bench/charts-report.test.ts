import { describe, expect, it } from "vitest";
import {
  evaluateChartsTargets,
  formatChartsReport,
  median,
  summariseDelta,
  type ChartsRun,
} from "../../../bench/lib/charts-report.ts";

function run(
  variant: "with" | "without",
  state: "cold" | "warm",
  repeat: number,
  wallMs: number,
  cpuMs: number | null = wallMs,
): ChartsRun {
  return {
    variant,
    state,
    repeat,
    exitCode: 0,
    wallMs,
    cpuMs,
    pageRenderingMs: wallMs / 5,
    postPagesMs: wallMs / 10,
    feedsMs: wallMs / 20,
  };
}

const runs = [
  run("without", "cold", 1, 10_000),
  run("with", "cold", 1, 11_500),
  run("without", "cold", 2, 10_400),
  run("with", "cold", 2, 11_200),
  run("without", "warm", 1, 5000, 7000),
  run("with", "warm", 1, 5100, 7050),
  run("without", "warm", 2, 5300, 7100),
  run("with", "warm", 2, 5200, 7100),
];

describe("median", () => {
  it("takes the middle, or the mean of the two middles", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("summariseDelta", () => {
  it("compares medians and measures the spread between repeats", () => {
    expect(summariseDelta(runs, "cold")).toEqual({
      wall: { withMedianMs: 11_350, withoutMedianMs: 10_200, deltaMs: 1150, noiseMs: 400 },
      cpu: { withMedianMs: 11_350, withoutMedianMs: 10_200, deltaMs: 1150, noiseMs: 400 },
      chartRoutes: { withMedianMs: 1702.5, withoutMedianMs: 1530, deltaMs: 172.5, noiseMs: 60 },
      pageRenderingDeltaMs: 230,
      postPagesDeltaMs: 115,
      feedsDeltaMs: 57.5,
    });
  });

  it("leaves failed builds out", () => {
    const failed = [...runs, { ...run("with", "cold", 3, 1), exitCode: 1 }];
    expect(summariseDelta(failed, "cold").wall.withMedianMs).toBe(11_350);
  });

  it("has no noise figure from a single repeat", () => {
    expect(
      summariseDelta(
        runs.filter((entry) => entry.repeat === 1),
        "warm",
      ).wall.noiseMs,
    ).toBeNull();
  });

  it("has no CPU figures when some build lacks them", () => {
    const partial = runs.map((entry, index) => (index === 0 ? { ...entry, cpuMs: null } : entry));
    expect(summariseDelta(partial, "cold").cpu).toEqual({
      withMedianMs: null,
      withoutMedianMs: null,
      deltaMs: null,
      noiseMs: null,
    });
  });
});

describe("evaluateChartsTargets", () => {
  it("passes a cold delta within 2 s and a warm delta within the noise", () => {
    const targets = evaluateChartsTargets(summariseDelta(runs, "cold"), summariseDelta(runs, "warm"));
    expect(targets.map((target) => target.pass)).toEqual([true, true]);
  });

  it("fails a warm delta in the chart post's routes larger than the spread between repeats", () => {
    const slowWarm = runs.map((entry) =>
      entry.variant === "with" && entry.state === "warm" ? { ...entry, postPagesMs: entry.postPagesMs + 300 } : entry,
    );
    expect(evaluateChartsTargets(summariseDelta(slowWarm, "cold"), summariseDelta(slowWarm, "warm"))[1]?.pass).toBe(false);
  });

  it("cannot judge the warm delta from one repeat", () => {
    const single = runs.filter((entry) => entry.repeat === 1);
    expect(evaluateChartsTargets(summariseDelta(single, "cold"), summariseDelta(single, "warm"))[1]?.pass).toBeNull();
  });
});

describe("formatChartsReport", () => {
  it("shows both deltas, the targets and every run", () => {
    const cold = summariseDelta(runs, "cold");
    const warm = summariseDelta(runs, "warm");
    const text = formatChartsReport({
      command: "npm run bench -- --charts-post",
      startedAt: "2026-01-01T00:00:00.000Z",
      charts: 50,
      posts: 101,
      repeats: 2,
      runs,
      cold,
      warm,
      pageBytes: { with: 900_000, without: 40_000 },
      targets: evaluateChartsTargets(cold, warm),
    });
    expect(text).toContain(
      "| cold | 10.2 s | 11.3 s | +1.15 s (±0.40 s) | +1.15 s (±0.40 s) | +0.17 s (±0.06 s) | +0.23 s | +0.12 s | +0.06 s |",
    );
    expect(text).toContain("| Cold build delta (wall) | ≤ 2.00 s | +1.15 s | pass |");
    expect(text.match(/^\| (with|without) \| (cold|warm) \|/gm)).toHaveLength(8);
  });
});
