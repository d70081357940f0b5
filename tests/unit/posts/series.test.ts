import { describe, expect, it } from "vitest";
import { groupSeries, oldestFirst } from "../../../src/lib/posts/series.ts";
import { createPostSchema } from "../../../src/lib/posts/schema.ts";
import { z } from "astro/zod";
import { byRule, lintVirtual } from "../content-lint/helpers.ts";

const post = (slug: string, date: string | undefined, series?: string) => ({
  slug,
  date: date ? new Date(date) : undefined,
  series: series ? { name: series, slug: series.toLowerCase().replace(/\s+/g, "-") } : undefined,
});

describe("series", () => {
  it("groups posts by series, oldest first, undated drafts last, series by name", () => {
    const grouped = groupSeries(
      [
        post("c", "2024-03-01", "Astro Tips"),
        post("draft", undefined, "Astro Tips"),
        post("a", "2024-01-01", "Astro Tips"),
        post("lone", "2024-02-01"),
        post("z", "2024-02-01", "A Walk"),
      ],
      (p) => `${p.slug}.md`,
    );
    expect(grouped.map((series) => [series.name, series.slug, series.posts.map((p) => p.slug)])).toEqual([
      ["A Walk", "a-walk", ["z"]],
      ["Astro Tips", "astro-tips", ["a", "c", "draft"]],
    ]);
    expect([post("b", undefined), post("a", "2024-01-01")].sort(oldestFirst).map((p) => p.slug)).toEqual(["a", "b"]);
  });

  it("refuses two spellings that would share one page, naming both files", () => {
    expect(() =>
      groupSeries(
        [
          post("a", "2024-01-01", "Astro Tips"),
          { ...post("b", "2024-02-01"), series: { name: "astro tips", slug: "astro-tips" } },
        ],
        (p) => `posts/${p.slug}.md`,
      ),
    ).toThrow(
      'posts/b.md: series: "astro tips" and "Astro Tips" (in posts/a.md) would share /series/astro-tips/; spell the series the same in both posts',
    );
  });

  it("is an optional text field of a post", () => {
    const schema = createPostSchema({ timeZone: "UTC", cover: z.string() });
    expect(schema.parse({ title: "T", date: "2024-01-01", series: " Astro Tips " }).series).toBe("Astro Tips");
    expect(schema.parse({ title: "T", date: "2024-01-01" }).series).toBeUndefined();
    const result = schema.safeParse({ title: "T", date: "2024-01-01", series: ["a", "b"] });
    expect(result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)).toEqual([
      "series: must be the series' name, as text",
    ]);
  });

  it("is checked by the content checks: text only, one spelling across posts", () => {
    const diagnostics = lintVirtual({
      "posts/a.md": "---\ntitle: A\ndate: 2024-01-01\nseries: Astro Tips\n---\n\nText.\n",
      "posts/b.md": "---\ntitle: B\ndate: 2024-02-01\nseries: astro tips\n---\n\nText.\n",
      "posts/c.md": "---\ntitle: C\ndate: 2024-03-01\nseries: [one, two]\n---\n\nText.\n",
    });
    expect(byRule(diagnostics, "series").map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([
      'posts/b.md:4: series "astro tips" is spelled "Astro Tips" in posts/a.md; write it the same in every post of the series',
      "posts/c.md:4: series must be the series' name, as text",
    ]);
  });
});
