import { createSatteriMarkdownProcessor } from "@astrojs/markdown-satteri";
import { describe, expect, it } from "vitest";
import { figures } from "../../../src/lib/markdown/figures.ts";

const processor = await createSatteriMarkdownProcessor({ syntaxHighlight: false, hastPlugins: [figures] });
const render = async (markdown: string) => (await processor.render(markdown)).code.trim();

describe("figures", () => {
  it("makes a captioned image alone in its paragraph a figure, captioned by its title", async () => {
    expect(await render('![A chart](/chart.png "Sales by month")')).toBe(
      '<figure class="figure"><img src="/chart.png" alt="A chart"><figcaption>Sales by month</figcaption></figure>',
    );
  });

  it("leaves an image without a title, or one that runs into text, inline in its paragraph", async () => {
    expect(await render("![A chart](/chart.png)")).toBe('<p><img src="/chart.png" alt="A chart"></p>');
    expect(await render('See ![A chart](/chart.png "Sales") here.')).toBe(
      '<p>See <img src="/chart.png" alt="A chart" title="Sales"> here.</p>',
    );
  });

  it("leaves two captioned images in one paragraph, and a linked one, where they are", async () => {
    expect(await render('![A](/a.png "One") ![B](/b.png "Two")')).toBe(
      '<p><img src="/a.png" alt="A" title="One"> <img src="/b.png" alt="B" title="Two"></p>',
    );
    expect(await render('[![A](/a.png "One")](/a/)')).toBe('<p><a href="/a/"><img src="/a.png" alt="A" title="One"></a></p>');
  });

  it("captions each of several images that stand alone in their paragraphs", async () => {
    const html = await render('![A](/a.png "One")\n\nBetween.\n\n![B](/b.png "Two")');
    expect(html.match(/<figure class="figure">/g)).toHaveLength(2);
    expect(html).toContain("<p>Between.</p>");
  });
});
