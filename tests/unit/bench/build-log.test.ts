import { describe, expect, it } from "vitest";
import {
  classifyLabel,
  classifyRoute,
  cleanLine,
  parseBuildLog,
  parseDuration,
  phaseAt,
  type LogLine,
} from "../../../bench/lib/build-log.ts";

/** Astro 7 output as the benchmark sees it, with each line's arrival time. */
function log(entries: [number, string][]): LogLine[] {
  return entries.map(([at, text]) => ({ at, text }));
}

const COLD = log([
  [1500, "10:04:00 [content] Syncing content"],
  [1700, "10:04:01 [content] Synced content"],
  [1702, "10:04:01 [types] Generated 891ms"],
  [1703, "10:04:01 [build] Collecting build info..."],
  [1703, "10:04:01 [build] ✓ Completed in 957ms."],
  [1710, "10:04:01 [build] Building static entrypoints..."],
  [3100, "10:04:02 [WARN] [vite] \u001b[33m[MODULE_LEVEL_DIRECTIVE] \u001b[0mThe semantics of the module level directive"],
  [3140, "10:04:02 [vite] ✓ built in 1.42s"],
  [3200, ""],
  [3200, " generating static routes "],
  [4300, "(node:18608) MaxListenersExceededWarning: Possible EventEmitter memory leak detected."],
  [5200, "[og] social cards: 41 rendered, 0 reused"],
  [5220, "10:04:04   ├─ /404.html (+9ms) "],
  [5500, "10:04:04   ├─ /feed.json (+285ms) "],
  [5506, "10:04:04   ├─ /og/feeds-notes.png (+3ms) "],
  [5510, "10:04:04   ├─ /posts/feeds-notes/index.html (+3ms) "],
  [5520, "10:04:04   ├─ /posts/static-search/index.html (+6ms) "],
  [5530, "10:04:04   ├─ /tags/astro/rss.xml (+6ms) "],
  [5540, "10:04:04   ├─ /tags/astro/index.html (+4ms) "],
  [5545, "10:04:05   ├─ /robots.txt (+1ms) "],
  [5550, "10:04:05   └─ /index.html (+3ms) "],
  [5800, "10:04:05 ✓ Completed in 2.60s."],
  [5800, ""],
  [5800, " generating optimized images "],
  [5990, "10:04:05   ▶ /_astro/figure-1.DuUy2lxo_ZkQq87.webp (before: 1200kB, after: 80kB) (+192ms) (1/3)"],
  [6020, "10:04:05   ▶ /_astro/cover.C9RXPkDv_Z2nRKgm.jpeg (before: 390kB, after: 66kB) (+32ms) (2/3)"],
  [6040, "10:04:05   ▶ /_astro/x.webp (revalidated cache entry) (+1ms) (3/3)"],
  [8900, "10:04:08 ✓ Completed in 3.11s."],
  [8910, "10:04:08 [build] ✓ Completed in 7.22s."],
  [8940, "10:04:08 [chart-images] 5 chart image(s) for feeds"],
  [8960, "10:04:08 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`"],
  [8961, "10:04:08 [build] 78 page(s) built in 8.22s"],
  [8961, "10:04:08 [build] Complete!"],
]);

describe("pages Astro's incremental build copied from the last build", () => {
  const built = parseBuildLog(
    log([
      [1000, " generating static routes "],
      [1200, "10:04:04   ├─ /404.html (+9ms) "],
      [1201, "10:04:04   ├─ /posts/feeds-notes/index.html (restored)"],
      [1204, "10:04:04   ├─ /posts/static-search/index.html (restored)"],
      [1206, "10:04:04   ├─ /tags/astro/index.html (cached)"],
      [1210, "10:04:04   └─ /posts/new-one/index.html (+5ms) "],
      [1300, "10:04:05 ✓ Completed in 0.3s."],
    ]),
  );

  it("count as routes of their kind, reused, each timed from the line before it", () => {
    expect(built.routes.post).toEqual({ count: 3, ms: 1 + 3 + 5, reused: 2 });
    expect(built.routes.tag).toEqual({ count: 1, ms: 2, reused: 1 });
    expect(built.routes.page).toEqual({ count: 1, ms: 9, reused: 0 });
  });
});

describe("the social-cards integration's line after the pages", () => {
  const built = parseBuildLog(
    log([
      [1000, " generating static routes "],
      [1200, "10:04:04   └─ /index.html (+3ms) "],
      [1300, "10:04:05 ✓ Completed in 0.3s."],
      [1300, "10:04:05 [build] ✓ Completed in 0.4s."],
      [1750, "10:04:05 [social-cards] 1001 social cards: 0 rendered, 1001 reused"],
      [1760, "10:04:05 [build] 9 page(s) built in 1.2s"],
    ]),
  );

  it("counts the cards it copied and times it from the line before", () => {
    expect(built.integrationCaches).toEqual([{ label: "social-cards", rendered: 0, reused: 1001 }]);
    expect(built.later.socialCards).toBe(450);
  });
});

