import { describe, expect, it } from "vitest";
import { tableOfContents, type TocEntry } from "../../../src/lib/posts/toc.ts";

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replaceAll(" ", "-") });
/** The tree as text, two spaces per level, to read at a glance. */
const outline = (entries: TocEntry[], level = 0): string[] =>
  entries.flatMap((entry) => [`${"  ".repeat(level)}${entry.text}`, ...outline(entry.children, level + 1)]);

describe("tableOfContents", () => {
  it("nests h3 under h2 and h4 under h3", () => {
    const toc = tableOfContents([h(2, "A"), h(3, "A1"), h(4, "A1a"), h(3, "A2"), h(2, "B")]);
    expect(outline(toc)).toEqual(["A", "  A1", "    A1a", "  A2", "B"]);
    expect(toc[0]).toEqual({
      slug: "a",
      text: "A",
      children: [
        { slug: "a1", text: "A1", children: [{ slug: "a1a", text: "A1a", children: [] }] },
        { slug: "a2", text: "A2", children: [] },
      ],
    });
  });

  it("nests a skipped level one step in, with no empty level between", () => {
    expect(outline(tableOfContents([h(2, "A"), h(4, "Deep"), h(3, "Middle"), h(2, "B")]))).toEqual([
      "A",
      "  Deep",
      "  Middle",
      "B",
    ]);
  });

  it("keeps headings deeper than the first one at the top when nothing shallower came before", () => {
    expect(outline(tableOfContents([h(3, "Intro"), h(4, "Detail"), h(2, "A"), h(3, "A1")]))).toEqual([
      "Intro",
      "  Detail",
      "A",
      "  A1",
    ]);
  });

  it("leaves out h1, h5, h6 and the footnotes heading", () => {
    const toc = tableOfContents([
      h(1, "Title"),
      h(2, "A"),
      h(5, "Five"),
      h(2, "B"),
      h(6, "Six"),
      h(2, "C"),
      { depth: 2, slug: "footnote-label", text: "Footnotes" },
    ]);
    expect(outline(toc)).toEqual(["A", "B", "C"]);
  });

  it("is empty for fewer than three headings, counting only the ones it would show", () => {
    expect(tableOfContents([])).toEqual([]);
    expect(tableOfContents([h(2, "A"), h(3, "B")])).toEqual([]);
    expect(tableOfContents([h(2, "A"), h(5, "B"), h(2, "C"), { depth: 2, slug: "footnote-label", text: "Footnotes" }])).toEqual(
      [],
    );
    expect(tableOfContents([h(2, "A"), h(3, "B"), h(4, "C")])).toHaveLength(1);
  });

  it("keeps text and slugs as Astro gives them", () => {
    const [entry] = tableOfContents([{ depth: 2, slug: "c-the-language", text: "C++ & <the> language" }, h(2, "B"), h(2, "C")]);
    expect(entry).toMatchObject({ slug: "c-the-language", text: "C++ & <the> language" });
  });
});
