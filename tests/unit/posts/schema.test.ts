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
    expect(issues({ title: "   ", date: "2026-01-01" })).toEqual(["title: is empty; write text, like title: My first post"]);
  });

  it("requires a date unless the post is a draft", () => {
    expect(issues({ title: "T" })).toEqual([
      "date: is missing; it is required unless the post is a draft (draft: true), like date: 2026-03-14",
    ]);
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
      "updated: 2026-02-13 is before the post's date (2026-02-14); write that day or a later one, like updated: 2026-02-14",
    ]);
    expect(issues({ title: "T", date: "2026-02-14", updated: "2026-02-14" })).toEqual([]);
  });

  it("wants real booleans", () => {
    expect(issues({ title: "T", date: "2026-01-01", draft: "yes" })).toEqual([
      'draft: "yes" is text; write true or false without quotes, like draft: true',
    ]);
    expect(issues({ title: "T", date: "2026-01-01", unlisted: "false" })).toEqual([
      'unlisted: "false" is text; write true or false without quotes, like unlisted: false',
    ]);
    expect(issues({ title: "T", date: "2026-01-01", starred: 1 })).toEqual([
      "starred: 1 is a number; write true or false without quotes, like starred: true",
    ]);
  });

  it("trims, lowercases and de-duplicates tags", () => {
    expect(parse({ title: "T", date: "2026-01-01", tags: [" AI ", "ai", "Tools"] }).data?.tags).toEqual(["ai", "tools"]);
    expect(issues({ title: "T", date: "2026-01-01", tags: ["ok", " "] })).toEqual([
      "tags: item 2 is empty; remove it, or write a tag, like tags: [ai, tools]",
    ]);
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
        `lang: ${JSON.stringify(lang)} is not a BCP 47 language tag; write one like lang: de`,
      );
    }
    expect(issues({ title: "T", date: "2026-01-01", lang: 3 })[0]).toBe(
      "lang: 3 is a number; write a BCP 47 language tag, like lang: de",
    );
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
      "description: is empty; leave the field out or write text, like description: What this post is about, in a sentence.",
    ]);
  });
});

describe("post schema wording: the field once, the author's value, plain words, an example", () => {
  const valid = { title: "T", date: "2026-01-01" };
  const only = (data: Record<string, unknown>) => issues({ ...valid, ...data });

  it("takes one word where a list is expected as a one-item list", () => {
    expect(parse({ ...valid, tags: "AI" }).data?.tags).toEqual(["ai"]);
  });

  it.each([
    [
      "title",
      { title: 1984 },
      'title: 1984 is a number; write text (in quotes, since it looks like a number), like title: "1984"',
    ],
    ["title", { title: ["A", "B"] }, 'title: ["A", "B"] is a list; write text, like title: My first post'],
    ["title", { title: null }, "title: is empty; write text, like title: My first post"],
    ["title", { title: undefined }, "title: is missing; write text, like title: My first post"],
    ["date", { date: { year: 2026 } }, "date: { year: 2026 } is a group of fields; write a date, like date: 2026-03-14"],
    ["date", { date: ["2026-01-01"] }, 'date: ["2026-01-01"] is a list; write a date, like date: 2026-03-14'],
    ["date", { date: 2026 }, "date: 2026 is a number; write a date, like date: 2026-03-14"],
    ["date", { date: "2026-13-45" }, 'date: "2026-13-45" is not a real calendar date'],
    ["date", { date: "soon" }, 'date: "soon" is not a date; write one like 2026-02-14, or 2026-02-14T09:30:00Z with a time'],
    ["updated", { updated: true }, "updated: true is true/false; write a date, like updated: 2026-03-14"],
    [
      "description",
      { description: ["a"] },
      'description: ["a"] is a list; leave the field out or write text, like description: What this post is about, in a sentence.',
    ],
    ["draft", { draft: "yes" }, 'draft: "yes" is text; write true or false without quotes, like draft: true'],
    ["draft", { draft: "no" }, 'draft: "no" is text; write true or false without quotes, like draft: false'],
    ["draft", { draft: [true] }, "draft: [true] is a list; write true or false without quotes, like draft: true"],
    ["unlisted", { unlisted: 0 }, "unlisted: 0 is a number; write true or false without quotes, like unlisted: true"],
    [
      "starred",
      { starred: { yes: true } },
      "starred: { yes: true } is a group of fields; write true or false without quotes, like starred: true",
    ],
    ["cover_alt", { cover_alt: 7 }, "cover_alt: 7 is a number; write text, like cover_alt: A red bicycle against a wall"],
    ["tags", { tags: 42 }, "tags: 42 is a number; write a list, like tags: [ai, tools]"],
    ["tags", { tags: { ai: true } }, "tags: { ai: true } is a group of fields; write a list, like tags: [ai, tools]"],
    ["tags", { tags: "ai, tools" }, 'tags: "ai, tools" is one piece of text; write a list, like tags: [ai, tools]'],
    ["tags", { tags: ["ai", 3] }, "tags: item 2 (3) is a number; write each tag as text, like tags: [ai, tools]"],
    ["tags", { tags: ["ai", null] }, "tags: item 2 is empty; write each tag as text, like tags: [ai, tools]"],
  ])("%s: %j", (_, data, message) => {
    expect(only(data)).toEqual([message]);
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
