import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { postSlug } from "../../../src/lib/paths/slugs.ts";
import { isRemoteUrl, relativeFromPost, resolveLocalImage } from "../../../src/lib/posts/paths.ts";

describe("postSlug", () => {
  it("takes the file or folder name, or the slug field", () => {
    expect(postSlug("gpt-5-3-codex-spark.md")).toBe("gpt-5-3-codex-spark");
    expect(postSlug("hello-world/index.mdx")).toBe("hello-world");
    expect(postSlug("index.md")).toBe("index");
    expect(postSlug("My Post.md")).toBe("my-post");
    expect(postSlug("anything.md", "custom-slug")).toBe("custom-slug");
    expect(postSlug("anything.md", "  ")).toBe("anything");
  });
});

describe("isRemoteUrl", () => {
  it("recognises remote and data URLs", () => {
    expect(isRemoteUrl("https://example.com/a.png")).toBe(true);
    expect(isRemoteUrl("//cdn.example.com/a.png")).toBe(true);
    expect(isRemoteUrl("data:image/png;base64,AAAA")).toBe(true);
    expect(isRemoteUrl("/posts/a.png")).toBe(false);
    expect(isRemoteUrl("./a.png")).toBe(false);
  });
});

describe("resolveLocalImage", () => {
  const root = mkdtempSync(join(tmpdir(), "paths-"));
  const publicDir = join(root, "public");
  const postDir = join(root, "src/content/posts/post");
  mkdirSync(join(publicDir, "images"), { recursive: true });
  mkdirSync(postDir, { recursive: true });
  writeFileSync(join(publicDir, "images/My Chart@2x.png"), "x");
  writeFileSync(join(postDir, "beside.png"), "x");
  writeFileSync(join(root, "secret.txt"), "x");
  const post = join(postDir, "index.md");

  it("finds public files, decoding URL escapes", () => {
    expect(resolveLocalImage(post, "/images/My%20Chart@2x.png", publicDir)).toEqual({
      ok: true,
      kind: "public",
      absolutePath: join(publicDir, "images/My Chart@2x.png"),
    });
  });

  it("finds files beside the post", () => {
    expect(resolveLocalImage(post, "./beside.png", publicDir)).toMatchObject({ ok: true, kind: "relative" });
    expect(resolveLocalImage(post, "beside.png", publicDir)).toMatchObject({ ok: true, kind: "relative" });
  });

  it("rejects paths that escape public/", () => {
    expect(resolveLocalImage(post, "/../secret.txt", publicDir)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("outside public/"),
    });
    expect(resolveLocalImage(post, "/images/%2E%2E/%2E%2E/secret.txt", publicDir)).toMatchObject({ ok: false });
  });

  it("reports missing files with where it looked", () => {
    expect(resolveLocalImage(post, "/images/none.png", publicDir)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("public/images/none.png"),
    });
    expect(resolveLocalImage(post, "./none.png", publicDir)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("does not exist"),
    });
  });

  it("writes the relative form Astro's image() expects", () => {
    expect(relativeFromPost(post, join(publicDir, "images/a.png"))).toBe("../../../../public/images/a.png");
    expect(relativeFromPost(post, join(postDir, "beside.png"))).toBe("./beside.png");
  });
});
