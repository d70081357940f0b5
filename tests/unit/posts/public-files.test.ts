import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { heldBackFiles, publishedSources } from "../../../src/lib/posts/public-files.ts";

const source = (contentPath: string, text: string) => ({ contentPath, absPath: `/site/content/${contentPath}`, source: text });
const sources = [
  source(
    "posts/draft.md",
    '---\ntitle: D\ndraft: true\ncover_image: /covers/d.png\n---\n![x](/img/only.png) [pdf](/blog/files/a.pdf) <video poster="/blog/media/p.jpg"><source src="/blog/media/c.mp4"></video> <img srcset="/blog/img/s1.png 1x, /blog/img/s2.png 2x"> <img src="beside.png"> ![shared](/img/shared.png) [post](/posts/other/)\n',
  ),
  source("posts/later.md", "---\ntitle: L\ndate: 2026-07-01\n---\n![x](/img/later.png) ![y](/img/later-only.png)\n"),
  source("posts/live.md", "---\ntitle: P\ndate: 2026-05-01\nunlisted: true\n---\n![x](/img/shared.png)\n"),
  source("pages/hidden.md", "---\ntitle: H\ndraft: true\n---\n![x](/img/page-draft.png)\n"),
  source("pages/about.md", '---\ntitle: A\n---\n<img src="/blog/img/later.png" alt="">\n'),
];

/** The files a production build on 2026-06-01 publishes: not the drafts, nor the post scheduled for July. */
const built = new Set(["posts/live.md", "pages/about.md"].map((path) => `/site/content/${path}`));

const options = { base: "/blog/", publicDir: "/site/public" };
const heldBackPublicFiles = (all: Parameters<typeof heldBackFiles>[0], published: ReadonlySet<string>) =>
  heldBackFiles(all, published, options).publicFiles;

describe("heldBackFiles: public/ files", () => {
  it("lists the public/ files only unpublished content refers to, from covers, Markdown and raw HTML", () => {
    expect(heldBackPublicFiles(sources, built)).toEqual([
      "covers/d.png",
      "files/a.pdf",
      "img/later-only.png",
      "img/only.png",
      "img/page-draft.png",
      "img/s1.png",
      "img/s2.png",
      "media/c.mp4",
      "media/p.jpg",
      "posts/draft/beside.png",
    ]);
  });

  it("holds nothing back when the build publishes everything, as preview builds do", () => {
    expect(heldBackPublicFiles(sources, new Set(sources.map((each) => each.absPath)))).toEqual([]);
  });

  it("counts a post the build did not name as unpublished, as a moved draft whose old path Astro kept", () => {
    const moved = source("posts/draft/index.md", "---\ntitle: D\ndraft: true\n---\n![x](/img/moved-draft.png)\n");
    expect(heldBackPublicFiles([...sources, moved], built)).toContain("img/moved-draft.png");
  });

  it("releases a scheduled post's files once the build publishes it", () => {
    const heldBack = heldBackPublicFiles(sources, new Set([...built, "/site/content/posts/later.md"]));
    expect(heldBack).toContain("img/only.png");
    expect(heldBack).not.toContain("img/later-only.png");
  });

  it("does not count a file in the content folder that is no post or page as published use", () => {
    const notes = source("notes/todo.md", "![x](/img/only.png)\n");
    expect(heldBackPublicFiles([...sources, notes], built)).toContain("img/only.png");
  });
});

describe("heldBackFiles: images Astro imports", () => {
  const root = mkdtempSync(join(tmpdir(), "held-back-images-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = (path: string) => {
    const absPath = join(root, path);
    mkdirSync(dirname(absPath), { recursive: true });
    writeFileSync(absPath, path);
    return absPath;
  };
  const post = (path: string, text: string) => ({ contentPath: path, absPath: file(`content/${path}`), source: text });
  const images = [
    "content/posts/trip/cover.png",
    "content/posts/trip/map.png",
    "content/posts/trip/shared.png",
    "content/posts/trip/raw.png",
    "public/covers/seed.png",
    "public/images/served.png",
  ];
  for (const image of images) {
    file(image);
  }
  const draft = post(
    "posts/trip/index.md",
    '---\ntitle: T\ndraft: true\ncover_image: ./cover.png\n---\n![Map](./map.png) ![Shared](./shared.png) ![Public](/images/served.png) ![Remote](https://example.org/r.png) <img src="./raw.png">\n',
  );
  const seed = post("posts/seed.md", "---\ntitle: S\ndraft: true\ncover_image: /covers/seed.png\n---\n");
  const live = post("posts/trip-notes.md", "---\ntitle: L\ndate: 2026-05-01\n---\n![Shared](./trip/shared.png)\n");
  const publicDir = join(root, "public");

  it("lists the covers, in either path form, and the Markdown images beside them that only unpublished posts import", () => {
    // Not a public/ path in Markdown (served as it is), a remote image or raw HTML: Astro imports none of them.
    const { importedImages, publicFiles } = heldBackFiles([draft, seed, live], new Set([live.absPath]), { base: "/", publicDir });
    expect(importedImages).toEqual([
      join(root, "content/posts/trip/cover.png"),
      join(root, "content/posts/trip/map.png"),
      join(publicDir, "covers/seed.png"),
    ]);
    // The public/ cover is held back in both places: as itself, and as the copy Astro imported.
    expect(publicFiles).toEqual(expect.arrayContaining(["covers/seed.png", "images/served.png"]));
  });

  it("lists none when every post is published", () => {
    const all = [draft, seed, live];
    expect(heldBackFiles(all, new Set(all.map((each) => each.absPath)), { base: "/", publicDir }).importedImages).toEqual([]);
  });
});

describe("publishedSources", () => {
  const built = { files: ["/site/content/posts/live.md"], ids: { posts: ["live", "moved", "renamed-by-slug"], pages: [] } };

  it("names the published files by their path, and a moved post by its id when Astro kept its old path", () => {
    const moved = source("posts/moved/index.md", "---\ntitle: M\n---\nMoved from posts/moved.md.\n");
    const slugged = source("posts/2024-old-name.md", "---\ntitle: S\nslug: renamed-by-slug\n---\n");
    const published = publishedSources([...sources, moved, slugged], built);
    expect([...published].sort()).toEqual([
      "/site/content/posts/2024-old-name.md",
      "/site/content/posts/live.md",
      "/site/content/posts/moved/index.md",
    ]);
  });

  it("leaves a moved draft unpublished: neither its path nor its id is in the list", () => {
    const movedDraft = source("posts/draft/index.md", "---\ntitle: D\ndraft: true\n---\n");
    expect(publishedSources([movedDraft], built).has(movedDraft.absPath)).toBe(false);
  });
});
