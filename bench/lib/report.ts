import { phaseAt, type BuildLog, type RouteGroup } from "./build-log.ts";
import type { CorpusKind, CorpusSummary } from "./corpus.ts";
import { bytes, count, markdownTable, NA, seconds, times } from "./format.ts";
import type { PageWeight } from "./page-weight.ts";

export type ProjectName = "blog" | "reference";
export type CacheState = "cold" | "warm";

export interface BuildMeasurement {
  project: ProjectName;
  state: CacheState;
  exitCode: number;
  wallMs: number;
  /** User plus system CPU time of the build, or null where it cannot be read. */
  cpuMs: number | null;
  posts: number;
  /** RSS of the whole astro process tree at its highest, or null where it cannot be read. */
  peakRssBytes: number | null;
  /** When the sampled peak happened, ms after start. */
  peakAtMs: number | null;
  distBytes: number;
  log: BuildLog;
  /** The typical post's page in this build, or null when the build did not produce it. */
  typicalPage: PageWeight | null;
}

export interface Targets {
  coldRatio: number;
  warmRatio: number;
  pageRenderingRatio: number;
  /** The blog's peak RSS, either in bytes or as a multiple of the reference's peak. */
  peakRss: { bytes: number } | { ratio: number };
  warmImagesRendered: number;
}

/** The product's targets for the blog's build against a bare Astro build of the same posts. */
export const TARGETS: Targets = {
  coldRatio: 3,
  warmRatio: 1.5,
  pageRenderingRatio: 1.3,
  peakRss: { bytes: 1.5e9 },
  warmImagesRendered: 0,
};

/** Posts from which the text-only corpus counts as a large blog, with its own cold-build target. */
const LARGE_BLOG_POSTS = 10_000;

/**
 * The text-only corpus has targets of its own: at 10,000 posts a cold build
 * may take up to 4× the reference, and memory is held to the reference's,
 * since what a bare build needs grows with the blog too.
 */
export function targetsFor(kind: CorpusKind, posts: number): Targets {
  if (kind === "full") return TARGETS;
  return { ...TARGETS, coldRatio: posts >= LARGE_BLOG_POSTS ? 4 : 3, peakRss: { ratio: 1.5 } };
}

export interface Ratios {
  cold: number | null;
  warm: number | null;
  pageRenderingCold: number | null;
  pageRenderingWarm: number | null;
  /** Not a target; a check on the wall-time ratios when the machine is shared. */
  cpuCold: number | null;
  cpuWarm: number | null;
}

export interface TargetResult {
  target: string;
  limit: string;
  measured: string;
  /** null when a figure it needs is missing, which is not a pass. */
  pass: boolean | null;
}

export interface BenchReport {
  command: string;
  startedAt: string;
  machine: { cpus: number; node: string; astro: string; memoryBytes: number };
  seed: number;
  corpusKind: CorpusKind;
  corpus: CorpusSummary;
  typicalPost: { slug: string; words: number; code: boolean; image: boolean } | null;
  builds: BuildMeasurement[];
  ratios: Ratios;
  targets: TargetResult[];
}

export function ratio(ours: number | null, reference: number | null): number | null {
  return ours === null || reference === null || reference <= 0 ? null : ours / reference;
}

export function postsPerSecond(build: BuildMeasurement): number {
  return build.wallMs > 0 ? build.posts / (build.wallMs / 1000) : 0;
}

function find(builds: readonly BuildMeasurement[], project: ProjectName, state: CacheState) {
  return builds.find((build) => build.project === project && build.state === state);
}

export function computeRatios(builds: readonly BuildMeasurement[]): Ratios {
  const pair = (state: CacheState, figure: (build: BuildMeasurement) => number | null) => {
    const ours = find(builds, "blog", state);
    const reference = find(builds, "reference", state);
    return ours && reference ? ratio(figure(ours), figure(reference)) : null;
  };
  return {
    cold: pair("cold", (build) => build.wallMs),
    warm: pair("warm", (build) => build.wallMs),
    pageRenderingCold: pair("cold", (build) => build.log.pageRenderingMs),
    pageRenderingWarm: pair("warm", (build) => build.log.pageRenderingMs),
    cpuCold: pair("cold", (build) => build.cpuMs),
    cpuWarm: pair("warm", (build) => build.cpuMs),
  };
}

