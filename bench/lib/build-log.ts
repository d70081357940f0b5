/**
 * Reads `astro build` output, as Astro 7 prints it, into phase timings and
 * counts. Every line carries the moment it arrived (ms since the build was
 * started), because Astro's own timestamps only have whole seconds. Phases a
 * build does not have yet (social cards, feeds, search) come out as null, so
 * the same parser serves today's build and tomorrow's.
 */

export interface LogLine {
  /** Milliseconds since the build process was started. */
  at: number;
  text: string;
}

export type RouteGroup = "post" | "tag" | "page" | "feed" | "socialCard" | "search" | "file";
export type LaterPhase = "socialCards" | "feeds" | "searchIndex" | "sitemap";

export interface Timed {
  count: number;
  ms: number;
  /** Of `count`, the pages Astro's incremental build copied from the last build instead of rendering. */
  reused: number;
}

/** What an integration reported as `N rendered, M reused` (the blog's social cards do). */
export interface IntegrationCache {
  label: string;
  rendered: number;
  reused: number;
}

export interface BuildLog {
  /** From process start to the first content line: Node, Astro and the config loading. */
  startupMs: number | null;
  contentSyncMs: number | null;
  /** Type generation and collecting build info, between content sync and bundling. */
  setupMs: number | null;
  bundleMs: number | null;
  pageRenderingMs: number | null;
  /** Within page rendering, before the first route is written: every getStaticPaths and what they do. */
  routeSetupMs: number | null;
  imagesMs: number | null;
  /** Integration hooks after generation (sitemap and the like), up to Astro's final summary. */
  postBuildMs: number | null;
  /**
   * Each later phase, or null when the build has none: its routes' render times plus, for each
   * line an integration logs under a matching label, the time since the line before it.
   */
  later: Record<LaterPhase, number | null>;
  /** Integration lines no pattern recognises, timed the same way, by label. */
  otherLabelled: { label: string; ms: number }[];
  routes: Record<RouteGroup, Timed>;
  images: { rendered: number; reused: number; revalidated: number };
  integrationCaches: IntegrationCache[];
  pagesBuilt: number | null;
  astroTotalMs: number | null;
  warnings: number;
  /** Where each phase began, in order, so a moment of the build (its memory peak) can be placed in one. */
  phaseStarts: { phase: string; at: number }[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC (U+001B) starts the ANSI colour codes this strips.
const ANSI = /\u001b\[[0-9;]*m/g;
const CLOCK = /^\d\d:\d\d:\d\d /;

/** `80ms`, `1.41s` or `2m 3s`, as Astro's getTimeStat prints them. */
export function parseDuration(text: string): number | null {
  const match = /^(?:(\d+)m\s*(\d+)s|(\d+(?:\.\d+)?)(ms|s))$/.exec(text.trim());
  if (!match) return null;
  if (match[1] !== undefined) return (Number(match[1]) * 60 + Number(match[2])) * 1000;
  return Number(match[3]) * (match[4] === "s" ? 1000 : 1);
}

export function cleanLine(text: string): string {
  return text.replace(ANSI, "").replace(/\r$/, "").replace(CLOCK, "").trimEnd();
}

/** Which kind of output a built route is, to split page rendering by route. */
export function classifyRoute(path: string): RouteGroup {
  if (/\/(?:og|social|cards?)\/|\.(?:png|jpe?g|webp|svg|avif)$/i.test(path)) return "socialCard";
  if (/(?:rss|atom|feed)[^/]*$|\.xml$/i.test(path)) return "feed";
  if (!path.endsWith(".html")) return /search|pagefind/i.test(path) ? "search" : "file";
  if (/^\/(?:.*\/)?posts\/(?!page\/)[^/]+\/index\.html$/.test(path)) return "post";
  if (/^\/(?:.*\/)?tags\/./.test(path)) return "tag";
  return "page";
}

/** By label only: `[chart-images] … for feeds` is chart work, not feed work. */
export function classifyLabel(label: string): LaterPhase | undefined {
  if (/sitemap/i.test(label)) return "sitemap";
  if (/^og$|social|og[-_ ]?image|card/i.test(label)) return "socialCards";
  if (/\brss\b|feed|atom/i.test(label)) return "feeds";
  if (/search|pagefind/i.test(label)) return "searchIndex";
  return undefined;
}

const COMPLETED = /^✓ Completed in (.+?)\.$/;
const ROUTE = /^\s*[├└]─ (\S+) \(\+([^)]+)\)/;
/** A page copied from the last build: Astro prints no time for it, so it is timed from the line before. */
const REUSED_ROUTE = /^\s*[├└]─ (\S+) \((?:restored|cached)\)/;
const IMAGE = /^\s*▶ \S+ \((before: |reused cache entry|revalidated cache entry)/;
const LABELLED = /^\[([^\]]+)\] (.*)$/;
const CACHE_COUNTS = /(\d+) rendered, (\d+) reused/;
/** Astro's own labels; anything else in brackets is an integration or the project's code. */
const ASTRO_LABELS = new Set(["build", "content", "types", "vite", "WARN", "ERROR", "glob-loader", "assets"]);

export function parseBuildLog(raw: readonly LogLine[]): BuildLog {
  const lines = raw.map((line) => ({ at: line.at, text: cleanLine(line.text) }));
  const find = (pattern: RegExp, from = 0) => {
    for (let i = Math.max(0, from); i < lines.length; i++) if (pattern.test(lines[i]?.text ?? "")) return i;
    return -1;
  };
  const at = (index: number) => (index === -1 ? null : (lines[index]?.at ?? null));
  const span = (from: number, to: number) => {
    const start = at(from);
    const end = at(to);
    return start === null || end === null ? null : end - start;
  };
  /** A phase Astro opens with a banner and closes with its own "✓ Completed in"; -1 where a line is missing. */
  const section = (header: RegExp) => {
    const start = find(header);
    const closing = start === -1 ? -1 : find(COMPLETED, start + 1);
    const logged = closing === -1 ? null : parseDuration(COMPLETED.exec(lines[closing]?.text ?? "")?.[1] ?? "");
    return { start, closing, ms: logged ?? span(start, closing) };
  };

  const syncing = find(/^\[content\] Syncing content/);
  const synced = find(/^\[content\] Synced content/);
  const bundling = find(/^\[build\] Building (?:static )?entrypoints/);
  const pages = section(/^\s*(?:generating|prerendering) static routes\s*$/);
  const images = section(/^\s*generating optimized images\s*$/);
  const summary = find(/^\[build\] \d+ page\(s\) built in /);
  const firstRoute = pages.start === -1 ? -1 : find(ROUTE, pages.start + 1);

  const lastGeneration = Math.max(pages.closing, images.closing);
  const generationDone = lastGeneration === -1 ? -1 : find(/^\[build\] ✓ Completed in /, lastGeneration + 1);
  const postBuildStart = generationDone === -1 ? lastGeneration : generationDone;

  const later: Record<LaterPhase, number | null> = { socialCards: null, feeds: null, searchIndex: null, sitemap: null };
  const add = (phase: LaterPhase, ms: number) => {
    later[phase] = (later[phase] ?? 0) + ms;
  };
  const otherLabelled: { label: string; ms: number }[] = [];
  /** Integration lines in [from, to), each timed from the one before it, or from `from`. */
  const timeLabelled = (from: number, to: number) => {
    if (from === -1) return;
    let previousAt = at(from) ?? 0;
    for (let i = from + 1; i < (to === -1 ? lines.length : to); i++) {
      const line = lines[i];
      const match = line ? LABELLED.exec(line.text) : null;
      if (!line || !match || ASTRO_LABELS.has(match[1] ?? "")) continue;
      const label = match[1] ?? "";
      const ms = line.at - previousAt;
      previousAt = line.at;
      const phase = classifyLabel(label);
      if (phase) add(phase, ms);
      else {
        const known = otherLabelled.find((entry) => entry.label === label);
        if (known) known.ms += ms;
        else otherLabelled.push({ label, ms });
      }
    }
  };
  timeLabelled(pages.start, firstRoute === -1 ? pages.closing : firstRoute);
  timeLabelled(postBuildStart, summary);

  const routes = Object.fromEntries(
    (["post", "tag", "page", "feed", "socialCard", "search", "file"] as const).map((group) => [
      group,
      { count: 0, ms: 0, reused: 0 },
    ]),
  ) as Record<RouteGroup, Timed>;
  const imageCounts = { rendered: 0, reused: 0, revalidated: 0 };
  const integrationCaches: IntegrationCache[] = [];
  let warnings = 0;
  lines.forEach(({ text, at: arrived }, index) => {
    if (/^\[WARN\]/.test(text)) warnings++;
    const route = ROUTE.exec(text);
    if (route) {
      const group = routes[classifyRoute(route[1] ?? "")];
      group.count++;
      group.ms += parseDuration(route[2] ?? "") ?? 0;
    }
    const reused = REUSED_ROUTE.exec(text);
    if (reused) {
      const group = routes[classifyRoute(reused[1] ?? "")];
      group.count++;
      group.reused++;
      group.ms += arrived - (lines[index - 1]?.at ?? arrived);
    }
    const image = IMAGE.exec(text)?.[1];
    if (image === "before: ") imageCounts.rendered++;
    else if (image === "reused cache entry") imageCounts.reused++;
    else if (image === "revalidated cache entry") imageCounts.revalidated++;
    const labelled = LABELLED.exec(text);
    const counts = labelled ? CACHE_COUNTS.exec(labelled[2] ?? "") : null;
    if (labelled && counts)
      integrationCaches.push({ label: labelled[1] ?? "", rendered: Number(counts[1]), reused: Number(counts[2]) });
  });
  if (routes.feed.count) add("feeds", routes.feed.ms);
  if (routes.socialCard.count) add("socialCards", routes.socialCard.ms);
  if (routes.search.count) add("searchIndex", routes.search.ms);

  const summaryMatch = /(\d+) page\(s\) built in (.+)$/.exec(summary === -1 ? "" : (lines[summary]?.text ?? ""));
  return {
    startupMs: at(syncing === -1 ? bundling : syncing),
    contentSyncMs: span(syncing, synced),
    setupMs: span(synced, bundling),
    bundleMs: span(bundling, pages.start),
    pageRenderingMs: pages.ms,
    routeSetupMs: span(pages.start, firstRoute),
    imagesMs: images.ms,
    postBuildMs: postBuildStart === -1 || summary === -1 ? null : span(postBuildStart, summary),
    later,
    otherLabelled,
    routes,
    images: imageCounts,
    integrationCaches,
    pagesBuilt: summaryMatch ? Number(summaryMatch[1]) : null,
    astroTotalMs: summaryMatch ? parseDuration(summaryMatch[2] ?? "") : null,
    warnings,
    phaseStarts: [
      { phase: "startup", at: 0 },
      { phase: "content sync", at: at(syncing) },
      { phase: "types and build info", at: at(synced) },
      { phase: "bundling", at: at(bundling) },
      { phase: "page rendering", at: at(pages.start) },
      { phase: "image optimisation", at: at(images.start) },
      { phase: "post-build hooks", at: at(postBuildStart) },
    ].flatMap(({ phase, at: start }) => (start === null ? [] : [{ phase, at: start }])),
  };
}

/** The phase a build was in `ms` after it started; everything before Astro's first line is startup. */
export function phaseAt(log: Pick<BuildLog, "phaseStarts">, ms: number): string {
  return log.phaseStarts.filter((start) => start.at <= ms).at(-1)?.phase ?? "startup";
}
