import { describe, expect, it } from "vitest";
import { byRule, lintVirtual } from "./helpers.ts";

describe("line and column numbers", () => {
  it("count frontmatter lines, so reports match the file", () => {
    const source = ["---", "title: T", "description: D", "tags: [a, b]", "---", "", "Intro.", "", "A ![](x.png) here."].join(
      "\n",
    );
    const [hit] = byRule(lintVirtual({ "posts/p.md": source }, { existing: ["content/posts/x.png"] }), "image-alt");
    expect(hit).toMatchObject({ line: 9, column: 3 });
  });

  it("work with CRLF line endings and a byte-order mark", () => {
    const source = "\ufeff---\r\ntitle: T\r\n---\r\n\r\nSee â€” this.\r\n";
    const [hit] = byRule(lintVirtual({ "posts/p.md": source }), "mojibake");
    expect(hit).toMatchObject({ line: 5, column: 5 });
  });

  it("count astral characters as two UTF-16 units, like editors do", () => {
    const source = "😀 x ![](a.png)";
    const [hit] = byRule(lintVirtual({ "posts/p.md": source }, { existing: ["content/posts/a.png"] }), "image-alt");
    expect(hit).toMatchObject({ line: 1, column: 6 });
  });

  it("locate mojibake inside text with entities and emphasis", () => {
    const source = "Tom &amp; Jerry *donâ€™t* Ã©";
    expect(byRule(lintVirtual({ "posts/p.md": source }), "mojibake").map((d) => d.column)).toEqual([21, 27]);
  });

  it("point at the frontmatter key for frontmatter problems", () => {
    const source = [
      "---",
      "date: 2026-01-01",
      `title: "${"x".repeat(61)}"`,
      "cover_image: ./gone.png",
      "cover_alt: ok",
      "---",
      "Body",
    ].join("\n");
    const diagnostics = lintVirtual({ "posts/p.md": source });
    expect(byRule(diagnostics, "frontmatter-length")).toMatchObject([{ line: 3, column: 8, severity: "warning" }]);
    expect(byRule(diagnostics, "missing-image")).toMatchObject([{ line: 4, column: 14, severity: "error" }]);
  });

  it("report invalid frontmatter and MDX syntax as errors", () => {
    const diagnostics = lintVirtual({
      "posts/bad-yaml.md": "---\ntitle: [unclosed\n---\nBody",
      "posts/bad.mdx": "---\ntitle: T\n---\n\n<Open>\n\nno closing tag\n",
    });
    expect(byRule(diagnostics, "syntax").map((d) => [d.file, d.line, d.severity])).toEqual([
      ["posts/bad-yaml.md", 2, "error"],
      ["posts/bad.mdx", 5, "error"],
    ]);
  });
});
