import { readFileSync } from "node:fs";
import { join } from "node:path";
import { routeFile, routeOf, type TrailingSlash } from "../paths/routes.ts";

interface BuiltPageFacts {
  indexable: boolean;
  lastmod: string | undefined;
}

const NOINDEX = /<meta\s+name="robots"\s+content="[^"]*noindex/i;
const MODIFIED = /<meta\s+property="article:modified_time"\s+content="([^"]+)"/i;
const PUBLISHED = /<meta\s+property="article:published_time"\s+content="([^"]+)"/i;

/**
 * The sitemap integration only sees URLs. Whether a page belongs in it was
 * decided when the page was rendered (through the visibility rules, which
 * mark everything unlisted, draft, scheduled or 404 as noindex), so the
 * sitemap reads that decision back from the built page instead of judging
 * the posts a second time.
 */
export function builtPageFacts(outDir: string, base: string, trailingSlash: TrailingSlash) {
  const cache = new Map<string, BuiltPageFacts>();
  return (pageUrl: string): BuiltPageFacts => {
    const cached = cache.get(pageUrl);
    if (cached) return cached;
    const path = new URL(pageUrl).pathname.slice(base.length);
    const file = join(outDir, routeFile(routeOf(path), trailingSlash));
    let html = "";
    try {
      html = readFileSync(file, "utf8");
    } catch {
      // Not an HTML page of ours (an endpoint or a redirect): nothing to index.
    }
    // The metas are in the head; searching the body as well, for metas most pages lack, was most of the cost.
    const headEnd = html.indexOf("</head>");
    const head = headEnd === -1 ? html : html.slice(0, headEnd);
    const lastmod = MODIFIED.exec(head)?.[1] ?? PUBLISHED.exec(head)?.[1];
    const facts = {
      indexable: html !== "" && !NOINDEX.test(head),
      // A match is a slice of the page's text and would keep the whole page alive as long as the facts: gigabytes at 10,000 pages.
      lastmod: lastmod === undefined ? undefined : Buffer.from(lastmod).toString(),
    };
    cache.set(pageUrl, facts);
    return facts;
  };
}
