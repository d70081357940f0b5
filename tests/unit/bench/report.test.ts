import { describe, expect, it } from "vitest";
import { parseBuildLog, type BuildLog } from "../../../bench/lib/build-log.ts";
import { bytes, markdownTable, seconds, signedSeconds, times } from "../../../bench/lib/format.ts";
import {
  computeRatios,
  evaluateTargets,
  formatReport,
  imagesRendered,
  postsPerSecond,
  ratio,
  targetsFor,
  TARGETS,
  type BenchReport,
  type BuildMeasurement,
} from "../../../bench/lib/report.ts";

function buildLog(pageRenderingMs: number, imagesRendered = 0, og?: [number, number]): BuildLog {
  return {
    ...parseBuildLog([]),
    pageRenderingMs,
    images: { rendered: imagesRendered, reused: 0, revalidated: 0 },
    integrationCaches: og ? [{ label: "og", rendered: og[0], reused: og[1] }] : [],
  };
}

function build(
  project: "blog" | "reference",
  state: "cold" | "warm",
  wallMs: number,
  log: BuildLog,
  peakRssBytes: number | null = 5e8,
): BuildMeasurement {
  return {
    project,
    state,
    exitCode: 0,
    wallMs,
    cpuMs: wallMs * 1.5,
    posts: 100,
    peakRssBytes,
    peakAtMs: null,
    distBytes: 1e6,
    log,
    typicalPage: null,
  };
}

const passing = [
  build("blog", "cold", 20_000, buildLog(5000, 50)),
  build("blog", "warm", 6000, buildLog(2600, 0, [0, 100])),
  build("reference", "cold", 10_000, buildLog(4000, 20)),
  build("reference", "warm", 5000, buildLog(2000)),
];