const atMost = (value: number | null, limit: number) => (value === null ? null : value <= limit);

/** Images Astro optimised plus whatever integrations report rendering (social cards). */
export function imagesRendered(log: BuildLog): number {
  return log.images.rendered + log.integrationCaches.reduce((sum, entry) => sum + entry.rendered, 0);
}

function imageCounts(log: BuildLog): string {
  const astro = `${log.images.rendered} / ${log.images.reused + log.images.revalidated}`;
  return [astro, ...log.integrationCaches.map((entry) => `[${entry.label}] ${entry.rendered} / ${entry.reused}`)].join(", ");
}

function peakRss(builds: readonly BuildMeasurement[], project: ProjectName): number | null {
  const peaks = builds.filter((build) => build.project === project).map((build) => build.peakRssBytes);
  return peaks.length && peaks.every((value) => value !== null) ? Math.max(...(peaks as number[])) : null;
}

function peakRssTarget(builds: readonly BuildMeasurement[], limit: Targets["peakRss"]): TargetResult {
  const peak = peakRss(builds, "blog");
  if ("bytes" in limit) {
    return {
      target: "Peak memory (blog builds)",
      limit: `≤ ${bytes(limit.bytes)}`,
      measured: bytes(peak),
      pass: atMost(peak, limit.bytes),
    };
  }
  const reference = peakRss(builds, "reference");
  const multiple = ratio(peak, reference);
  return {
    target: "Peak memory (blog builds) vs reference",
    limit: `≤ ${times(limit.ratio)}`,
    measured: `${times(multiple)} (${bytes(peak)} / ${bytes(reference)})`,
    pass: atMost(multiple, limit.ratio),
  };
}

export function evaluateTargets(builds: readonly BuildMeasurement[], ratios: Ratios, targets: Targets = TARGETS): TargetResult[] {
  const warm = find(builds, "blog", "warm");
  const rendered = warm ? imagesRendered(warm.log) : null;
  const failed = builds.filter((build) => build.exitCode !== 0);
  const worstPages =
    ratios.pageRenderingCold === null || ratios.pageRenderingWarm === null
      ? null
      : Math.max(ratios.pageRenderingCold, ratios.pageRenderingWarm);
  return [
    {
      target: "Every build succeeds",
      limit: "exit code 0",
      measured: failed.length ? failed.map((build) => `${build.project} ${build.state}: ${build.exitCode}`).join(", ") : "all 0",
      pass: failed.length === 0,
    },
    {
      target: "Warm build vs reference",
      limit: `≤ ${times(targets.warmRatio)}`,
      measured: times(ratios.warm),
      pass: atMost(ratios.warm, targets.warmRatio),
    },
    {
      target: "Images re-rendered in warm build",
      limit: `${targets.warmImagesRendered}`,
      measured: warm ? `${rendered} (rendered / reused: ${imageCounts(warm.log)})` : NA,
      pass: atMost(rendered, targets.warmImagesRendered),
    },
    {
      target: "Cold build vs reference",
      limit: `≤ ${times(targets.coldRatio)}`,
      measured: times(ratios.cold),
      pass: atMost(ratios.cold, targets.coldRatio),
    },
    {
      target: "Page rendering vs reference (cold, warm)",
      limit: `≤ ${times(targets.pageRenderingRatio)}`,
      measured: `${times(ratios.pageRenderingCold)}, ${times(ratios.pageRenderingWarm)}`,
      pass: atMost(worstPages, targets.pageRenderingRatio),
    },
    peakRssTarget(builds, targets.peakRss),
  ];
}

