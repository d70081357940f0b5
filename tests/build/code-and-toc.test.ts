import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { readPage } from "../support/html.ts";

const dist = inject("productionDist");
const post = () => readPage(dist, "posts/code-blocks/");
const blocks = () => [...post().document.querySelectorAll(".prose .code-block")];
const lineClasses = (block: Element | undefined) => [...(block?.querySelectorAll(".line") ?? [])].map((line) => line.className);
const fromDist = (href: string) => readFileSync(join(dist, href.slice(FIXTURE_BASE.length)), "utf8");

/** Each level of the table of contents as text, indented two spaces a level. */
function outline(list: Element | null | undefined, level = 0): string[] {
  return [...(list?.children ?? [])].flatMap((item) => [
    `${"  ".repeat(level)}${item.querySelector(":scope > a")?.textContent}`,
    ...outline(item.querySelector(":scope > ol"), level + 1),
  ]);
}

describe("code blocks in a built post", () => {
  it("wraps every block, captioning the titled ones", () => {
    expect(
      blocks().map((block) => `${block.tagName.toLowerCase()}:${block.querySelector("figcaption")?.textContent ?? ""}`),
    ).toEqual(["figure:greet.ts", "div:", "figure:config.diff", "div:", "div:"]);
    expect(blocks()).toHaveLength(5);
    for (const block of blocks()) {
      const pre = block.querySelector(":scope > pre.astro-code");
      expect(pre?.getAttribute("tabindex")).toBe("0");
      expect(pre?.getAttribute("style")).toMatch(/--shiki-light:.+--shiki-dark:/);
      expect(pre?.hasAttribute("data-title")).toBe(false);
    }
  });

  it("marks the lines given in braces", () => {
    expect(
      lineClasses(blocks()[0])
        .map((name, index) => (name.includes("highlighted") ? index + 1 : 0))
        .filter(Boolean),
    ).toEqual([2, 4, 5]);
  });

  it("numbers lines only where asked, with a gutter for two digits", () => {
    const numbered = blocks().map((block) => block.querySelector("pre")?.classList.contains("line-numbers"));
    expect(numbered).toEqual([false, true, false, true, false]);
    expect(blocks()[1]?.querySelector("pre")?.getAttribute("style")).toContain("--digits:2");
  });

  it("marks changed lines of a diff fence and of diff notation, and never shows the notation", () => {
    expect(lineClasses(blocks()[2])).toEqual(["line", "line", "line", "line diff remove", "line diff add", "line", "line"]);
    const notation = blocks()[3];
    expect(lineClasses(notation)).toEqual(["line diff remove", "line diff add", "line"]);
    expect(notation?.querySelector("pre")?.classList.contains("has-diff")).toBe(true);
    expect(notation?.querySelector("code")?.textContent).toBe("const limit = 10;\nconst limit = 20;\nexport default limit;");
    expect(post().html).not.toContain("[!code");
  });

  it("keeps the long line whole, for the block to scroll", () => {
    expect(blocks()[4]?.querySelectorAll(".line")).toHaveLength(1);
    expect(blocks()[4]?.textContent?.length).toBeGreaterThan(200);
  });

  it("adds the copy button from one small module script, with no inline handlers", () => {
    const { document } = post();
    const scripts = [...document.querySelectorAll('script[type="module"]')].map((script) => {
      const src = script.getAttribute("src");
      return src ? fromDist(src) : (script.textContent ?? "");
    });
    const copy = scripts.filter((code) => code.includes("copy-button"));
    expect(copy).toHaveLength(1);
    expect(Buffer.byteLength(copy[0] ?? "")).toBeLessThan(1024);
    expect(document.querySelector(".copy-button")).toBeNull();
    const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith("on")),
    );
    expect(handlers).toEqual([]);
  });

  it("keeps a post page's HTML and CSS under 14 KB gzipped", () => {
    for (const path of ["posts/code-blocks/", "posts/hello-world/"]) {
      const { html, document } = readPage(dist, path);
      const css = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
        fromDist(link.getAttribute("href") ?? ""),
      );
      const bytes = [html, ...css].reduce((total, text) => total + gzipSync(text).length, 0);
      expect(bytes, path).toBeLessThan(14 * 1024);
    }
  });
});

describe("table of contents in a built post", () => {
  it("nests h3 headings under their h2 (a skipped level is a unit test: the Nu checker rejects one in a page)", () => {
    const toc = post().document.querySelector(".post-body > nav.toc");
    expect(toc?.getAttribute("aria-label")).toBe("Contents");
    expect(outline(toc?.querySelector("details > ol"))).toEqual([
      "Titles and highlighted lines",
      "  Line numbers",
      "Diffs",
      "  A diff fence",
      "  Diff notation in any language",
      "A very long line",
    ]);
  });

  it("comes before the text, closed until opened, and links to headings that exist", () => {
    const { document } = post();
    const toc = document.querySelector("nav.toc");
    expect(toc?.nextElementSibling?.classList.contains("prose")).toBe(true);
    expect(toc?.querySelector("details")?.hasAttribute("open")).toBe(false);
    expect(toc?.querySelector("details > summary")?.textContent).toBe("Contents");
    const links = [...(toc?.querySelectorAll("a") ?? [])];
    expect(links).toHaveLength(6);
    for (const link of links) {
      const id = link.getAttribute("href")?.slice(1) ?? "";
      expect(document.getElementById(id)?.textContent).toContain(link.textContent);
    }
  });

  it("leaves out the footnotes heading", () => {
    const toc = readPage(dist, "posts/hello-world/").document.querySelector("nav.toc details > ol");
    expect(outline(toc)).toEqual(["A section with a table", "Images in every form", "Lists", "Code"]);
  });

  it("is left out of posts with fewer than three headings", () => {
    expect(readPage(dist, "posts/second-post/").document.querySelector(".toc")).toBeNull();
  });
});
