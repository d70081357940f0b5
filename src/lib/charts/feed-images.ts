import { cacheFolder } from "../cache-dir.ts";

/**
 * Chart PNGs for feeds are rendered into Astro's cache folder, keyed by a
 * hash of the chart, and copied next to the feeds once the build is done
 * (see src/integrations/chart-images.ts): an unchanged chart is never
 * rendered twice, across builds.
 */
export const chartPngCacheDir = (cacheDir: URL | string) => cacheFolder(cacheDir, "chart-png");

export const chartPngPath = (hash: string) => `charts/${hash}.png`;

export const CHART_PNG_REFERENCE = /charts\/([a-f0-9]{64})\.png/g;
