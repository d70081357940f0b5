/**
 * Lighthouse (mobile preset) against the production build in dist/, served
 * on loopback, with Debian's Chromium or the one CHROME_PATH names. Prints
 * the four scores for the home page and the newest post; exits non-zero when
 * accessibility, best practices or SEO fall below 100. Performance is
 * reported only: its score swings on a busy two-core machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROME_FLAGS, chromePath } from "./lib/chrome.ts";
import { serveStatic } from "./lib/static-server.ts";

const dist = join(import.meta.dirname, "..", "dist");
if (!existsSync(join(dist, "index.html"))) {
  console.error("No production build in dist/: run `npm run build` first.");
  process.exit(1);
}

const GATED = ["accessibility", "best-practices", "seo"] as const;
const CATEGORIES = ["performance", ...GATED] as const;

const home = readFileSync(join(dist, "index.html"), "utf8");
const newestPost = /href="[^"]*?(posts\/[^"/]+\/)"/.exec(home)?.[1];
const pages = ["", ...(newestPost ? [newestPost] : [])];

const site = await serveStatic(dist, "/");
const chrome = await chromeLauncher.launch({
  chromePath: chromePath(),
  chromeFlags: ["--headless=new", ...CHROME_FLAGS],
});

let failed = false;
try {
  for (const path of pages) {
    const url = new URL(path, site.url).href;
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((result.lhr.categories[id]?.score ?? 0) * 100)]));
    console.log(`${url}\n  ${CATEGORIES.map((id) => `${id} ${scores[id]}`).join(" · ")}`);
    for (const id of GATED) {
      if (scores[id] !== 100) {
        failed = true;
        const audits = result.lhr.categories[id]?.auditRefs
          .map((ref) => result.lhr.audits[ref.id])
          .filter((audit) => audit && audit.score !== null && audit.score < 1)
          .map((audit) => `    - ${audit?.id}: ${audit?.title}`);
        console.log(`  ${id} is below 100:\n${audits?.join("\n")}`);
      }
    }
  }
} finally {
  chrome.kill();
  await site.close();
}
process.exit(failed ? 1 : 0);
