import { describe, expect, it } from "vitest";
import { isSearchablePage } from "../../../src/lib/search/indexing.ts";

const page = (head: string, body: string) => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
const article = '<article class="post" data-pagefind-body><h1>Title</h1></article>';

describe("isSearchablePage", () => {
  it("accepts a page that marks its body and allows indexing", () => {
    expect(isSearchablePage(page('<meta name="description" content="x">', article))).toBe(true);
    expect(isSearchablePage(page("", '<main><div data-pagefind-body="">Text</div></main>'))).toBe(true);
    expect(isSearchablePage(page("", "<ARTICLE DATA-PAGEFIND-BODY>Text</ARTICLE>"))).toBe(true);
  });

  it("rejects a marked page that is noindex, however the robots meta is written", () => {
    for (const meta of [
      '<meta name="robots" content="noindex">',
      '<meta content="noindex, follow" name="robots" />',
      "<meta name='ROBOTS' content='NOINDEX'>",
      '<meta name="robots" content="none">',
      "<meta name=robots content=noindex>",
    ]) {
      expect(isSearchablePage(page(meta, article)), meta).toBe(false);
    }
  });

  it("rejects a marked page whose noindex comes after the marked element", () => {
    expect(isSearchablePage(page("", `${article}<meta name="robots" content="noindex">`))).toBe(false);
    expect(isSearchablePage(page("", `${article}<p>x</p><META NAME="robots" CONTENT="none">`))).toBe(false);
    expect(isSearchablePage(page("", `${article}<meta name="description" content="x">`))).toBe(true);
  });

  it("ignores robots rules that still allow indexing and other crawlers' metas", () => {
    expect(isSearchablePage(page('<meta name="robots" content="nofollow">', article))).toBe(true);
    expect(isSearchablePage(page('<meta name="description" content="noindex">', article))).toBe(true);
  });

  it("rejects a page without a marked element, so Pagefind never falls back to indexing it whole", () => {
    expect(isSearchablePage(page("", "<article><h1>Title</h1></article>"))).toBe(false);
    expect(isSearchablePage(page("", '<article data-pagefind-ignore data-pagefind-meta="date:2025-01-01">x</article>'))).toBe(
      false,
    );
  });

  it("does not take the marker's name in text, attribute values, comments or scripts for the marker", () => {
    const mentions = [
      "<p>Put data-pagefind-body on the article.</p>",
      "<pre><code>&lt;article data-pagefind-body&gt;</code></pre>",
      '<img alt="the data-pagefind-body attribute" src="x.png">',
      "<!-- <article data-pagefind-body> -->",
      '<script>document.body.innerHTML = "<div data-pagefind-body>";</script>',
      "<style>[data-pagefind-body] { color: red }</style>",
    ];
    for (const body of mentions) expect(isSearchablePage(page("", body)), body).toBe(false);
  });

  it("does not take a noindex shown as text for the page's own robots meta", () => {
    const body = `${article}<pre><code>&lt;meta name="robots" content="noindex"&gt;</code></pre>`;
    expect(isSearchablePage(page("", body))).toBe(true);
  });
});
