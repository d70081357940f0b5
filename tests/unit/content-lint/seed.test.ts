import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintSources } from "../../../src/lib/content-lint/runner.ts";
import { FIXTURES, SEED, byRule, columnOf, lineOf } from "./helpers.ts";

const source = fs.readFileSync(SEED, "utf8");

function lintSeed(publicDir: string) {
  return lintSources(
    [{ file: "posts/gpt-5-3-codex-spark.md", absPath: SEED, source, contentPath: "posts/gpt-5-3-codex-spark.md" }],
    {
      publicDir,
    },
  ).diagnostics;
}

describe("the untouched seed post", () => {
  const diagnostics = lintSeed(path.join(FIXTURES, "seed-public"));

  it("reports the double-encoded em dash as a warning on its own line and column", () => {
    const [hit, ...others] = byRule(diagnostics, "mojibake");
    expect(others).toEqual([]);
    expect(hit).toMatchObject({
      severity: "warning",
      line: lineOf(source, "â€”"),
      column: columnOf(source, "â€”"),
    });
    expect(hit?.message).toContain('"â€”"');
    expect(hit?.message).toContain('did you mean "—"');
  });

  it("reports the URL that contains two URLs as an error on its line", () => {
    const [hit, ...others] = byRule(diagnostics, "nested-url");
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ severity: "error", line: lineOf(source, "composerhttps://") });
    expect(hit?.column).toBe(columnOf(source, "https://cursor.com/blog/composer-1-5"));
    expect(hit?.message).toContain('"https://cursor.com/blog/composer" + "https://cursor.com/blog/composer-1-5"');
  });

  it("finds the cover image when public/ has it, and flags it when it does not", () => {
    expect(byRule(diagnostics, "missing-image")).toEqual([]);
    const withoutPublic = byRule(lintSeed(path.join(FIXTURES, "does-not-exist")), "missing-image");
    expect(withoutPublic).toHaveLength(1);
    expect(withoutPublic[0]).toMatchObject({ severity: "error", line: lineOf(source, "cover_image:") });
  });

  it("has no other errors: remote images are not fetched and external links are not checked", () => {
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error" && diagnostic.rule !== "nested-url")).toEqual([]);
    expect(byRule(diagnostics, "internal-link")).toEqual([]);
  });
});
