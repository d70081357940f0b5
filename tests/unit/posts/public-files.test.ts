import { describe, expect, it } from "vitest";
import { heldBackPublicFiles } from "../../../src/lib/posts/public-files.ts";

const now = new Date("2026-06-01T12:00:00Z");
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

describe("heldBackPublicFiles", () => {
  it("lists the public/ files only unpublished content refers to, from covers, Markdown and raw HTML", () => {
    expect(heldBackPublicFiles(sources, { base: "/blog/", now, mode: "production" })).toEqual([
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

  it("holds nothing back in dev and preview builds", () => {
    expect(heldBackPublicFiles(sources, { base: "/blog/", now, mode: "preview" })).toEqual([]);
    expect(heldBackPublicFiles(sources, { base: "/blog/", now, mode: "development" })).toEqual([]);
  });

  it("releases a scheduled post's files once its date has come", () => {
    const later = new Date("2026-07-02T12:00:00Z");
    const heldBack = heldBackPublicFiles(sources, { base: "/blog/", now: later, mode: "production" });
    expect(heldBack).toContain("img/only.png");
    expect(heldBack).not.toContain("img/later-only.png");
  });
});
