import { describe, expect, it } from "vitest";
import { withBase } from "../../src/lib/paths/base.ts";

describe("withBase", () => {
  it("adds the base to site-absolute paths only", () => {
    expect(withBase("/posts/x/", "/blog/")).toBe("/blog/posts/x/");
    expect(withBase("/blog/posts/x/", "/blog/")).toBe("/blog/posts/x/");
    expect(withBase("https://example.com/", "/blog/")).toBe("https://example.com/");
    expect(withBase("//cdn.example.com/a.png", "/blog/")).toBe("//cdn.example.com/a.png");
    expect(withBase("#section", "/blog/")).toBe("#section");
    expect(withBase("../other/", "/blog/")).toBe("../other/");
    expect(withBase("/posts/x/", "/")).toBe("/posts/x/");
  });
});
