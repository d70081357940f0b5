import { describe, expect, it } from "vitest";
import { relatedPosts, terms } from "../../../src/lib/posts/related.ts";

describe("terms", () => {
  it("keeps distinctive words and drops stop words, short words and numbers", () => {
    expect(terms("The Rust compiler's borrow checker, in 2026, is a joy")).toEqual([
      "rust",
      "compiler's",
      "borrow",
      "checker",
      "joy",
    ]);
  });
});

describe("relatedPosts", () => {
  const posts = [
    { id: "rust-borrow", text: "Rust borrow checker lifetimes ownership borrow checker errors", tags: ["rust"] },
    { id: "rust-async", text: "Rust async runtimes tokio futures ownership lifetimes", tags: ["rust"] },
    { id: "css-grid", text: "CSS grid layout subgrid columns rows layout", tags: ["css"] },
    { id: "css-color", text: "CSS colour spaces oklch light-dark contrast palettes", tags: ["css"] },
    { id: "sourdough", text: "Sourdough starter hydration flour bread baking", tags: [] },
  ];
  const related = relatedPosts(posts, 2);

  it("ranks posts that share distinctive terms and tags first", () => {
    expect(related.get("rust-borrow")?.[0]).toBe("rust-async");
    expect(related.get("css-grid")?.[0]).toBe("css-color");
  });

  it("never relates a post to itself and returns at most the requested count", () => {
    expect(related.size).toBe(posts.length);
    for (const [id, list] of related) {
      expect(list).not.toContain(id);
      expect(list.length).toBeLessThanOrEqual(2);
    }
  });

  it("returns nothing for a post that shares nothing", () => {
    expect(related.get("sourdough")).toEqual([]);
  });

  it("lets a shared tag decide between posts whose words are as close, a tag written twice counting once", () => {
    const candidates = [
      { id: "reader", text: "kettle descaling limescale", tags: ["home", "home", "garden"] },
      { id: "shares-garden", text: "kettle descaling limescale", tags: ["garden"] },
      { id: "shares-none", text: "kettle descaling limescale", tags: ["travel"] },
      { id: "shares-home", text: "kettle descaling limescale", tags: ["home"] },
    ];
    const ranked = relatedPosts(candidates, 3).get("reader");
    expect(ranked).toHaveLength(3);
    // One shared tag each ranks the two by their order, as on a tie; the post sharing none comes last.
    expect(ranked).toEqual(["shares-garden", "shares-home", "shares-none"]);
  });

  it("is deterministic", () => {
    expect(relatedPosts(posts, 2)).toEqual(related);
  });
});
