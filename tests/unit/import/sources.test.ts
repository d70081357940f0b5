import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectSource } from "../../../src/lib/import/sources.ts";

const fixtures = path.resolve("tests/fixtures/import");

function summary(folder: string) {
  const source = detectSource(path.join(fixtures, folder));
  return {
    kind: source.kind,
    publicDirs: source.publicDirs.map((dir) => path.relative(fixtures, dir)),
    documents: source.documents.map((doc) => ({
      collection: doc.collection,
      file: path.relative(path.join(fixtures, folder), doc.file),
      name: doc.name,
      bundle: doc.bundle,
      ...(doc.fileDate ? { fileDate: doc.fileDate } : {}),
    })),
  };
}

describe("detectSource", () => {
  it("finds an Astro blog's posts and pages, with public/ as the public folder", () => {
    expect(summary("astro-blog")).toEqual({
      kind: "astro",
      publicDirs: ["astro-blog/public"],
      documents: [
        { collection: "posts", file: "src/content/posts/hello-world.md", name: "hello-world", bundle: false },
        { collection: "posts", file: "src/content/posts/jumbocode.md", name: "jumbocode", bundle: false },
        { collection: "posts", file: "src/content/posts/second-post.md", name: "second-post", bundle: false },
        { collection: "posts", file: "src/content/posts/unfinished.md", name: "unfinished", bundle: false },
        { collection: "pages", file: "src/content/pages/index.md", name: "index", bundle: false },
        { collection: "pages", file: "src/content/pages/now.md", name: "now", bundle: false },
      ],
    });
  });

  it("reads Astro's src/content/blog when there is no src/content/posts", () => {
    expect(summary("astro-starter").documents.map((doc) => doc.file)).toEqual([
      "src/content/blog/first-post.md",
      "src/content/blog/second-post.md",
    ]);
  });

  it("takes a Jekyll post's slug and date from its file name, and top-level Markdown with frontmatter as pages", () => {
    expect(summary("jekyll-blog")).toEqual({
      kind: "jekyll",
      publicDirs: ["jekyll-blog"],
      documents: [
        {
          collection: "posts",
          file: "_posts/2019-04-01-first-jekyll-post.md",
          name: "first-jekyll-post",
          bundle: false,
          fileDate: "2019-04-01",
        },
        { collection: "posts", file: "_posts/2019-05-02-not-yet.md", name: "not-yet", bundle: false, fileDate: "2019-05-02" },
        { collection: "pages", file: "about.md", name: "about", bundle: false },
      ],
    });
  });

  it("finds Hugo posts and page bundles, skipping section _index.md files, with static/ as the public folder", () => {
    expect(summary("hugo-blog")).toEqual({
      kind: "hugo",
      publicDirs: ["hugo-blog/static"],
      documents: [
        { collection: "posts", file: "content/posts/bundle-post/index.md", name: "bundle-post", bundle: true },
        { collection: "posts", file: "content/posts/toml-post.md", name: "toml-post", bundle: false },
        { collection: "pages", file: "content/about.md", name: "about", bundle: false },
      ],
    });
  });

  it("finds Eleventy posts and looks for passthrough files from the input folder", () => {
    expect(summary("eleventy-blog")).toEqual({
      kind: "eleventy",
      publicDirs: ["eleventy-blog", "eleventy-blog/public"],
      documents: [{ collection: "posts", file: "posts/eleventy-post.md", name: "eleventy-post", bundle: false }],
    });
  });

  it("names the folder and the layouts it looked for when it finds no blog", () => {
    expect(() => detectSource(path.join(fixtures, "hugo-blog/static"))).toThrow(
      /hugo-blog\/static: no blog found\. Expected src\/content\/posts or src\/content\/blog \(Astro\), _posts \(Jekyll\)/,
    );
    expect(() => detectSource(path.join(fixtures, "missing"))).toThrow(/missing is not a folder/);
  });
});
