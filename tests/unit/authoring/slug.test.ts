import { describe, expect, it } from "vitest";
import { isValidSlug, slugify, transliterate } from "../../../src/lib/authoring/slug.ts";

describe("slugify", () => {
  it.each([
    ["Hello World", "hello-world"],
    ["An underbaked GPT-Codex-5.3-Spark review", "an-underbaked-gpt-codex-5-3-spark-review"],
    ["Café: crème brûlée & Zürich", "cafe-creme-brulee-zurich"],
    ["Straße über Łódź, Ærø and Œuvre", "strasse-uber-lodz-aero-and-oeuvre"],
    ["Don't panic! (It’s fine)", "dont-panic-its-fine"],
    ['"Quoted" title: with a colon', "quoted-title-with-a-colon"],
    ["  --Hello   World--  ", "hello-world"],
    ["A — dash – and/or snake_case", "a-dash-and-or-snake-case"],
    ["Node.js 24 & TypeScript", "node-js-24-typescript"],
    ["ﬁne Ⅻ ｆｕｌｌｗｉｄｔｈ", "fine-xii-fullwidth"],
    ["がんばって ガイド", "がんばって-ガイド"],
    ["!!!", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("keeps long slugs readable by cutting at a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it("transliterates accents without touching other scripts", () => {
    expect(transliterate("Ångström naïve façade")).toBe("Angstrom naive facade");
    expect(transliterate("Ελληνικά")).toBe("Ελληνικά");
  });

  it("validates slugs given by hand", () => {
    expect(isValidSlug("my-post-2")).toBe(true);
    expect(isValidSlug("My Post")).toBe(false);
    expect(isValidSlug("trailing-")).toBe(false);
    expect(isValidSlug("")).toBe(false);
  });
});
