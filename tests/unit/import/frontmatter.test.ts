import { describe, expect, it } from "vitest";
import { mapFrontmatter, splitFrontmatter } from "../../../src/lib/import/frontmatter.ts";
import { PAGE_FIELDS } from "../../../src/lib/pages/schema.ts";
import { POST_FIELDS } from "../../../src/lib/posts/schema.ts";

const map = (source: string, fileDate?: string) => mapFrontmatter(source, { known: POST_FIELDS, fileDate });

describe("mapFrontmatter", () => {
  it("returns a file that needs no mapping byte for byte, CRLF included", () => {
    const source = '---\r\ntitle: "Kept"\r\ndate: 2022-06-30\r\nslug: jumbocode+\r\n---\r\nBody\r\n\r\n![](/a%20b.png)\r\n';
    expect(map(source)).toEqual({ content: source, unmapped: [] });
  });

  it("renames each known alias, keeping the value as written", () => {
    const source = [
      "---",
      "title: 'Template post'",
      "pubDate: 'Jul 08 2022'",
      "updatedDate: 2022-07-09 # edited",
      "heroImage: '/hero.png'",
      "hidden: true",
      "summary: Short.",
      "---",
      "Body",
      "",
    ].join("\n");
    expect(map(source).content).toBe(
      [
        "---",
        "title: 'Template post'",
        "date: 'Jul 08 2022'",
        "updated: 2022-07-09 # edited",
        "cover_image: '/hero.png'",
        "unlisted: true",
        "description: Short.",
        "---",
        "Body",
        "",
      ].join("\n"),
    );
  });

  it.each([
    ["publishDate: 2020-01-01", "date: 2020-01-01"],
    ["lastmod: 2020-01-02", "updated: 2020-01-02"],
    ["image: ./a.png", "cover_image: ./a.png"],
    ["cover: ./a.png", "cover_image: ./a.png"],
    ["categories: [Go, Web]", "tags: [Go, Web]"],
    ["published: false", "draft: true"],
  ])("maps %s to %s", (from, to) => {
    expect(map(`---\ntitle: T\n${from}\n---\nBody\n`).content).toBe(`---\ntitle: T\n${to}\n---\nBody\n`);
  });

  it("drops published: true, which is already the default, without listing it", () => {
    expect(map("---\ntitle: T\npublished: true\ndate: 2020-01-01\n---\n")).toEqual({
      content: "---\ntitle: T\ndate: 2020-01-01\n---\n",
      unmapped: [],
    });
  });

  it("lists every key it cannot map, with the reason, and does not write them", () => {
    const result = map(
      "---\ntitle: T\nlayout: post\ndate: 2020-01-01\npubDate: 2019-12-31\nauthor:\n  name: Me\ndescription: ''\n---\nBody\n",
    );
    expect(result.unmapped).toEqual([
      { key: "layout", reason: "no matching field" },
      { key: "pubDate", reason: '"date" is already set' },
      { key: "author", reason: "no matching field" },
      { key: "description", reason: "empty" },
    ]);
    expect(result.content).toBe("---\ntitle: T\ndate: 2020-01-01\n---\nBody\n");
  });

  it("merges categories into existing tags and splits Jekyll's space-separated lists", () => {
    expect(map("---\ntitle: T\ntags: [a]\ncategories: notes web\n---\n").content).toBe(
      "---\ntitle: T\ntags:\n  - a\n  - notes\n  - web\n---\n",
    );
  });

  it("keeps CRLF line endings in the lines it rewrites", () => {
    expect(map("---\r\ntitle: T\r\npublished: false\r\nlayout: post\r\n---\r\nBody\r\n").content).toBe(
      "---\r\ntitle: T\r\ndraft: true\r\n---\r\nBody\r\n",
    );
  });

  it("adds the date from a Jekyll file name when the frontmatter has none", () => {
    expect(map("---\ntitle: T\n---\nBody\n", "2019-04-01").content).toBe("---\ntitle: T\ndate: 2019-04-01\n---\nBody\n");
    expect(map("---\ntitle: T\ndate: 2019-04-02 10:00:00 -0400\n---\n", "2019-04-01").content).toBe(
      "---\ntitle: T\ndate: 2019-04-02 10:00:00 -0400\n---\n",
    );
  });

  it("turns TOML frontmatter into YAML, dates as written and a Hugo cover table into cover_image and cover_alt", () => {
    const source = [
      "+++",
      'title = "Hugo"',
      "date = 2020-03-01T08:00:00-05:00",
      "lastmod = 2020-03-05",
      'categories = ["Go"]',
      "weight = 10",
      "[cover]",
      'image = "/c.png"',
      'alt = "A cover"',
      "+++",
      "Body",
      "",
    ].join("\n");
    expect(map(source)).toEqual({
      content: [
        "---",
        "title: Hugo",
        "date: 2020-03-01T08:00:00.000-05:00",
        "updated: 2020-03-05",
        "tags:",
        "  - Go",
        "cover_image: /c.png",
        "cover_alt: A cover",
        "---",
        "Body",
        "",
      ].join("\n"),
      unmapped: [{ key: "weight", reason: "no matching field" }],
    });
  });

  it("only writes the fields of the collection's schema", () => {
    const result = mapFrontmatter("---\ntitle: About\ndate: 2020-01-01\nnav_order: 2\n---\n", { known: PAGE_FIELDS });
    expect(result.unmapped.map((entry) => entry.key)).toEqual(["date"]);
    expect(result.content).toBe("---\ntitle: About\nnav_order: 2\n---\n");
  });

  it("names what is wrong with frontmatter it cannot read", () => {
    expect(() => map("---\ntitle: [unclosed\n---\n")).toThrow(/frontmatter is not valid YAML/);
    expect(() => map('+++\ntitle = "x\n+++\n')).toThrow(/frontmatter is not valid TOML/);
  });
});

describe("splitFrontmatter", () => {
  it("finds where the body starts after YAML and TOML fences", () => {
    const yaml = "---\r\na: 1\r\n---\r\nBody";
    expect(yaml.slice(splitFrontmatter(yaml).bodyStart)).toBe("Body");
    const toml = "+++\na = 1\n+++\nBody";
    expect(splitFrontmatter(toml)).toMatchObject({ format: "toml", text: "a = 1" });
    expect(toml.slice(splitFrontmatter(toml).bodyStart)).toBe("Body");
  });
});
