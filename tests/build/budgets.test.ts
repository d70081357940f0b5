import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { readPage } from "../support/html.ts";

const dist = inject("productionDist");
const POSTS = ["hello-world", "second-post", "charts", "hostile", "unlisted-post"];
const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

/** HTML and CSS of a post, gzipped, whether the CSS is linked or (as the build does now) inlined. */
function pageWeight(slug: string, root = dist, base = "/blog/") {
  const { html, document } = readPage(root, `posts/${slug}/`);
  const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
    readFileSync(join(root, (link.getAttribute("href") ?? "").slice(base.length)), "utf8"),
  );
  const css = stylesheets.join("\n");
  const total = gzipped(html + css);
  const body = document.querySelector(".prose");
  if (body) body.innerHTML = "";
  return { total, outsideBody: gzipped(document.toString() + css) };
}

describe("page weight budgets", () => {
  it("keeps a typical post (text, code, table, images) within 14 KB of HTML and CSS, gzipped", () => {
    expect(pageWeight("hello-world").total).toBeLessThanOrEqual(14 * 1024);
  });

  it.each(POSTS)("keeps everything outside the body of %s within 10 KB gzipped", (slug) => {
    expect(pageWeight(slug).outsideBody).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(POSTS)("loads no external script and only small inline ones on %s", (slug) => {
    scriptsStaySmall(dist, slug, "/blog/");
  });
});

describe("page weight budgets of the repository's own posts", () => {
  const repo = inject("repoDist");
  const posts = readdirSync(join(repo, "posts"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(repo, "posts", entry.name, "index.html")))
    .map((entry) => entry.name);

  it("has posts to weigh", () => {
    expect(posts.length).toBeGreaterThanOrEqual(2);
  });

  it.each(posts)("keeps everything outside the body of %s within 10 KB gzipped", (slug) => {
    expect(pageWeight(slug, repo, "/").outsideBody).toBeLessThanOrEqual(10 * 1024);
  });

  it.each(posts)("loads no external script and only small inline ones on %s", (slug) => {
    scriptsStaySmall(repo, slug, "/");
  });
});

function scriptsStaySmall(root: string, slug: string, base: string) {
  const { document } = readPage(root, `posts/${slug}/`);
  // At least the head's theme script and the structured data.
  const scripts = [...document.querySelectorAll("script")];
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  for (const script of scripts) {
    const src = script.getAttribute("src");
    if (src) expect(src.startsWith(base)).toBe(true);
    else if (script.getAttribute("type") !== "application/ld+json") expect(script.textContent?.length ?? 0).toBeLessThan(1024);
  }
}
