import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_BASE } from "../support/fixture-builds.ts";
import { readPage } from "../support/html.ts";
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