describe("parseDuration", () => {
  it("reads every form Astro prints", () => {
    expect(parseDuration("80ms")).toBe(80);
    expect(parseDuration("1.41s")).toBe(1410);
    expect(parseDuration("2m 3s")).toBe(123_000);
    expect(parseDuration("soon")).toBeNull();
  });
});

describe("cleanLine", () => {
  it("drops colours, the clock and trailing space", () => {
    expect(cleanLine("10:04:02 [WARN] \u001b[33mx\u001b[0m  ")).toBe("[WARN] x");
  });
});

describe("classifyRoute", () => {
  it.each([
    ["/posts/hello/index.html", "post"],
    ["/blog/posts/hello/index.html", "post"],
    ["/posts/index.html", "page"],
    ["/posts/page/2/index.html", "page"],
    ["/tags/astro/index.html", "tag"],
    ["/tags/astro/2/index.html", "tag"],
    ["/tags/index.html", "tag"],
    ["/tags/astro/rss.xml", "feed"],
    ["/rss.xml", "feed"],
    ["/feed.json", "feed"],
    ["/og/hello.png", "socialCard"],
    ["/search/index.html", "page"],
    ["/search-index.json", "search"],
    ["/robots.txt", "file"],
    ["/index.html", "page"],
    ["/404.html", "page"],
  ])("%s is %s", (path, group) => {
    expect(classifyRoute(path)).toBe(group);
  });
});

describe("classifyLabel", () => {
  it("goes by the label, not the message", () => {
    expect(classifyLabel("@astrojs/sitemap")).toBe("sitemap");
    expect(classifyLabel("og")).toBe("socialCards");
    expect(classifyLabel("pagefind")).toBe("searchIndex");
    expect(classifyLabel("@astrojs/rss")).toBe("feeds");
    expect(classifyLabel("chart-images")).toBeUndefined();
  });
});

describe("parseBuildLog", () => {
  const parsed = parseBuildLog(COLD);

  it("times the phases between Astro's markers, preferring Astro's own durations", () => {
    expect(parsed).toMatchObject({
      startupMs: 1500,
      contentSyncMs: 200,
      setupMs: 10,
      bundleMs: 1490,
      pageRenderingMs: 2600,
      routeSetupMs: 2020,
      imagesMs: 3110,
      postBuildMs: 51,
      pagesBuilt: 78,
      astroTotalMs: 8220,
      warnings: 1,
    });
  });

  it("splits page rendering by kind of route", () => {
    expect(parsed.routes).toEqual({
      post: { count: 2, ms: 9, reused: 0 },
      tag: { count: 1, ms: 4, reused: 0 },
      page: { count: 2, ms: 12, reused: 0 },
      feed: { count: 2, ms: 291, reused: 0 },
      socialCard: { count: 1, ms: 3, reused: 0 },
      search: { count: 0, ms: 0, reused: 0 },
      file: { count: 1, ms: 1, reused: 0 },
    });
  });

  it("counts images rendered and reused, and what integrations report", () => {
    expect(parsed.images).toEqual({ rendered: 2, reused: 0, revalidated: 1 });
    expect(parsed.integrationCaches).toEqual([{ label: "og", rendered: 41, reused: 0 }]);
  });

  it("times integration work from the line before, and leaves absent phases null", () => {
    // [og] logs 2000 ms after the routes banner, before its 3 ms of routes.
    expect(parsed.later).toEqual({ socialCards: 2003, feeds: 291, searchIndex: null, sitemap: 20 });
    expect(parsed.otherLabelled).toEqual([{ label: "chart-images", ms: 30 }]);
  });

  it("places a moment of the build in its phase", () => {
    expect(phaseAt(parsed, 200)).toBe("startup");
    expect(phaseAt(parsed, 2500)).toBe("bundling");
    expect(phaseAt(parsed, 4000)).toBe("page rendering");
    expect(phaseAt(parsed, 7000)).toBe("image optimisation");
    expect(phaseAt(parsed, 8950)).toBe("post-build hooks");
    expect(phaseAt(parseBuildLog([]), 10)).toBe("startup");
  });

  it("gives null for every phase of a log it does not recognise", () => {
    const empty = parseBuildLog(log([[10, "something else entirely"]]));
    expect(empty).toMatchObject({
      startupMs: null,
      contentSyncMs: null,
      bundleMs: null,
      pageRenderingMs: null,
      routeSetupMs: null,
      imagesMs: null,
      postBuildMs: null,
      pagesBuilt: null,
      later: { socialCards: null, feeds: null, searchIndex: null, sitemap: null },
    });
  });

  it("copes with a build that has no images and falls back to arrival times", () => {
    const noImages = parseBuildLog(
      log([
        [100, "[content] Syncing content"],
        [300, "[content] Synced content"],
        [310, "[build] Building static entrypoints..."],
        [900, " generating static routes "],
        [950, "  └─ /posts/a/index.html (+40ms)"],
        [1000, "✓ Completed in whenever."],
        [1005, "[build] ✓ Completed in 700ms."],
        [1010, "[build] 2 page(s) built in 1.00s"],
      ]),
    );
    expect(noImages).toMatchObject({ pageRenderingMs: 100, imagesMs: null, postBuildMs: 5, routeSetupMs: 50 });
  });
});
