import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "../../../src/lib/i18n/en.ts";
import { fullSizeLinks, largestCandidate, linkPendingImages } from "../../../src/lib/markdown/full-size.ts";
import { mathPlugin, typeset } from "../../../src/lib/markdown/math.ts";
import { markdownToHtml } from "satteri";

const render = async (markdown: string, math = false) =>
  (await markdownToHtml(markdown, { hastPlugins: [math && mathPlugin, fullSizeLinks(en.image.fullSize)], features: { math } }))
    .html;

describe("full-size image links", () => {
  it("links public and remote images to their own file and leaves an author's link alone", async () => {
    const html = await render(
      '![a](/images/a.png) and ![b](https://cdn.example.com/b.png)\n\n[![c](/images/c.png)](https://example.org/)\n\n<img src="/raw.png" alt="raw">',
    );
    expect(html).toContain('<a href="/images/a.png" class="image-link"><img src="/images/a.png" alt="a"></a>');
    expect(await render("![e](/images/e.png)")).toBe(
      '<p><a href="/images/e.png" class="image-link image-alone"><img src="/images/e.png" alt="e"></a></p>\n',
    );
    expect(html).toContain('<a href="https://cdn.example.com/b.png" class="image-link">');
    expect(html).toContain('<a href="https://example.org/"><img src="/images/c.png" alt="c"></a>');
    expect(html).toContain('<img src="/raw.png" alt="raw">');
    expect(html.match(/<a /g)?.length).toBe(3);
  });

  it("names the link of a decorative image, which gives it no name of its own", async () => {
    expect(await render("![](/images/plain.png)")).toBe(
      '<p><a href="/images/plain.png" class="image-link image-alone" aria-label="Open the image at full size"><img src="/images/plain.png" alt=""></a></p>\n',
    );
  });

  it("marks an optimised image's link until the page renders, then points it at the largest rendition", async () => {
    expect(await render("![d](./d.png)")).toContain(
      '<a class="image-link image-alone" data-full-size=""><img src="./d.png" alt="d"></a>',
    );
    const rendered =
      '<a class="image-link" data-full-size=""><img alt="d" src="/_astro/d.1.webp" srcset="/_astro/d.360.webp 360w, /_astro/d.1440.webp 1440w, /_astro/d.720.webp 720w"></a> <a class="image-link" data-full-size><img src="/_astro/e.webp" alt="e"></a>';
    expect(linkPendingImages(rendered)).toBe(
      '<a class="image-link" href="/_astro/d.1440.webp"><img alt="d" src="/_astro/d.1.webp" srcset="/_astro/d.360.webp 360w, /_astro/d.1440.webp 1440w, /_astro/d.720.webp 720w"></a> <a class="image-link" href="/_astro/e.webp"><img src="/_astro/e.webp" alt="e"></a>',
    );
    expect(linkPendingImages("<p>no images</p>")).toBe("<p>no images</p>");
  });

  it("reads the largest candidate of a srcset by width or density", () => {
    expect(largestCandidate("a.webp 1x, b.webp 2x")).toBe("b.webp");
    expect(largestCandidate("a.webp 800w,b.webp 1600w")).toBe("b.webp");
    expect(largestCandidate("")).toBeUndefined();
  });
});

describe("math", () => {
  it("typesets inline and display TeX into MathML and KaTeX's HTML, braces and all", async () => {
    const html = await render("Inline $\\frac{-b}{2a}$ here.\n\n$$\n\\sqrt{x}\n$$\n", true);
    expect(html).toMatch(
      /^<p>Inline <span class="katex" dir="ltr" data-pagefind-ignore=""><span class="katex-mathml"><math><semantics>/,
    );
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{-b}{2a}</annotation>');
    expect(html).toContain(
      '<span class="katex-display" dir="ltr" data-pagefind-ignore=""><span class="katex"><span class="katex-mathml"><math display="block">',
    );
    expect(html).not.toMatch(/xmlns|language-math|\$/);
  });

  it("leaves dollar signs alone with math off", async () => {
    expect(await render("It costs $5 and $10.")).toBe("<p>It costs $5 and $10.</p>\n");
  });

  it("fails the build on TeX KaTeX cannot read, naming the file and the formula in one line", async () => {
    const fileURL = pathToFileURL(join(process.cwd(), "src/content/posts/broken-math.md"));
    await expect(async () =>
      markdownToHtml("A $\\frac{1}{$ typo.", { hastPlugins: [mathPlugin], features: { math: true }, fileURL }),
    ).rejects.toThrow(/^src\/content\/posts\/broken-math\.md: math: cannot typeset "\\frac\{1\}\{": Unexpected end of input/);
    expect(() => typeset("\\frac{1}{", false)).toThrow(/Unexpected end of input/);
  });
});
