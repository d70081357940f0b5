import { describe, expect, it } from "vitest";
import { titleTransitionName } from "../../../src/lib/posts/transition.ts";

describe("titleTransitionName", () => {
  it("is a valid CSS identifier for any slug, the same each time", () => {
    const slugs = ["hello-world", "jumbocode+", "a&b", "café", "日本語", "x".repeat(300)];
    const names = slugs.map(titleTransitionName);
    expect(names).toHaveLength(6);
    for (const name of names) expect(name).toMatch(/^post-title-[0-9a-z]+$/);
    expect(new Set(names).size).toBe(6);
    expect(titleTransitionName("café")).toBe(names[3]);
  });
});
