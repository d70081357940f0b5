import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { readPage } from "../support/html.ts";

const dist = inject("productionDist");
const POSTS = ["hello-world", "second-post", "charts", "hostile", "unlisted-post"];
const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

function pageWeight(slug: string) {
  const { html, document } = readPage(dist, `posts/${slug}/`);
  const stylesheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
    readFileSync(join(dist, (link.getAttribute("href") ?? "").replace(/^\/blog\//, "")), "utf8"),
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
    const { document } = readPage(dist, `posts/${slug}/`);
    for (const script of document.querySelectorAll("script")) {
      const src = script.getAttribute("src");
      if (src) expect(src.startsWith("/blog/")).toBe(true);
      else if (script.getAttribute("type") !== "application/ld+json") expect(script.textContent?.length ?? 0).toBeLessThan(1024);
    }
  });
});
