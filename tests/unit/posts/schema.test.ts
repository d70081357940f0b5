import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { createPostSchema, suggestField } from "../../../src/lib/posts/schema.ts";

const schema = createPostSchema({ timeZone: "America/New_York", cover: z.string() });
const parse = (data: Record<string, unknown>) => schema.safeParse(data);
const issues = (data: Record<string, unknown>) => {
  const result = parse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("post schema", () => {
  it("accepts the seed post's frontmatter as written", () => {
    const result = parse({
      title: "An underbaked GPT-Codex-5.3-Spark review",
      date: "2026-02-14",
      draft: true,
      cover_image: "/posts/gpt-5-3-codex-spark/cover_image.png",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      draft: true,
      unlisted: false,
      starred: false,
      tags: [],
      date: new Date("2026-02-14T05:00:00Z"),
    });
  });

  it("applies defaults", () => {
    expect(parse({ title: "T", date: "2026-01-01" }).data).toMatchObject({
      draft: false,
      unlisted: false,
      starred: false,
      tags: [],
    });
  });

  it("requires a non-empty title", () => {
    expect(issues({ date: "2026-01-01" })).toEqual([expect.stringMatching(/^title: /)]);
    expect(issues({ title: "   ", date: "2026-01-01" })).toEqual(["title: cannot be empty"]);
  });

  it("requires a date unless the post is a draft", () => {
    expect(issues({ title: "T" })).toEqual(["date: is required unless the post is a draft (draft: true)"]);
    expect(issues({ title: "T", draft: true })).toEqual([]);
  });

  it("rejects impossible dates as the author wrote them", () => {
    expect(issues({ title: "T", date: "2026-02-30" })).toEqual(['date: "2026-02-30" is not a real calendar date']);
  });

  it("accepts ISO date-times", () => {
    expect(parse({ title: "T", date: "2026-02-14T10:00:00Z" }).data?.date).toEqual(new Date("2026-02-14T10:00:00Z"));
  });

  it("keeps updated on or after date", () => {
    expect(issues({ title: "T", date: "2026-02-14", updated: "2026-02-13" })).toEqual([
      "updated: cannot be before the post's date",
    ]);
    expect(issues({ title: "T", date: "2026-02-14", updated: "2026-02-14" })).toEqual([]);
  });

  it("wants real booleans", () => {
    expect(issues({ title: "T", date: "2026-01-01", draft: "yes" })).toEqual(["draft: must be true or false (without quotes)"]);
    expect(issues({ title: "T", date: "2026-01-01", unlisted: "false" })).toEqual([
      "unlisted: must be true or false (without quotes)",
    ]);
    expect(issues({ title: "T", date: "2026-01-01", starred: 1 })).toEqual(["starred: must be true or false (without quotes)"]);
  });

  it("trims, lowercases and de-duplicates tags", () => {
    expect(parse({ title: "T", date: "2026-01-01", tags: [" AI ", "ai", "Tools"] }).data?.tags).toEqual(["ai", "tools"]);
    expect(issues({ title: "T", date: "2026-01-01", tags: ["ok", " "] })).toEqual(["tags.1: tags cannot be empty strings"]);
    expect(issues({ title: "T", date: "2026-01-01", tags: "ai" })[0]).toMatch(/^tags: /);
  });

  it("accepts any slug one URL path segment can carry", () => {
    for (const slug of ["my-post.v2", "jumbocode+", "café", "日本語", "Straße", "a_b~c!$&'()*,;=@d", "-lead", "trail-"]) {
      expect(issues({ title: "T", date: "2026-01-01", slug }), slug).toEqual([]);
    }
  });

  it("rejects a slug a URL path segment cannot carry, naming the character and the rule", () => {
    const cases: [string, RegExp][] = [
      ["a/b", /^slug: "a\/b" has "\/"; a slug holds letters and digits of any script and -\._~!\$&'\(\)\*\+,;=@$/],
      ["a?b", /^slug: "a\?b" has "\?"/],
      ["a#b", /^slug: "a#b" has "#"/],
      ["100%", /^slug: "100%" has "%"/],
      ["my post", /^slug: "my post" has whitespace/],
      ["a\u0007b", /^slug: ".*" has the control character U\+0007/],
      ["..", /^slug: "\.\." is not a usable URL segment/],
      ["", /^slug: cannot be empty/],
    ];
    expect(cases).toHaveLength(8);
    for (const [slug, message] of cases) expect(issues({ title: "T", date: "2026-01-01", slug })[0], slug).toMatch(message);
  });

  it("takes the post's own language as a BCP 47 tag", () => {
    expect(parse({ title: "T", date: "2026-01-01", lang: "pt-BR" }).data?.lang).toBe("pt-BR");
    for (const lang of ["Deutsch", "de_DE", "en-", ""]) {
      expect(issues({ title: "T", date: "2026-01-01", lang })[0], lang).toBe(
        'lang: expected a BCP 47 language tag such as "en" or "en-GB"',
      );
    }
    expect(issues({ title: "T", date: "2026-01-01", lang: 3 })[0]).toMatch(/^lang: must be text/);
  });

  it("rejects unknown keys and names the closest known field", () => {
    expect(issues({ title: "T", date: "2026-01-01", drafts: true })).toEqual(['drafts: unknown field; did you mean "draft"?']);
    expect(issues({ title: "T", date: "2026-01-01", coverimage: "x.png" })).toEqual([
      'coverimage: unknown field; did you mean "cover_image"?',
    ]);
    expect(issues({ title: "T", date: "2026-01-01", wibble: 1 })[0]).toMatch(
      /^wibble: unknown field; known fields are title, date/,
    );
  });

  it("rejects an empty description rather than publishing a blank one", () => {
    expect(issues({ title: "T", date: "2026-01-01", description: " " })).toEqual([
      "description: cannot be empty (leave it out instead)",
    ]);
  });
});

describe("suggestField", () => {
  it.each([
    ["drafts", "draft"],
    ["Title", "title"],
    ["tag", "tags"],
    ["cover-image", "cover_image"],
    ["coveralt", "cover_alt"],
    ["unlist", "unlisted"],
  ])("%s → %s", (typo, expected) => {
    expect(suggestField(typo)).toBe(expected);
  });

  it("suggests nothing for a key unlike any field", () => {
    expect(suggestField("xyzzy")).toBeUndefined();
  });
});
