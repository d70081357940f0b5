import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
});
