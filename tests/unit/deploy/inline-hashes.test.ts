import { describe, expect, it } from "vitest";
import { cspHash, inlineHashes } from "../../../src/lib/deploy/inline-hashes.ts";

const page = (text: string) => ({ file: "index.html", text });

describe("CSP hashes of inline scripts and styles", () => {
  it("hashes text the way the CSP specification's own example does", () => {
    expect(cspHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });

  it("hashes exactly the text between the tags, whitespace included", () => {
    const script = "\n  (() => document.documentElement.classList.add('js'))();\n";
    const style = ":root{--a:1}";
    expect(inlineHashes([page(`<head><script>${script}</script><style>${style}</style></head>`)])).toEqual({
      scripts: [cspHash(script)],
      styles: [cspHash(style)],
    });
  });

  it("hashes the text the browser sees after it turns CRLF and CR into LF", () => {
    expect(inlineHashes([page("<script>a();\r\nb();\rc();</script>")]).scripts).toEqual([cspHash("a();\nb();\nc();")]);
  });

  it("hashes module scripts, import maps and JavaScript types, but not external scripts or data blocks", () => {
    const html = [
      '<script type="module">import "./a.js";</script>',
      '<script type="importmap">{"imports":{}}</script>',
      "<script type='text/javascript'>classic();</script>",
      '<script type="module" src="/_astro/app.js"></script>',
      '<script src="/x.js" async>ignored();</script>',
      '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
      '<script type="text/template"><p>hi</p></script>',
    ].join("");
    expect(inlineHashes([page(html)]).scripts).toEqual(
      ['import "./a.js";', '{"imports":{}}', "classic();"].map((text) => cspHash(text)).sort(),
    );
  });

  it("ends an element at the first end tag, in any letter case", () => {
    const html = `<SCRIPT data-note="a > b">first();</Script ><script/>second()</script><scripts>not an element</scripts>`;
    expect(inlineHashes([page(html)]).scripts).toEqual([cspHash("first();"), cspHash("second()")].sort());
  });

  it("never takes markup inside attribute values, comments or text-only elements for a script", () => {
    const hostile = "</script><script>alert(1)</script>";
    const html = [
      `<meta property="og:title" content="${hostile}">`,
      `<meta name='x' content='${hostile}'>`,
      `<img alt=a<script>alert(2)</script>`,
      `<!-- ${hostile} -->`,
      `<title>${hostile}</title>`,
      `<textarea><script>alert(3)</script></textarea>`,
      `<noscript><script>alert(4)</script></noscript>`,
      "<script>real()</script>",
    ].join("\n");
    expect(inlineHashes([page(html)]).scripts).toEqual([cspHash("real()")]);
  });

  it("collects one sorted, duplicate-free list across every page", () => {
    const pages = [
      page("<script>b()</script><style>p{}</style>"),
      page("<script>a()</script><script>b()</script><style>p{}</style>"),
    ];
    expect(inlineHashes(pages)).toEqual({ scripts: [cspHash("a()"), cspHash("b()")].sort(), styles: [cspHash("p{}")] });
  });

  it("hashes an SVG file's style as XML text and never allows its scripts", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><style><![CDATA[a>b{fill:red}]]> i::after{content:"&lt;&#x41;&#66;"}</style><script>alert(1)</script></svg>';
    expect(inlineHashes([{ file: "icons/Logo.SVG", text: svg }])).toEqual({
      scripts: [],
      styles: [cspHash('a>b{fill:red} i::after{content:"<AB"}')],
    });
  });
});
