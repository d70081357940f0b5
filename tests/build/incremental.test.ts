import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { indexedPages } from "../support/pagefind.ts";
import { createProject, type RunResult, runAstro } from "../support/project.ts";

const post = (title: string, date: string, words: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ntags: [kettles]\n---\n${words} kettle limescale descaling water hardness.\n`;
const cover = await sharp({ create: { width: 640, height: 360, channels: 3, background: "#3d6ea6" } })
  .png()
  .toBuffer();
const posts = {
  "first.md": post("First kettle", "2025-01-01", "Scale builds up in every"),
  "covered/index.md": `---\ntitle: A kettle with a cover\ndate: 2024-12-01\ncover_image: ./cover.png\ncover_alt: A blue kettle\n---\nKettles and their covers.\n`,
  "covered/cover.png": cover,
  "second.md": post("Second kettle", "2025-02-01", "Vinegar loosens the"),
  "third.md": post("Third kettle", "2025-03-01", "Citric acid clears the"),
};

/** Every HTML page of a build, by its path below dist/. */
function pages(dir: string): Map<string, string> {
  const dist = join(dir, "dist");
  const files = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".html"))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(join(dist, file), "utf8")]));
}

/** The pages the build log says were copied from the last build. */
const reused = (build: RunResult) => [...build.output.matchAll(/[├└]─ (\S+) \((?:restored|cached)\)/g)].map((match) => match[1]);

describe("a rebuild with Astro's incremental build", () => {
  const dir = createProject("incremental", posts);
  let first: Map<string, string>;
  let firstTagFeed = "";
  let unchanged: RunResult;
  let afterUnchanged: Map<string, string>;
  beforeAll(async () => {
    const build = await runAstro(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(reused(build)).toEqual([]);
    first = pages(dir);
    firstTagFeed = readFileSync(join(dir, "dist/tags/kettles/rss.xml"), "utf8");
    unchanged = await runAstro(dir, ["build"]);
    afterUnchanged = pages(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("copies every post page, tag page and tag feed when nothing changed, as they were", () => {
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(reused(unchanged).sort()).toEqual([
      "/posts/covered/index.html",
      "/posts/first/index.html",
      "/posts/second/index.html",
      "/posts/third/index.html",
      "/tags/kettles/index.html",
      "/tags/kettles/rss.xml",
    ]);
    expect([...afterUnchanged.keys()]).toEqual([...first.keys()]);
    expect(readFileSync(join(dir, "dist/tags/kettles/rss.xml"), "utf8")).toBe(firstTagFeed);
    // The same key means the same pages, so the search index is reused without reading them.
    expect(unchanged.output).toMatch(/Search index: 4 pages in pagefind\/ \(reused\)/);
    for (const [file, html] of first) expect(afterUnchanged.get(file), file).toBe(html);
  });

  it("puts the optimised images of a copied page in the output, as a rendered page would", () => {
    const images = [
      ...(afterUnchanged.get("posts/covered/index.html") ?? "").matchAll(/\/_astro\/[^"'\s,)]+\.(?:webp|jpe?g|png)/g),
    ].map((match) => match[0]);
    expect(images.length).toBeGreaterThan(1);
    for (const image of new Set(images)) expect(existsSync(join(dir, "dist", image)), image).toBe(true);
  });

  it("renders every page again when one post changes, so its neighbours and lists show the change", async () => {
    writeFileSync(join(dir, "src/content/posts/second.md"), post("Second kettle, renamed", "2025-02-01", "Vinegar loosens the"));
    const build = await runAstro(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(reused(build)).toEqual([]);
    const after = pages(dir);
    // The first and third posts did not change, but their links to the second did.
    for (const file of ["posts/first/index.html", "posts/third/index.html", "tags/kettles/index.html"]) {
      expect(after.get(file), file).toContain("Second kettle, renamed");
    }
    expect(build.output).toMatch(/Search index: 4 pages in pagefind\/\n/);
    const titles = indexedPages(join(dir, "dist")).map((page) => page.meta["title"]);
    expect(titles).toHaveLength(4);
    expect(titles).toContain("Second kettle, renamed");
  });

  it("renders every page again when only a stylesheet changes, so no page keeps the old styles", async () => {
    const rebuilt = await runAstro(dir, ["build"]);
    expect(reused(rebuilt)).toHaveLength(6);
    appendFileSync(join(dir, "src/styles/global.css"), "\n.incremental-probe { outline-offset: 7px; }\n");
    const build = await runAstro(dir, ["build"]);
    expect(build.code, build.output).toBe(0);
    expect(reused(build)).toEqual([]);
    expect(pages(dir).get("posts/first/index.html")).toMatch(/\.incremental-probe\{outline-offset:7px\}/);
  });

  it("renders every page and makes the search index again with --force, though nothing changed", async () => {
    const build = await runAstro(dir, ["build", "--force"]);
    expect(build.code, build.output).toBe(0);
    expect(reused(build)).toEqual([]);
    expect(build.output).toMatch(/Search index: 4 pages in pagefind\/\n/);
  });
});
