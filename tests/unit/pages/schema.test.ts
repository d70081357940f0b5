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

  it("takes the title from the file name when there is none, and needs a whole-number nav_order", () => {
    expect(issues({})).toEqual([]);
    expect(issues({ title: "" })[0]).toMatch(/^title: cannot be empty/);
    expect(issues({ title: 3 })[0]).toMatch(/^title: must be text/);
    expect(issues({ title: "About", nav_order: 1.5 })).toEqual(["nav_order: must be a whole number"]);
    expect(titleFromSlug("now")).toBe("Now");
    expect(titleFromSlug("my-uses")).toBe("My uses");
    expect(titleFromSlug("écrits")).toBe("Écrits");
  });

  it("accepts a cover and its alt text", () => {
    expect(pageSchema.parse({ cover_image: "./me.png", cover_alt: "Me" })).toMatchObject({
      cover_image: "./me.png",
      cover_alt: "Me",
    });
  });

  it("rejects unknown keys with the closest known field", () => {
    expect(issues({ title: "About", navorder: 1 })).toEqual(['navorder: unknown field; did you mean "nav_order"?']);
    expect(issues({ title: "About", drafts: true })).toEqual(['drafts: unknown field; did you mean "draft"?']);
  });
});
