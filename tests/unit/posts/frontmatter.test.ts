import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findFrontmatter, readFrontmatter } from "../../../src/lib/posts/frontmatter.ts";

describe("findFrontmatter", () => {
  it("finds the block and where the body starts", () => {
    const source = "---\ntitle: x\n---\nBody";
    expect(findFrontmatter(source)).toEqual({ yaml: "title: x", start: 4, end: 17 });
    expect(source.slice(17)).toBe("Body");
  });

  it("handles empty blocks, CRLF and missing fences", () => {
    expect(findFrontmatter("---\n---\nBody")).toEqual({ yaml: "", start: 4, end: 8 });
    expect(findFrontmatter("---\r\na: 1\r\n---\r\nB")).toEqual({ yaml: "a: 1", start: 5, end: 16 });
    expect(findFrontmatter("No frontmatter\n---\n")).toBeUndefined();
    expect(findFrontmatter("---\nnever closed\n")).toBeUndefined();
  });

  it("keeps offsets into the source as given, byte-order mark included", () => {
    const source = "\uFEFF---\ntitle: x\n---\nBody";
    expect(findFrontmatter(source)).toEqual({ yaml: "title: x", start: 5, end: 18 });
    expect(source.slice(18)).toBe("Body");
  });
});

describe("readFrontmatter", () => {
  it("keeps dates as the text the author wrote", () => {
    expect(readFrontmatter("---\ntitle: T\ndate: 2026-02-30\n---\nBody")).toEqual({ title: "T", date: "2026-02-30" });
  });

  it("reads the seed post's frontmatter", () => {
    const source = readFileSync(new URL("../../fixtures/seed/gpt-5-3-codex-spark.md", import.meta.url), "utf8");
    expect(readFrontmatter(source)).toEqual({
      title: "An underbaked GPT-Codex-5.3-Spark review",
      date: "2026-02-14",
      draft: true,
      cover_image: "/posts/gpt-5-3-codex-spark/cover_image.png",
    });
  });

  it("returns an empty object without frontmatter", () => {
    expect(readFrontmatter("Just a body")).toEqual({});
  });

  it("reads files that start with a byte-order mark", () => {
    expect(readFrontmatter("\uFEFF---\ntitle: T\n---\n")).toEqual({ title: "T" });
  });

  it("stops at the first closing fence, so a thematic break in the body stays body", () => {
    expect(readFrontmatter("---\n---\nIntro\n\n---\n\nslug: not-frontmatter\n")).toEqual({});
  });
});
