import { describe, expect, it } from "vitest";
import { queryFromUrl, urlWithQuery } from "../../../src/lib/search/query.ts";

describe("queryFromUrl", () => {
  it("reads and trims ?q=", () => {
    expect(queryFromUrl("https://example.org/blog/search/?q=%20astro%20")).toBe("astro");
    expect(queryFromUrl(new URL("https://example.org/search/?q=S%C3%A4tteri"))).toBe("Sätteri");
    expect(queryFromUrl("https://example.org/search/?q=a+b")).toBe("a b");
  });

  it("is empty without a query", () => {
    expect(queryFromUrl("https://example.org/search/")).toBe("");
    expect(queryFromUrl("https://example.org/search/?q=")).toBe("");
    expect(queryFromUrl("https://example.org/search/?query=astro")).toBe("");
  });
});

describe("urlWithQuery", () => {
  it("sets the query and keeps the path, other parameters and the hash", () => {
    expect(urlWithQuery("https://example.org/blog/search/", "astro")).toBe("/blog/search/?q=astro");
    expect(urlWithQuery("https://example.org/search/?q=old&ref=nav#top", " new words ")).toBe("/search/?q=new+words&ref=nav#top");
  });

  it("removes the query when it is blank", () => {
    expect(urlWithQuery("https://example.org/search/?q=astro", "  ")).toBe("/search/");
  });

  it("round-trips through queryFromUrl", () => {
    const query = "Sätteri & <mark> 100%";
    expect(queryFromUrl(new URL(urlWithQuery("https://example.org/search/", query), "https://example.org"))).toBe(query);
  });
});
