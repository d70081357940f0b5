import path from "node:path";
import { describe, expect, it } from "vitest";
import { findAssetReferences, resolveAsset } from "../../../src/lib/import/assets.ts";

const blog = path.resolve("tests/fixtures/import/astro-blog");
const posts = path.join(blog, "src/content/posts");
const publicDirs = [path.join(blog, "public")];

describe("findAssetReferences", () => {
  it("finds Markdown images, raw HTML media (src, poster, srcset) and the cover, but nothing inside code", () => {
    const source = [
      "---",
      "title: T",
      "---",
      "![](/a%20b.png) and ![alt][ref]",
      "",
      "[ref]: ./ref.png",
      "",
      '<video controls playsinline src="/clip.mp4" poster="/poster.jpg"></video>',
      "",
      "<figure>",
      '  <img src="/fig.png" srcset="/fig.png 1x, /fig@2x.png 2x" alt="">',
      "  <figcaption>Caption</figcaption>",
      "</figure>",
      "",
      "<audio src='/sound.mp3'></audio>",
      "",
      "```html",
      '<img src="/code.png">',
      "```",
      "",
      "![Remote](https://example.com/r.png)",
      "",
    ].join("\n");
    expect(findAssetReferences(source, "md", "./cover.png")).toEqual([
      { url: "/a%20b.png", from: "markdown" },
      { url: "./ref.png", from: "markdown" },
      { url: "https://example.com/r.png", from: "markdown" },
      { url: "/clip.mp4", from: "html" },
      { url: "/poster.jpg", from: "html" },
      { url: "/fig.png", from: "html" },
      { url: "/fig@2x.png", from: "html" },
      { url: "/sound.mp3", from: "html" },
      { url: "./cover.png", from: "cover" },
    ]);
  });
});

describe("resolveAsset", () => {
  const post = path.join(posts, "second-post.md");

  it("finds a site-absolute path in the public folder, decoding %20", () => {
    expect(resolveAsset({ url: "/posts/hello-world/My%20Chart.png", from: "markdown" }, post, publicDirs)).toEqual({
      kind: "public",
      url: "/posts/hello-world/My%20Chart.png",
      source: path.join(blog, "public/posts/hello-world/My Chart.png"),
      sitePath: "/posts/hello-world/My Chart.png",
    });
  });

  it("finds a relative path beside the post", () => {
    expect(resolveAsset({ url: "./images/second-post/cover.png", from: "cover" }, post, publicDirs)).toEqual({
      kind: "relative",
      url: "./images/second-post/cover.png",
      source: path.join(posts, "images/second-post/cover.png"),
      relativePath: path.join("images", "second-post", "cover.png"),
    });
  });

  it("leaves remote files alone and says why a local one cannot be used", () => {
    expect(resolveAsset({ url: "https://example.com/a.png", from: "markdown" }, post, publicDirs).kind).toBe("remote");
    expect(resolveAsset({ url: "/nope.png", from: "markdown" }, post, publicDirs)).toEqual({
      kind: "missing",
      url: "/nope.png",
      reason: "not found in public",
    });
    expect(resolveAsset({ url: "../pages/images/now.png", from: "markdown" }, post, publicDirs)).toMatchObject({
      kind: "missing",
      reason: "points outside the post's folder",
    });
    expect(resolveAsset({ url: "/../../secret.png", from: "markdown" }, post, publicDirs).kind).toBe("missing");
  });

  it("never takes a file from Jekyll's own _ folders", () => {
    const jekyll = path.resolve("tests/fixtures/import/jekyll-blog");
    const jekyllPost = path.join(jekyll, "_posts/2019-04-01-first-jekyll-post.md");
    expect(resolveAsset({ url: "/_config.yml", from: "html" }, jekyllPost, [jekyll]).kind).toBe("missing");
    expect(resolveAsset({ url: "/assets/img/first.png", from: "cover" }, jekyllPost, [jekyll]).kind).toBe("public");
  });
});
