import { describe, expect, it } from "vitest";
import { findNestedUrl } from "../../../src/lib/content-lint/rules/nested-url.ts";
import { byRule, lintVirtual } from "./helpers.ts";

describe("findNestedUrl", () => {
  it("finds two URLs pasted together", () => {
    expect(findNestedUrl("https://cursor.com/blog/composerhttps://cursor.com/blog/composer-1-5")).toEqual({
      index: 32,
      first: "https://cursor.com/blog/composer",
      second: "https://cursor.com/blog/composer-1-5",
    });
    expect(findNestedUrl("https://a.example/x/http://b.example/")?.second).toBe("http://b.example/");
    expect(findNestedUrl("/posts/foohttps://example.com/")?.first).toBe("/posts/foo");
  });

  it.each([
    "https://example.com/path",
    "https://example.com/share?url=https://example.org/",
    "https://example.com/login?next=http%3A%2F%2Fexample.org",
    "https://web.archive.org/web/2020/https://example.com/",
    "https://archive.ph/https://example.com/",
  ])("accepts %s", (url) => {
    expect(findNestedUrl(url)).toBeUndefined();
  });
});

describe("nested-url rule", () => {
  it("checks links, autolinks, reference definitions and images, pointing at the second URL", () => {
    const source = [
      "---",
      "title: T",
      "---",
      "[a](https://a.com/xhttps://b.com/y) <https://c.com/https://d.com>",
      "",
      "![img](https://e.com/i.pnghttps://f.com/j.png) [ref][r] [again][r]",
      "",
      "[r]: https://g.comhttps://h.com",
    ].join("\n");
    const found = byRule(lintVirtual({ "posts/p.md": source }), "nested-url");
    expect(found.map((d) => [d.line, d.column, d.severity])).toEqual([
      [4, 20, "error"],
      [4, 52, "error"],
      [6, 27, "error"],
      [8, 19, "error"],
    ]);
  });
});
