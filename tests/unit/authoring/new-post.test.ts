import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cleanTitle, planNewPost, renderFrontmatter } from "../../../src/lib/authoring/new-post.ts";
import type { NewPostInput } from "../../../src/lib/authoring/new-post.ts";
import { scanPosts } from "../../../src/lib/authoring/posts-dir.ts";

const base: NewPostInput = {
  title: "Hello",
  existing: [],
  now: new Date("2026-03-01T12:00:00Z"),
  timeZone: "America/New_York",
  base: "/",
};

function frontmatterOf(content: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!match?.[1]) throw new Error("no frontmatter");
  return parse(match[1]) as Record<string, unknown>;
}

describe("planNewPost", () => {
  it("makes the slug, file name, draft frontmatter and dev URL", () => {
    const result = planNewPost({ ...base, title: "Café: GPT-5.3 review" });
    expect(result).toEqual({
      ok: true,
      plan: {
        slug: "cafe-gpt-5-3-review",
        fileName: "cafe-gpt-5-3-review.md",
        content: '---\ntitle: "Café: GPT-5.3 review"\ndate: 2026-03-01\ndraft: true\n---\n\n',
        devUrl: "http://localhost:4321/posts/cafe-gpt-5-3-review/",
      },
    });
  });

  it("puts the base path in the dev URL", () => {
    const result = planNewPost({ ...base, base: "/blog/" });
    expect(result.ok && result.plan.devUrl).toBe("http://localhost:4321/blog/posts/hello/");
    const unnormalised = planNewPost({ ...base, base: "blog" });
    expect(unnormalised.ok && unnormalised.plan.devUrl).toBe("http://localhost:4321/blog/posts/hello/");
  });

  it("prints the URL the permalink and trailing-slash settings give", () => {
    const atRoot = planNewPost({ ...base, base: "/blog/", permalink: "/:slug/", trailingSlash: "never" });
    expect(atRoot.ok && atRoot.plan.devUrl).toBe("http://localhost:4321/blog/hello");
  });

  it.each([
    'He said "hi"',
    "Yes: no",
    "#1 tip",
    "null",
    "true",
    "2026-01-01",
    "- dash first",
    "'single' and \"double\" quotes",
    "back\\slash and {braces} [brackets] & *stars* | pipes > arrows %",
    "Tab\tand\nnewline and \u0085 NEL \u2028 separator",
    "x".repeat(200),
  ])("quotes the title %j so YAML reads it back as the same string", (title) => {
    const result = planNewPost({ ...base, title });
    if (!result.ok) throw new Error(result.error);
    const data = frontmatterOf(result.plan.content);
    expect(data["title"]).toBe(cleanTitle(title));
    expect(data["draft"]).toBe(true);
    expect(result.plan.content.split("\n")[1]).toMatch(/^title: ".*"$/);
  });

  it("writes today's date in the site's time zone, not the machine's", () => {
    const lateEvening = new Date("2026-03-02T03:30:00Z");
    const dateLine = (timeZone: string, now = lateEvening) => {
      const result = planNewPost({ ...base, now, timeZone });
      return result.ok ? result.plan.content.split("\n")[2] : result.error;
    };
    expect(dateLine("America/New_York")).toBe("date: 2026-03-01");
    expect(dateLine("Europe/Berlin")).toBe("date: 2026-03-02");
    expect(dateLine("Pacific/Auckland", new Date("2026-12-31T23:30:00Z"))).toBe("date: 2027-01-01");
  });

  it("refuses a slug taken by a file, a folder or another post's frontmatter slug", () => {
    const existing = [
      { fileSlug: "hello", slug: "hello", path: "src/content/posts/hello.md" },
      { fileSlug: "folder-post", slug: "folder-post", path: "src/content/posts/folder-post/index.md" },
      { fileSlug: "old-name", slug: "renamed", path: "src/content/posts/old-name.md" },
    ];
    expect(planNewPost({ ...base, title: "Hello!", existing })).toEqual({
      ok: false,
      error: 'A post with slug "hello" already exists: src/content/posts/hello.md',
    });
    expect(planNewPost({ ...base, title: "Folder post", existing })).toMatchObject({
      ok: false,
      error: expect.stringContaining("folder-post/index.md"),
    });
    expect(planNewPost({ ...base, title: "Renamed", existing })).toEqual({
      ok: false,
      error: 'A post with slug "renamed" already uses slug "renamed": src/content/posts/old-name.md',
    });
    expect(planNewPost({ ...base, title: "Old name", existing })).toMatchObject({ ok: false });
    expect(planNewPost({ ...base, title: "Hello", slug: "hello-again", existing })).toMatchObject({
      ok: true,
      plan: { fileName: "hello-again.md" },
    });
  });

  it("rejects empty titles, titles without slug material and invalid --slug values", () => {
    expect(planNewPost({ ...base, title: "   " })).toEqual({ ok: false, error: "The title is empty." });
    expect(planNewPost({ ...base, title: "???" })).toMatchObject({ ok: false, error: expect.stringContaining("--slug") });
    expect(planNewPost({ ...base, slug: "Not Valid" })).toEqual({
      ok: false,
      error: '"Not Valid" is not a valid slug; try "not-valid".',
    });
  });

  it("renders frontmatter with an unquoted date like the existing posts", () => {
    expect(renderFrontmatter("T", "2026-01-02")).toBe('---\ntitle: "T"\ndate: 2026-01-02\ndraft: true\n---\n\n');
  });
});

describe("scanPosts and scripts/new-post.ts", () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "new-post-"));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
  const posts = path.join(scratch, "posts");
  fs.mkdirSync(path.join(posts, "folder-post"), { recursive: true });
  fs.writeFileSync(path.join(posts, "folder-post", "index.md"), "---\ntitle: F\n---\n");
  fs.mkdirSync(path.join(posts, "empty-folder"));
  fs.writeFileSync(path.join(posts, "file-post.mdx"), "---\ntitle: P\nslug: custom\n---\n");
  const script = path.resolve(import.meta.dirname, "../../../scripts/new-post.ts");
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [script, ...args, "--content", scratch], {
      encoding: "utf8",
      env: { ...process.env, SITE_BASE: "/", ...env },
    });

  it("lists file posts, folder posts and bare folders with their slugs", () => {
    expect(scanPosts(posts).map(({ fileSlug, slug, path: file }) => [fileSlug, slug, path.relative(posts, file)])).toEqual([
      ["empty-folder", "empty-folder", "empty-folder"],
      ["file-post", "custom", "file-post.mdx"],
      ["folder-post", "folder-post", path.join("folder-post", "index.md")],
    ]);
  });

  it("creates the post and prints its path and dev URL with the base", () => {
    const result = run(['Brand new: "post"'], { SITE_BASE: "/blog/" });
    expect(result.status).toBe(0);
    const file = path.join(posts, "brand-new-post.md");
    expect(result.stdout).toContain(`Created ${file}`);
    expect(result.stdout).toContain("http://localhost:4321/blog/posts/brand-new-post/");
    const data = frontmatterOf(fs.readFileSync(file, "utf8"));
    expect(data).toMatchObject({ title: 'Brand new: "post"', draft: true });
    expect(String(data["date"])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([["Brand new post"], ["Folder post"], ["Empty folder"], ["Custom"], ["File post"]])(
    "refuses %j with exit 1 and a clear message",
    (title) => {
      const before = fs.readdirSync(posts).sort();
      const result = run([title]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^Not created\. A post with slug "[a-z-]+" already/);
      expect(fs.readdirSync(posts).sort()).toEqual(before);
    },
  );

  it("explains usage when the title is missing", () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Usage:");
  });
});
