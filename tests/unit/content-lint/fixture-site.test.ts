import path from "node:path";
import { describe, expect, it } from "vitest";
import { lintContentTree } from "../../../src/lib/content-lint/runner.ts";
import type { Diagnostic } from "../../../src/lib/content-lint/types.ts";
import { FIXTURES } from "./helpers.ts";

const site = path.join(FIXTURES, "site");
const { diagnostics, documents } = lintContentTree({
  contentRoot: path.join(site, "content"),
  publicDir: path.join(site, "public"),
  cwd: path.join(site, "content"),
  now: new Date("2026-06-01T00:00:00Z"),
});

function summary(file: string): string[] {
  return diagnostics
    .filter((diagnostic: Diagnostic) => diagnostic.file === file)
    .map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);
}

describe("fixture site", () => {
  it("lints every Markdown and MDX file under the content root", () => {
    expect(documents.map((doc) => doc.file).sort()).toEqual([
      "pages/about.md",
      "posts/broken.md",
      "posts/component.mdx",
      "posts/custom-slug.md",
      "posts/draft-idea.md",
      "posts/future.md",
      "posts/hello-world.md",
      "posts/second/index.md",
    ]);
  });

  it("stays quiet about valid posts, pages, links and images", () => {
    expect(summary("posts/hello-world.md")).toEqual([]);
    expect(summary("posts/second/index.md")).toEqual([]);
    expect(summary("pages/about.md")).toEqual([]);
    expect(summary("posts/draft-idea.md")).toEqual([]);
    expect(summary("posts/future.md")).toEqual([]);
  });

  it("reports every defect planted in the broken post, at its position", () => {
    expect(summary("posts/broken.md")).toEqual([
      "2:8 warning frontmatter-length",
      "4:14 warning frontmatter-length",
      "5:14 warning image-alt",
      "5:14 error missing-image",
      "7:42 error internal-link",
      "7:82 error internal-link",
      "9:39 error internal-link",
      "9:83 error internal-link",
      "11:35 error internal-link",
      "11:114 warning internal-link",
      "11:154 warning internal-link",
      "11:223 error nested-url",
      "13:26 warning image-alt",
      "13:52 warning image-alt",
      "13:85 warning image-alt",
      "15:33 error missing-image",
      "15:66 error missing-image",
      "15:99 error missing-image",
      "15:168 error missing-image",
      "17:14 warning mojibake",
      "17:23 warning mojibake",
      "17:53 warning mojibake",
    ]);
  });

  it("explains broken links with the closest real slug", () => {
    const messages = diagnostics.filter((d) => d.file === "posts/broken.md" && d.rule === "internal-link").map((d) => d.message);
    expect(messages).toEqual([
      'link to /posts/helo-world/ but no post has slug "helo-world" (did you mean /posts/hello-world/?)',
      'link to /posts/secnd/ but no post has slug "secnd" (did you mean /posts/second/?)',
      'link to /contact/ but no page has slug "contact"',
      'link to /hello-world/ but "hello-world" is a post; posts live at /posts/hello-world/',
      'link "./hello-world.md" points at a Markdown source file; link to the page URL instead',
      'link to post "draft-idea", which is a draft and has no page in production builds',
      'link to post "future", which is dated in the future and has no page in production builds',
    ]);
  });

  it("reports lengths and mojibake suggestions in the messages", () => {
    const messages = diagnostics.filter((d) => d.file === "posts/broken.md").map((d) => d.message);
    expect(messages).toContain("title is 75 characters; keep it within 60 so search results don't truncate it");
    expect(messages.filter((m) => m.startsWith("double-encoded")).map((m) => /did you mean "(.+)"\?/.exec(m)?.[1])).toEqual([
      "’",
      "é",
      "–",
    ]);
    expect(messages).toContain('image "/images/with%20spaces.png" does not exist (looked for public/images/with spaces.png)');
  });

  it("checks MDX: JSX images and links, ignoring components and imports", () => {
    expect(summary("posts/component.mdx")).toEqual([
      "9:1 warning image-alt",
      "9:11 error missing-image",
      "11:10 error internal-link",
    ]);
  });

  it("points a link to a renamed post at its frontmatter slug", () => {
    expect(diagnostics.find((d) => d.file === "posts/custom-slug.md")?.message).toBe(
      'link to /posts/custom-slug/ but that post sets slug "renamed"; link to /posts/renamed/',
    );
  });
});