describe("ratios", () => {
  it("divides ours by the reference's, cold with cold and warm with warm", () => {
    expect(computeRatios(passing)).toEqual({
      cold: 2,
      warm: 1.2,
      pageRenderingCold: 1.25,
      pageRenderingWarm: 1.3,
      cpuCold: 2,
      cpuWarm: 1.2,
    });
  });

  it("has no ratio without both figures", () => {
    expect(ratio(null, 3)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(computeRatios(passing.slice(0, 2)).cold).toBeNull();
  });

  it("turns wall time into posts per second", () => {
    expect(postsPerSecond(passing[0] as BuildMeasurement)).toBe(5);
  });
});

describe("evaluateTargets", () => {
  const verdicts = (builds: BuildMeasurement[]) => evaluateTargets(builds, computeRatios(builds)).map((target) => target.pass);

  it("passes a build inside every target, limits included", () => {
    expect(verdicts(passing)).toEqual([true, true, true, true, true, true]);
  });

  it("fails a warm build that re-renders social cards, even with every Astro image reused", () => {
    const builds = passing.map((entry) =>
      entry.project === "blog" && entry.state === "warm" ? { ...entry, log: buildLog(2600, 0, [3, 97]) } : entry,
    );
    expect(imagesRendered(builds[1]?.log as BuildLog)).toBe(3);
    expect(verdicts(builds)[2]).toBe(false);
  });

  it("fails the targets whose figures are over their limits, and only those", () => {
    const slow = passing.map((entry) =>
      entry.project === "blog" ? { ...entry, wallMs: entry.wallMs * 2, peakRssBytes: 2e9, exitCode: 1 } : entry,
    );
    expect(verdicts(slow)).toEqual([false, false, true, false, true, false]);
  });

  it("says unknown when a figure is missing, rather than pass", () => {
    const noMemory = passing.map((entry) => ({ ...entry, peakRssBytes: null }));
    expect(verdicts(noMemory)[5]).toBeNull();
    expect(verdicts(passing.slice(0, 2))[1]).toBeNull();
  });
});

describe("text-only targets", () => {
  const evaluate = (builds: BuildMeasurement[], posts: number) =>
    evaluateTargets(builds, computeRatios(builds), targetsFor("text-only", posts));

  it("keeps the full corpus's targets for the full corpus", () => {
    expect(targetsFor("full", 10_000)).toBe(TARGETS);
  });

  it("allows a cold build 4× the reference from 10,000 posts, 3× below", () => {
    const cold = passing.map((entry) =>
      entry.project === "blog" && entry.state === "cold" ? { ...entry, wallMs: 35_000 } : entry,
    );
    expect(evaluate(cold, 9999)[3]).toMatchObject({ limit: "≤ 3.00×", measured: "3.50×", pass: false });
    expect(evaluate(cold, 10_000)[3]).toMatchObject({ limit: "≤ 4.00×", measured: "3.50×", pass: true });
  });

  it("holds peak memory to 1.5× the reference's highest peak, limit included", () => {
    const memory = (blog: number, reference: number) =>
      passing.map((entry) => ({ ...entry, peakRssBytes: entry.project === "blog" ? blog : reference }));
    expect(evaluate(memory(3e9, 2e9), 10_000)[5]).toEqual({
      target: "Peak memory (blog builds) vs reference",
      limit: "≤ 1.50×",
      measured: "1.50× (3.00 GB / 2.00 GB)",
      pass: true,
    });
    expect(evaluate(memory(3.1e9, 2e9), 10_000)[5]?.pass).toBe(false);
    expect(evaluate(memory(3e9, 0), 10_000)[5]?.pass).toBeNull();
  });
});

describe("formatting", () => {
  it("prints units the way the tables show them", () => {
    expect(seconds(1234)).toBe("1.23 s");
    expect(seconds(61_000)).toBe("61.0 s");
    expect(seconds(null)).toBe("n/a");
    expect(signedSeconds(-500)).toBe("−0.50 s");
    expect(bytes(1_500_000_000)).toBe("1.50 GB");
    expect(bytes(2048)).toBe("2.0 kB");
    expect(times(1.234)).toBe("1.23×");
  });

  it("writes Markdown tables with pipes escaped", () => {
    expect(markdownTable(["a", "b"], [["1", "x|y"]])).toBe("| a | b |\n| --- | --- |\n| 1 | x\\|y |");
  });

  it("reports every build, phase and target, with n/a for phases a build lacks", () => {
    const report: BenchReport = {
      command: "npm run bench",
      startedAt: "2026-01-01T00:00:00.000Z",
      machine: { cpus: 2, node: "24.0.0", astro: "7.0.0", memoryBytes: 8e9 },
      seed: 1,
      corpusKind: "text-only",
      corpus: {
        posts: 100,
        wordsMedian: 350,
        wordsMax: 2000,
        withCode: 20,
        withCover: 20,
        withBodyImages: 30,
        withCharts: 10,
        folderPosts: 40,
        tags: 40,
        firstDate: "2015-01-01",
        lastDate: "2025-12-31",
      },
      typicalPost: { slug: "typical", words: 510, code: true, image: true },
      builds: passing,
      ratios: computeRatios(passing),
      targets: evaluateTargets(passing, computeRatios(passing)),
    };
    const text = formatReport(report);
    for (const name of ["blog cold", "blog warm", "reference cold", "reference warm"]) expect(text).toContain(`| ${name} |`);
    expect(text).toContain("| blog warm | 6.00 s | 16.7 | 9.00 s |");
    expect(text).toContain("| 1.20×, 1.20× |");
    expect(text).toMatch(/\| Page rendering \| 5\.00 s \| 2\.60 s \| 4\.00 s \| 2\.00 s \| 1\.25× \| 1\.30× \|/);
    expect(text).toMatch(/\| {2}Search index \(all phases\)|\| Search index \(all phases\) \| n\/a/);
    expect(text).toContain("| Warm build vs reference | ≤ 1.50× | 1.20× | pass |");
    expect(text).toContain("Typical post: `typical`, 510 words, code block, image.");
    expect(text).toContain("Corpus (seed 1, text-only): 100 posts");
  });
});
