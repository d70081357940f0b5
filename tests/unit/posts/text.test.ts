import { describe, expect, it } from "vitest";
import { countWords, excerpt, proseBlocks, readingMinutes } from "../../../src/lib/posts/text.ts";

describe("proseBlocks", () => {
  it("keeps paragraphs, headings and table cells, drops code and MDX imports", () => {
    const body =
      "import X from './x.astro';\n\n# Title\n\nSome *text* with `code`.\n\n```js\nconst hidden = 1;\n```\n\n| a |\n|---|\n| cell |\n";
    expect(proseBlocks(body, true)).toEqual(["Title", "Some text with code.", "a", "cell"]);
  });

  it("drops MDX expressions, which are not prose until rendered", () => {
    expect(proseBlocks("The answer is {answer}.", true)).toEqual(["The answer is."]);
    expect(proseBlocks("Braces {stay} in Markdown.", false)).toEqual(["Braces {stay} in Markdown."]);
  });
});

describe("excerpt", () => {
  it("leaves short text alone", () => {
    expect(excerpt("Short.")).toBe("Short.");
  });

  it("cuts long text at a word boundary and marks the cut", () => {
    const text = "word ".repeat(60).trim();
    const result = excerpt(text, 50);
    expect(result.length).toBeLessThanOrEqual(51);
    expect(result.endsWith("word…")).toBe(true);
  });
});

describe("reading time", () => {
  it("counts words and rounds to at least one minute", () => {
    expect(countWords("Hello, world — 42 times!")).toBe(4);
    expect(readingMinutes(10)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });
});