export function verdict(pass: boolean | null): string {
  return pass === null ? "unknown" : pass ? "pass" : "FAIL";
}

const BUILD_ORDER: readonly [ProjectName, CacheState][] = [
  ["blog", "cold"],
  ["blog", "warm"],
  ["reference", "cold"],
  ["reference", "warm"],
];

function ordered(builds: readonly BuildMeasurement[]): BuildMeasurement[] {
  return BUILD_ORDER.flatMap(([project, state]) => find(builds, project, state) ?? []);
}

const name = (build: BuildMeasurement) => `${build.project} ${build.state}`;

const ROUTE_LABELS: Record<RouteGroup, string> = {
  post: "post pages",
  tag: "tag pages",
  page: "other pages (home, archive, search, 404…)",
  feed: "feeds",
  socialCard: "social cards",
  search: "search index files",
  file: "other files (robots.txt…)",
};

type Figure = (log: BuildLog) => number | null;

/** Below this the reference's phase is rounding noise, and a ratio to it means nothing. */
const TINY_PHASE_MS = 50;

function phaseRows(builds: readonly BuildMeasurement[]): string[][] {
  const rows: { label: string; figure: Figure; detail?: (log: BuildLog) => string }[] = [
    { label: "Startup (Node, Astro, config)", figure: (log) => log.startupMs },
    { label: "Content sync", figure: (log) => log.contentSyncMs },
    { label: "Types and build info", figure: (log) => log.setupMs },
    { label: "Bundling (Vite)", figure: (log) => log.bundleMs },
    { label: "Page rendering", figure: (log) => log.pageRenderingMs },
    { label: "  before the first route (getStaticPaths, data)", figure: (log) => log.routeSetupMs },
    ...(Object.keys(ROUTE_LABELS) as RouteGroup[]).map((group) => ({
      label: `  ${ROUTE_LABELS[group]}`,
      figure: (log: BuildLog) => (log.routes[group].count ? log.routes[group].ms : null),
      detail: (log: BuildLog) => {
        const { count, reused } = log.routes[group];
        if (!count) return "";
        return reused ? ` (${count}, ${reused} reused)` : ` (${count})`;
      },
    })),
    {
      // Astro renders Markdown during sync unless a loader defers it (the blog's does), so only the sum compares like with like.
      label: "Content sync + page rendering",
      figure: (log) =>
        log.contentSyncMs === null || log.pageRenderingMs === null ? null : log.contentSyncMs + log.pageRenderingMs,
    },
    { label: "Image optimisation", figure: (log) => log.imagesMs },
    { label: "Post-build hooks", figure: (log) => log.postBuildMs },
    { label: "Social cards (all phases)", figure: (log) => log.later.socialCards },
    { label: "Feeds (all phases)", figure: (log) => log.later.feeds },
    { label: "Search index (all phases)", figure: (log) => log.later.searchIndex },
    { label: "Sitemap", figure: (log) => log.later.sitemap },
  ];
  const labels = [...new Set(builds.flatMap((build) => build.log.otherLabelled.map((entry) => entry.label)))];
  for (const label of labels) {
    rows.push({ label: `[${label}]`, figure: (log) => log.otherLabelled.find((entry) => entry.label === label)?.ms ?? null });
  }
  const pair = (state: CacheState) => [find(builds, "blog", state), find(builds, "reference", state)] as const;
  return rows.map(({ label, figure, detail }) => {
    const value = (build: BuildMeasurement | undefined) => (build ? figure(build.log) : null);
    const ratioFor = (state: CacheState) => {
      const [ours, reference] = pair(state);
      const base = value(reference);
      return base !== null && base < TINY_PHASE_MS ? "—" : times(ratio(value(ours), base));
    };
    return [
      label,
      ...ordered(builds).map((build) => {
        const ms = figure(build.log);
        return ms === null ? NA : `${seconds(ms)}${detail?.(build.log) ?? ""}`;
      }),
      ratioFor("cold"),
      ratioFor("warm"),
    ];
  });
}

