import { describe, expect, it } from "vitest";
import { groupByYear } from "../../../src/lib/posts/archive.ts";
import { groupByTag } from "../../../src/lib/posts/tags.ts";

const tag = (name: string, slug = name) => ({ name, slug });

describe("groupByTag", () => {
  it("groups posts by tag, most used first, then by name", () => {
    const a = { id: "a", tags: [tag("astro"), tag("css")] };
    const b = { id: "b", tags: [tag("astro")] };
    const c = { id: "c", tags: [tag("ai")] };
    expect(groupByTag([a, b, c]).map((group) => [group.name, group.posts.map((post) => post.id)])).toEqual([
      ["astro", ["a", "b"]],
      ["ai", ["c"]],
      ["css", ["a"]],
    ]);
  });

  it("refuses two tags that would share a URL", () => {
    expect(() => groupByTag([{ tags: [tag("c++", "c")] }, { tags: [tag("c")] }])).toThrow(
      /"c\+\+" and "c" would share the URL \/tags\/c\//,
    );
  });
});

describe("groupByYear", () => {
  it("groups by the year in the site's zone, keeping order", () => {
    const posts = [
      { id: "new-year-in-ny", date: new Date("2026-01-01T03:00:00Z") },
      { id: "mid", date: new Date("2025-06-01T00:00:00Z") },
      { id: "undated" },
    ];
    expect(groupByYear(posts, "America/New_York").map((group) => [group.year, group.posts.map((post) => post.id)])).toEqual([
      ["2025", ["new-year-in-ny", "mid"]],
      ["Undated", ["undated"]],
    ]);
  });
});
