import { describe, expect, it } from "vitest";
import { refreshPage } from "../../../src/lib/deploy/refresh-page.ts";

describe("refreshPage", () => {
  const html = refreshPage({ target: "/blog/posts/new/", canonical: "https://example.com/blog/posts/new/", language: "en-GB" });

  it("refreshes at once, with the space the HTML standard writes after the delay", () => {
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/blog/posts/new/">');
  });

  it("is a complete document: language, charset, canonical URL, noindex and a link to follow", () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n/);
    expect(html).toContain('<link rel="canonical" href="https://example.com/blog/posts/new/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain('<a href="/blog/posts/new/">');
  });

  it("escapes what it writes into attributes and text", () => {
    const odd = refreshPage({ target: '/a?b=1&c="2"', canonical: "https://example.com/a?b=1&c=2", language: "en" });
    expect(odd).toContain('content="0; url=/a?b=1&amp;c=&quot;2&quot;"');
    expect(odd).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(odd).not.toContain('"2"');
  });
});