export function formatReport(report: BenchReport): string {
  const builds = ordered(report.builds);
  const referenceOf = (build: BuildMeasurement) =>
    build.project === "blog" ? find(report.builds, "reference", build.state) : undefined;
  const summary = markdownTable(
    [
      "Build",
      "Wall time",
      "Posts/s",
      "CPU time",
      "Peak RSS (during)",
      "dist size",
      "Pages",
      "Images rendered / reused",
      "Warnings",
      "vs reference: wall, CPU",
    ],
    builds.map((build) => {
      const reference = referenceOf(build);
      return [
        name(build),
        seconds(build.wallMs),
        postsPerSecond(build).toFixed(1),
        seconds(build.cpuMs),
        `${bytes(build.peakRssBytes)}${build.peakAtMs === null ? "" : ` (${phaseAt(build.log, build.peakAtMs)})`}`,
        bytes(build.distBytes),
        count(build.log.pagesBuilt),
        imageCounts(build.log),
        String(build.log.warnings),
        reference ? `${times(ratio(build.wallMs, reference.wallMs))}, ${times(ratio(build.cpuMs, reference.cpuMs))}` : "",
      ];
    }),
  );
  const phases = markdownTable(["Phase", ...builds.map(name), "cold ratio", "warm ratio"], phaseRows(report.builds));
  const weightBuilds = builds.filter((build) => build.state === "cold");
  const weight = markdownTable(
    ["Typical post page", ...weightBuilds.map((build) => build.project)],
    (
      [
        ["HTML + CSS, gzipped", (page) => bytes(page.htmlCssGzip)],
        ["  HTML gzipped / raw", (page) => `${bytes(page.htmlGzip)} / ${bytes(page.htmlBytes)}`],
        ["  CSS gzipped / raw", (page) => `${bytes(page.cssGzip)} / ${bytes(page.cssBytes)} (${page.stylesheets} files)`],
        ["JavaScript gzipped / raw", (page) => `${bytes(page.jsGzip)} / ${bytes(page.jsBytes)} (${page.scripts} scripts)`],
      ] as [string, (page: PageWeight) => string][]
    ).map(([label, cell]) => [label, ...weightBuilds.map((build) => (build.typicalPage ? cell(build.typicalPage) : NA))]),
  );
  const targets = markdownTable(
    ["Target", "Limit", "Measured", "Result"],
    report.targets.map((target) => [target.target, target.limit, target.measured, verdict(target.pass)]),
  );
  const { corpus } = report;
  const typical = report.typicalPost
    ? `Typical post: \`${report.typicalPost.slug}\`, ${report.typicalPost.words} words${report.typicalPost.code ? ", code block" : ""}${report.typicalPost.image ? ", image" : ""}.`
    : "Typical post: none found.";
  return [
    `# Build benchmark`,
    "",
    `\`${report.command}\` — ${report.startedAt}, ${report.machine.cpus} CPUs, ${bytes(report.machine.memoryBytes)} RAM, Node ${report.machine.node}, Astro ${report.machine.astro}.`,
    "",
    `Corpus (seed ${report.seed}, ${report.corpusKind}): ${corpus.posts} posts, median ${corpus.wordsMedian} words (max ${corpus.wordsMax}); ` +
      `${corpus.withCode} with code, ${corpus.withCover} with a cover, ${corpus.withBodyImages} with body images, ` +
      `${corpus.withCharts} with a chart (MDX); ${corpus.folderPosts} folder posts; ${corpus.tags} tags; ${corpus.firstDate} to ${corpus.lastDate}.`,
    "",
    summary,
    "",
    phases,
    "",
    `Phases are timed from Astro's log lines as they arrive; no ratio (—) where the reference spends under ${TINY_PHASE_MS} ms.`,
    "",
    typical,
    "",
    weight,
    "",
    targets,
    "",
  ].join("\n");
}
