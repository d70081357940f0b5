import { describe, expect, it } from "vitest";
import { pageSchema } from "../../../src/lib/pages/schema.ts";

const issues = (data: Record<string, unknown>) => {
  const result = pageSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("page schema", () => {
  it("accepts a page and applies defaults", () => {
    expect(pageSchema.parse({ title: "About", nav_order: 1 })).toMatchObject({ title: "About", draft: false, nav_order: 1 });
  });

  it("requires a title and a whole-number nav_order", () => {
    expect(issues({})[0]).toMatch(/^title: /);
    expect(issues({ title: "About", nav_order: 1.5 })).toEqual(["nav_order: must be a whole number"]);
  });

  it("rejects unknown keys with the closest known field", () => {
    expect(issues({ title: "About", navorder: 1 })).toEqual(['navorder: unknown field; did you mean "nav_order"?']);
    expect(issues({ title: "About", drafts: true })).toEqual(['drafts: unknown field; did you mean "draft"?']);
  });
});
