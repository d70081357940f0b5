/**
 * Lighthouse (its mobile preset, the CPU slowdown calibrated to this machine) against the production build in dist/, served on loopback by
 * Debian's nginx with the server block the deploy step generates (compression, cache and security
 * headers as deployed), in Debian's Chromium or the one CHROME_PATH names. It audits one page of each kind (home, a post
 * with a cover, a post with charts and code, the archive, a tag page, search, subscribe, the 404 page)
 * and exits non-zero unless every one scores 100 in each category (in the best of up to five runs, as
 * a busy machine only ever makes a page slower), or a kind has no page. Any score below 100 is printed
 * with the audits that cost it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROME_FLAGS, chromePath } from "./lib/chrome.ts";
import { cpuSlowdownFor, PRESET_CPU_SLOWDOWN, PRESET_HOST_BENCHMARK_INDEX } from "./lib/lighthouse-throttling.ts";
import { serveWithNginx } from "./lib/nginx-server.ts";

const dist = join(import.meta.dirname, "..", "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error("No production build in dist/: run `npm run build` first.");
  process.exit(1);
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface AuditedPage {
  kind: string;
  path: string | undefined;
  /** Audits of something the page does on purpose. */
  skipAudits?: string[];
}

const folders = (dir: string) =>
  readdirSync(join(dist, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, dir, entry.name, "index.html")))
    .map((entry) => `${dir}/${entry.name}/`);
const posts = folders("posts").map((path) => ({ path, html: readFileSync(join(dist, path, "index.html"), "utf8") }));
const firstPost = (test: (html: string) => boolean) => posts.find((post) => test(post.html))?.path;

// Search and the 404 page ask not to be indexed, as they should. Lighthouse does not audit a page that
// answers 404, so the 404 page is audited at its own address.
const pages: AuditedPage[] = [
  { kind: "home", path: "" },
  { kind: "post with a cover", path: firstPost((html) => /<img [^>]*fetchpriority="high"/.test(html)) },
  {
    kind: "post with charts and code",
    path: firstPost((html) => html.includes('<figure class="chart"') && html.includes("<pre")),
  },
  { kind: "archive", path: "posts/" },
  { kind: "tag page", path: folders("tags")[0] },
  { kind: "search", path: "search/", skipAudits: ["is-crawlable"] },
  { kind: "subscribe", path: "subscribe/" },
  { kind: "404", path: "404.html", skipAudits: ["is-crawlable"] },
];

const site = await serveWithNginx(dist, "/");
const chrome = await chromeLauncher.launch({
  chromePath: chromePath(),
  chromeFlags: ["--headless=new", ...CHROME_FLAGS],
});

/** A run on a busy machine can only be slower than the page is, so a page gets up to this many runs. */
const RUNS = 5;

/**
 * Lighthouse measures the host's benchmarkIndex at the start of every run; one run on the home page
 * before the audits gives the index the CPU slowdown of all of them is scaled by.
 */
async function calibrateCpuSlowdown(url: string): Promise<number> {
  const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const benchmarkIndex = result?.lhr.environment.benchmarkIndex ?? 0;
  const slowdown = cpuSlowdownFor(benchmarkIndex);
  console.log(
    `This machine's Lighthouse benchmarkIndex is ${Math.round(benchmarkIndex)}: the simulated phone's CPU is ${slowdown}× slower ` +
      `(the preset's ${PRESET_CPU_SLOWDOWN}× on a machine of ${PRESET_HOST_BENCHMARK_INDEX}).`,
  );
  return slowdown;
}

async function audit(url: string, skipAudits: string[] | undefined, cpuSlowdownMultiplier: number) {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
    throttling: { cpuSlowdownMultiplier },
    ...(skipAudits ? { skipAudits } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) console.log(`  run failed: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  return CATEGORIES.map((id) => {
    const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const below = (lhr.categories[id]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((found) => found && found.score !== null && found.score < 1)
      .map((found) => `${found?.id}: ${found?.title}${found?.displayValue ? ` (${found.displayValue})` : ""}`);
    return { id, score, below };
  });
}

/** The best run is the one closest to 100 in every category together. */
const total = (categories: { score: number }[]) => categories.reduce((sum, { score }) => sum + score, 0);

let failed = false;
try {
  const cpuSlowdown = await calibrateCpuSlowdown(site.url);
  for (const { kind, path, skipAudits } of pages) {
    if (path === undefined) {
      failed = true;
      console.log(`${kind}: no such page in this build`);
      continue;
    }
    const url = new URL(path, site.url).href;
    const performance: number[] = [];
    let categories = await audit(url, skipAudits, cpuSlowdown);
    performance.push(categories[0]?.score ?? 0);
    while (categories.some((category) => category.score < 100) && performance.length < RUNS) {
      const next = await audit(url, skipAudits, cpuSlowdown);
      performance.push(next[0]?.score ?? 0);
      if (total(next) > total(categories)) categories = next;
    }
    const runs = performance.length > 1 ? ` (performance in ${performance.length} runs: ${performance.join(", ")})` : "";
    console.log(`${kind} (${url})${runs}\n  ${categories.map(({ id, score }) => `${id} ${score}`).join(" · ")}`);
    for (const { id, score, below } of categories) {
      if (score === 100) continue;
      failed = true;
      console.log(`  ${id} is below 100:\n${below.map((line) => `    - ${line}`).join("\n")}`);
    }
  }
} finally {
  chrome.kill();
  await site.stop();
}
process.exit(failed ? 1 : 0);
