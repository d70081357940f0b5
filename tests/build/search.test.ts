import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { close, createIndex } from "pagefind";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { readPage } from "../support/html.ts";
import { isSearchablePage } from "../../src/lib/search/indexing.ts";
import { indexedPages } from "../support/pagefind.ts";

const dist = inject("productionDist");
const preview = inject("previewDist");

const entry = (root: string) =>
  JSON.parse(readFileSync(join(root, "pagefind/pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { page_count: number }>;
  };

describe("search index of the production build", () => {
  const pages = indexedPages(dist);

  it("is written under pagefind/ with the browser bundle", () => {
    for (const file of ["pagefind.js", "pagefind-entry.json"]) expect(existsSync(join(dist, "pagefind", file)), file).toBe(true);
    expect(entry(dist).languages["en"]?.page_count).toBe(pages.length);
  });

  it("holds exactly the posts the archive lists", () => {
    const listed = [...readPage(dist, "posts").document.querySelectorAll(".post-list .title a")].map((a) =>
      a.getAttribute("href")?.replace(FIXTURE_BASE, "/"),
    );
    expect(listed.length).toBeGreaterThan(1);
    expect(pages.map((page) => page.url).sort()).toEqual(listed.sort());
  });

  it("leaves out unlisted posts and every page that is not a post", () => {
    const urls = pages.map((page) => page.url);
    expect(urls).not.toContain("/posts/unlisted-post/");
    expect(urls.filter((url) => !url.startsWith("/posts/"))).toEqual([]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.content).not.toContain("Reachable by its URL");
  });

  it("indexes the post's own text, titled and dated, without the page's chrome", () => {
    const hello = pages.find((page) => page.url === "/posts/hello-world/");
    expect(hello?.meta).toMatchObject({ title: "Hello, fixture world", date: "2025-01-10" });
    expect(hello?.content).toContain("strikethrough");
    expect(hello?.content).toContain("Sätteri");
    for (const chrome of ["Skip to content", "Switch theme", "min read", "Newer", "Older"]) {
      expect(hello?.content, chrome).not.toContain(chrome);
    }
  });
});

describe("the pages as the build gives them to Pagefind", () => {
  it("index to the same files as the whole pages would, styles, scripts and comments and all", async () => {
    const files = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith(".html"))
      .sort()
      .filter((file) => isSearchablePage(readFileSync(join(dist, file), "utf8")));
    expect(files).toHaveLength(indexedPages(dist).length);
    const output = mkdtempSync(join(tmpdir(), "pagefind-whole-"));
    try {
      const { index } = await createIndex();
      if (!index) throw new Error("Pagefind did not start");
      for (const file of files) {
        const url = `/${file
          .split(sep)
          .join("/")
          .replace(/index\.html$/, "")}`;
        expect((await index.addHTMLFile({ url, content: readFileSync(join(dist, file), "utf8") })).errors).toEqual([]);
      }
      expect((await index.writeFiles({ outputPath: output })).errors).toEqual([]);
      await close();
      const built = readdirSync(join(dist, "pagefind"), { recursive: true }).map(String).sort();
      expect(readdirSync(output, { recursive: true }).map(String).sort()).toEqual(built);
      expect(built.filter((file) => file.startsWith(`fragment${sep}`))).toHaveLength(files.length);
      for (const file of built.filter((name) => statSync(join(output, name)).isFile())) {
        expect(readFileSync(join(output, file)).equals(readFileSync(join(dist, "pagefind", file))), file).toBe(true);
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  });
});

describe("search index of the preview build", () => {
  it("is empty: a preview build marks every page noindex, drafts included", () => {
    expect(indexedPages(preview)).toEqual([]);
    expect(entry(preview).languages).toEqual({});
  });
});

describe("search page", () => {
  it("is a GET form to itself that works without JavaScript", () => {
    const { document } = readPage(dist, "search");
    const form = document.querySelector('form[role="search"]');
    expect(form?.getAttribute("action")).toBe(`${FIXTURE_BASE}search/`);
    expect(form?.getAttribute("method")).toBe("get");
    const input = form?.querySelector("input[name=q]");
    expect(input?.getAttribute("type")).toBe("search");
    expect(document.querySelector(`label[for="${input?.getAttribute("id")}"]`)?.textContent).toBe("Search posts");
    expect(document.querySelector("noscript")?.textContent).toContain("needs JavaScript");
    expect(document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });

  it("points its script at the index under the base path, from a module file and with no inline handlers", () => {
    const { document } = readPage(dist, "search");
    expect(document.querySelector("[data-pagefind-bundle]")?.getAttribute("data-pagefind-bundle")).toBe(
      `${FIXTURE_BASE}pagefind/pagefind.js`,
    );
    const modules = [...document.querySelectorAll('script[type="module"]')];
    expect(modules.length).toBe(1);
    expect(modules[0]?.getAttribute("src")).toMatch(new RegExp(`^${FIXTURE_BASE}_astro/.+\\.js$`));
    const handlers = [...document.querySelectorAll("*")].flatMap((element) =>
      element.getAttributeNames().filter((name) => name.startsWith("on")),
    );
    expect(handlers).toEqual([]);
  });

  it("tells the reader that a preview build has no search, and loads nothing", () => {
    const { document } = readPage(preview, "search");
    expect(document.querySelector(".notice")?.textContent).toMatch(/Search is off in preview builds/);
    expect(document.querySelector("[data-pagefind-bundle]")).toBeNull();
  });
});
