import { describe, expect, it } from "vitest";
import { en } from "../../../src/lib/i18n/en.ts";
import { excerptParts, resultDate, resultsMessage, toSearchResult } from "../../../src/lib/search/results.ts";

describe("excerptParts", () => {
  it("splits an excerpt into plain and marked runs", () => {
    expect(excerptParts("a <mark>fixture</mark> post, <mark>fixture</mark>s")).toEqual([
      { text: "a ", marked: false },
      { text: "fixture", marked: true },
      { text: " post, ", marked: false },
      { text: "fixture", marked: true },
      { text: "s", marked: false },
    ]);
  });

  it("handles an excerpt without hits, and one that starts or ends with a hit", () => {
    expect(excerptParts("no hits here")).toEqual([{ text: "no hits here", marked: false }]);
    expect(excerptParts("<mark>only</mark>")).toEqual([{ text: "only", marked: true }]);
    expect(excerptParts("")).toEqual([]);
  });

  it("gives back the post's own text, which Pagefind escaped, as text and never as markup", () => {
    expect(excerptParts("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; &amp; R&D <mark>&lt;b&gt;</mark>")).toEqual([
      { text: "</script><b>x</b> &amp; R&D ", marked: false },
      { text: "<b>", marked: true },
    ]);
  });
});

describe("resultDate", () => {
  it("shows the post's calendar day whatever the reader's time zone", () => {
    expect(resultDate("2025-01-01", "en")).toEqual({ datetime: "2025-01-01", text: "January 1, 2025" });
    expect(resultDate("2025-12-31", "en-GB")).toEqual({ datetime: "2025-12-31", text: "31 December 2025" });
  });

  it("ignores a missing or malformed date", () => {
    for (const value of [undefined, "", "2025-1-1", "2025-02-30", "2025-13-01", "January 1, 2025", "2025-01-01T00:00:00Z"]) {
      expect(resultDate(value, "en"), String(value)).toBeUndefined();
    }
  });
});

describe("toSearchResult", () => {
  it("builds the model a result item is rendered from", () => {
    const result = toSearchResult(
      {
        url: "/blog/posts/hello-world/",
        excerpt: "… a <mark>fixture</mark> …",
        meta: { title: " Hello, fixture world ", date: "2025-01-10", image: "/blog/_astro/cover.webp" },
      },
      "en",
    );
    expect(result).toEqual({
      url: "/blog/posts/hello-world/",
      title: "Hello, fixture world",
      excerpt: [
        { text: "… a ", marked: false },
        { text: "fixture", marked: true },
        { text: " …", marked: false },
      ],
      date: { datetime: "2025-01-10", text: "January 10, 2025" },
    });
  });

  it("falls back to the URL for a page without a title and leaves the date out when there is none", () => {
    const result = toSearchResult({ url: "/posts/untitled/", excerpt: "text", meta: { title: "  " } }, "en");
    expect(result.title).toBe("/posts/untitled/");
    expect(result).not.toHaveProperty("date");
  });
});

describe("resultsMessage", () => {
  it("counts posts in words a screen reader can announce", () => {
    expect(resultsMessage(0, "zebra", en.search, "en")).toBe("No posts match “zebra”.");
    expect(resultsMessage(1, "fixture", en.search, "en")).toBe("1 post matches “fixture”.");
    expect(resultsMessage(12, "astro", en.search, "en")).toBe("12 posts match “astro”.");
  });
});
