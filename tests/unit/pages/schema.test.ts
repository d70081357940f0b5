import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { createPageSchema, titleFromSlug } from "../../../src/lib/pages/schema.ts";

const pageSchema = createPageSchema({ cover: z.string() });

const issues = (data: Record<string, unknown>) => {
  const result = pageSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("page schema", () => {
  it("accepts a page and applies defaults", () => {
    expect(pageSchema.parse({ title: "About", nav_order: 1 })).toMatchObject({ title: "About", draft: false, nav_order: 1 });
  });

  it("accepts a cover and its alt text", () => {
    expect(pageSchema.parse({ cover_image: "./me.png", cover_alt: "Me" })).toMatchObject({
      cover_image: "./me.png",
      cover_alt: "Me",
    });
  });

  it("takes the title from the file name when there is none, and needs a whole-number nav_order", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ title: 3 })[0]).toMatch(/^title: 3 is a number; leave the field out or write text/);
    expect(titleFromSlug("now")).toBe("Now");
    expect(titleFromSlug("my-uses")).toBe("My uses");
    expect(titleFromSlug("écrits")).toBe("Écrits");
    expect(issues({ title: "About", nav_order: 1.5 })).toEqual([
      "nav_order: 1.5 is not a whole number; write a whole number without quotes, like nav_order: 2",
    ]);
  });

  it.each([
    [{ nav_order: "2" }, 'nav_order: "2" is text; write a whole number without quotes, like nav_order: 2'],
    [{ nav_order: [1] }, "nav_order: [1] is a list; write a whole number without quotes, like nav_order: 2"],
    [{ draft: "yes" }, 'draft: "yes" is text; write true or false without quotes, like draft: true'],
    [
      { description: 3 },
      'description: 3 is a number; leave the field out or write text (in quotes, since it looks like a number), like description: "3"',
    ],
    [
      { description: { a: 1 } },
      "description: { a: 1 } is a group of fields; leave the field out or write text, like description: Who writes here, and why.",
    ],
  ])("words a wrong type like every other field: %j", (data, message) => {
    expect(issues({ title: "About", ...data })).toEqual([message]);
  });

  it("rejects unknown keys with the closest known field", () => {
    expect(issues({ title: "About", navorder: 1 })).toEqual(['navorder: unknown field; did you mean "nav_order"?']);
    expect(issues({ title: "About", drafts: true })).toEqual(['drafts: unknown field; did you mean "draft"?']);
  });
});
