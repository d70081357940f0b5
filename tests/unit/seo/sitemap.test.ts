import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { builtPageFacts } from "../../../src/lib/seo/sitemap.ts";

const outDir = mkdtempSync(join(tmpdir(), "sitemap-facts-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function page(route: string, head: string, body = "<p>Text</p>") {
  mkdirSync(join(outDir, route), { recursive: true });
  writeFileSync(join(outDir, route, "index.html"), `<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
}

const facts = builtPageFacts(outDir, "/blog/", "always");
const at = (route: string) => facts(`https://example.org/blog/${route}`);

describe("builtPageFacts", () => {
  it("lists a page its head allows indexing, dated by its modified time, else its published time", () => {
    page(
      "posts/edited",
      '<meta property="article:published_time" content="2025-01-01T00:00:00.000Z"><meta property="article:modified_time" content="2025-02-01T00:00:00.000Z">',
    );
    page("posts/fresh", '<meta property="article:published_time" content="2025-03-01T00:00:00.000Z">');
    expect(at("posts/edited/")).toEqual({ indexable: true, lastmod: "2025-02-01T00:00:00.000Z" });
    expect(at("posts/fresh/")).toEqual({ indexable: true, lastmod: "2025-03-01T00:00:00.000Z" });
  });

  it("leaves out a page whose head says noindex, and an address with no built page", () => {
    page("posts/draft", '<meta name="robots" content="noindex, follow">');
    expect(at("posts/draft/").indexable).toBe(false);
    expect(at("og/index.png").indexable).toBe(false);
  });

  it("reads only the head: metas an author's raw HTML puts in the body decide nothing", () => {
    page(
      "posts/about-robots",
      '<meta property="article:published_time" content="2025-04-01T00:00:00.000Z">',
      '<div><meta name="robots" content="noindex"><meta property="article:modified_time" content="2030-01-01T00:00:00.000Z"></div>',
    );
    expect(at("posts/about-robots/")).toEqual({ indexable: true, lastmod: "2025-04-01T00:00:00.000Z" });
  });

  it("keeps only the facts, not the pages they were read from", () => {
    setFlagsFromString("--expose-gc");
    const collectGarbage = runInNewContext("gc") as () => void;
    // A head as large as a real one with its inlined styles, and a character that makes V8 store the page in two bytes a character.
    const styles = `<style>${"p{color:red}".repeat(10_000)}</style>`;
    const pages = Array.from({ length: 100 }, (_, index) => `posts/large-${index}`);
    for (const route of pages)
      page(route, `${styles}<meta property="article:published_time" content="2025-05-01T00:00:00.000Z">`, "<p>—</p>");
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    const read = pages.map((route) => at(`${route}/`));
    collectGarbage();
    const held = process.memoryUsage().heapUsed - before;
    expect(read.filter((fact) => fact.lastmod === "2025-05-01T00:00:00.000Z")).toHaveLength(100);
    // The pages are 24 MB in memory (120 kB of text each, two bytes a character); the facts are a few kilobytes.
    expect(held).toBeLessThan(2_000_000);
  });
});
