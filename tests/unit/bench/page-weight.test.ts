import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measurePage, pageAssets } from "../../../bench/lib/page-weight.ts";

const html = `<!doctype html><html><head>
<link rel="canonical" href="https://example.com/posts/a/">
<link rel="preload" href="/_astro/font.woff2" as="font">
<link rel="stylesheet" href="/_astro/a.css">
<link href='/_astro/b.css' rel='stylesheet'>
<script type="application/ld+json">{"@type":"BlogPosting"}</script>
<script>document.documentElement.classList.add("js")</script>
<script type="module" src="/_astro/page.js"></script>
</head><body><p>Hello</p><script type="module">import "/x.js";</script></body></html>`;

describe("pageAssets", () => {
  it("finds linked stylesheets and scripts, and inline scripts that run", () => {
    expect(pageAssets(html)).toEqual({
      stylesheets: ["/_astro/a.css", "/_astro/b.css"],
      scripts: ["/_astro/page.js"],
      inlineScripts: ['document.documentElement.classList.add("js")', 'import "/x.js";'],
    });
  });
});

describe("measurePage", () => {
  const files: Record<string, Buffer> = {
    "/_astro/a.css": Buffer.from("body { color: red; }\n".repeat(50)),
    "/_astro/b.css": Buffer.from("p { margin: 0 }"),
    "/_astro/page.js": Buffer.from("console.log(1);"),
  };

  it("adds gzipped HTML and CSS, and counts all JavaScript", () => {
    const weight = measurePage(html, (href) => files[href]);
    const gz = (content: string | Buffer) => gzipSync(content, { level: 9 }).length;
    expect(weight.htmlBytes).toBe(Buffer.byteLength(html));
    expect(weight.htmlGzip).toBe(gz(html));
    expect(weight.cssGzip).toBe(gz(files["/_astro/a.css"] as Buffer) + gz(files["/_astro/b.css"] as Buffer));
    expect(weight.htmlCssGzip).toBe(weight.htmlGzip + weight.cssGzip);
    expect(weight.cssBytes).toBe(1050 + 15);
    expect(weight.jsBytes).toBe(15 + 'document.documentElement.classList.add("js")'.length + 'import "/x.js";'.length);
    expect(weight).toMatchObject({ stylesheets: 2, scripts: 3 });
  });

  it("leaves out files the reader cannot find", () => {
    expect(measurePage(html, () => undefined)).toMatchObject({ cssBytes: 0, cssGzip: 0, stylesheets: 0 });
  });
});
