import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { splitFrontmatter } from "../../../src/lib/import/frontmatter.ts";
import { type ImportOptions, runImport } from "../../../src/lib/import/run.ts";
import { formatImportSummary } from "../../../src/lib/import/summary.ts";
import { importFixtures, makeBlog, snapshot } from "../../support/import.ts";
import { repoRoot } from "../../support/project.ts";

const timeZone = "America/New_York";
const blogs: string[] = [];
afterAll(() => {
  for (const blog of blogs) fs.rmSync(blog, { recursive: true, force: true });
});

function newBlog(): string {
  const root = makeBlog();
  blogs.push(root);
  return root;
}

function importInto(root: string, fixture: string, options: Partial<ImportOptions> = {}) {
  return runImport({ from: path.join(importFixtures, fixture), root, timeZone, base: "/", ...options });
}

function files(root: string): string[] {
  return Object.keys(snapshot(root))
    .filter((file) => file !== path.join("src", "site.config.ts"))
    .sort();
}

function body(source: string | Buffer): Buffer {
  const buffer = Buffer.from(source);
  return buffer.subarray(
    Buffer.byteLength(buffer.toString("utf8").slice(0, splitFrontmatter(buffer.toString("utf8")).bodyStart)),
  );
}

const astroSource = path.join(importFixtures, "astro-blog");
const config = (root: string) => fs.readFileSync(path.join(root, "src/site.config.ts"), "utf8");

describe("importing the Astro blog", () => {
  const root = newBlog();
  const report = importInto(root, "astro-blog");

  it("copies each post unchanged, with its public and relative media", () => {
    expect(files(root)).toEqual(
      [
        "public/posts/hello-world/My Chart.png",
        "public/posts/hello-world/clip.mp4",
        "public/posts/hello-world/cover_image.png",
        "public/posts/second-post/photo.png",
        "public/posts/jumbocode/screen.png",
        "src/content/posts/hello-world.md",
        "src/content/posts/jumbocode.md",
        "src/content/posts/second-post/images/second-post/cover.png",
        "src/content/posts/second-post/index.md",
        "src/content/posts/unfinished.md",
        "src/content/pages/index.md",
        "src/content/pages/now/index.md",
        "public/images/portrait.png",
        "src/content/pages/now/images/now.png",
      ]
        .map((file) => path.join(...file.split("/")))
        .sort(),
    );
    const copies = [
      ["src/content/posts/hello-world.md", "src/content/posts/hello-world.md"],
      // A CRLF file whose relative cover makes it a folder post, so the cover's path stays valid.
      ["src/content/posts/second-post.md", "src/content/posts/second-post/index.md"],
      ["src/content/posts/images/second-post/cover.png", "src/content/posts/second-post/images/second-post/cover.png"],
      ["public/posts/hello-world/My Chart.png", "public/posts/hello-world/My Chart.png"],
      ["public/posts/hello-world/clip.mp4", "public/posts/hello-world/clip.mp4"],
    ];
    expect(copies).toHaveLength(5);
    for (const [from = "", to = ""] of copies)
      expect(fs.readFileSync(path.join(root, to)).equals(fs.readFileSync(path.join(astroSource, from)))).toBe(true);
    expect(fs.readFileSync(path.join(root, "src/content/posts/second-post/index.md"), "utf8")).toContain("\r\n");
  });

  it("accepts the whole blog: a slug with a plus sign, pages without a title, page covers", () => {
    expect(report.plan.refused).toEqual([]);
    expect(report.plan.documents.map((doc) => path.relative(astroSource, doc.source)).sort()).toEqual([
      "src/content/pages/index.md",
      "src/content/pages/now.md",
      "src/content/posts/hello-world.md",
      "src/content/posts/jumbocode.md",
      "src/content/posts/second-post.md",
      "src/content/posts/unfinished.md",
    ]);
  });

  it("reports the remote image and leaves it in the post", () => {
    expect(report.plan.documents.flatMap((doc) => doc.remote)).toEqual(["https://images.example.com/remote.png"]);
    expect(report.plan.documents.flatMap((doc) => doc.missing)).toEqual([]);
  });

  it("runs the content checks on the imported files only", () => {
    expect(report.diagnostics.length).toBeGreaterThan(0);
    for (const diagnostic of report.diagnostics) expect(path.resolve(diagnostic.file).startsWith(root)).toBe(true);
    expect(report.diagnostics.map((d) => `${path.basename(d.file)}:${d.line} ${d.rule}`)).toContain(
      "hello-world.md:10 image-alt",
    );
  });

  it("changes nothing when run again: same files, same contents, same modification times", () => {
    const before = snapshot(root);
    const again = importInto(root, "astro-blog");
    expect(again.written).toEqual([]);
    expect(snapshot(root)).toEqual(before);
    expect(formatImportSummary(again)).toContain(
      `  posts: 0 written, ${again.plan.documents.filter((d) => d.collection === "posts").length} unchanged\n`,
    );
  });
});

describe("existing posts", () => {
  it("refuses to overwrite a different post, naming both files, and replaces it with --force", () => {
    const root = newBlog();
    const target = path.join(root, "src/content/posts/hello-world.md");
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, "---\ntitle: Mine\ndate: 2026-01-01\n---\nMy own post.\n");
    const report = importInto(root, "astro-blog");
    const refusal = report.plan.refused.find((entry) => entry.source.endsWith("hello-world.md"));
    expect(refusal?.reason).toBe(
      `${target} already exists with different content than ${path.relative(process.cwd(), path.join(astroSource, "src/content/posts/hello-world.md"))} (--force replaces it)`,
    );
    expect(fs.readFileSync(target, "utf8")).toContain("My own post.");
    expect(fs.existsSync(path.join(root, "public/posts/hello-world/clip.mp4"))).toBe(false);

    const forced = importInto(root, "astro-blog", { force: true });
    expect(forced.plan.refused.find((entry) => entry.source.endsWith("hello-world.md"))).toBeUndefined();
    expect(fs.readFileSync(target).equals(fs.readFileSync(path.join(astroSource, "src/content/posts/hello-world.md")))).toBe(
      true,
    );
  });

  it("refuses a post whose slug another file already has, naming that file", () => {
    const root = newBlog();
    const other = path.join(root, "src/content/posts/greeting.md");
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, "---\ntitle: Mine\ndate: 2026-01-01\nslug: hello-world\n---\n");
    const refusal = importInto(root, "astro-blog").plan.refused.find((entry) => entry.source.endsWith("hello-world.md"));
    expect(refusal?.reason).toBe(`its slug "hello-world" is already used by ${other}; rename or remove one of them`);
  });
});

describe("old addresses", () => {
  it('--old-urls "/:slug" adds one pattern redirect, once', () => {
    const root = newBlog();
    const report = importInto(root, "astro-blog", { oldUrls: "/:slug" });
    expect(report.config?.added).toEqual(["/:slug"]);
    expect(config(root)).toContain('    "/:slug": "/posts/:slug/",\n  },');
    const before = snapshot(root);
    expect(importInto(root, "astro-blog", { oldUrls: "/:slug" }).config?.changed).toBe(false);
    expect(snapshot(root)).toEqual(before);
  });

  it('--old-urls "/blog/:slug/" adds the pattern with its trailing slash', () => {
    const root = newBlog();
    importInto(root, "astro-blog", { oldUrls: "/blog/:slug/" });
    expect(config(root)).toContain('    "/blog/:slug/": "/posts/:slug/",\n');
  });

  it('--old-urls "/:year/:month/:slug/" adds one exact redirect per dated post', () => {
    const root = newBlog();
    const report = importInto(root, "astro-blog", { oldUrls: "/:year/:month/:slug/" });
    expect(report.config?.added).toEqual(["/2019/04/hello-world/", "/2022/06/jumbocode+/", "/2021/11/second-post/"]);
    expect(config(root)).toContain('    "/2019/04/hello-world/": "/posts/hello-world/",\n');
    expect(report.skippedRedirects).toEqual([{ slug: "unfinished", reason: "draft: no page to redirect to yet" }]);
  });

  it("keeps the old feed address alive with the old addresses: /rss for Astro, /feed.xml for jekyll-feed, /index.xml for Hugo", () => {
    const cases: [string, string][] = [
      ["astro-blog", "/rss"],
      ["jekyll-blog", "/feed.xml"],
      ["hugo-blog", "/index.xml"],
    ];
    expect(cases).toHaveLength(3);
    for (const [fixture, feed] of cases) {
      const root = newBlog();
      const report = importInto(root, fixture, { oldUrls: "/:slug" });
      expect(report.config?.addedFeeds, fixture).toEqual([feed]);
      expect(config(root), fixture).toContain(`  feedAliases: ["${feed}"],\n`);
      expect(importInto(root, fixture, { oldUrls: "/:slug" }).config?.addedFeeds, fixture).toEqual([]);
    }
    expect(importInto(newBlog(), "astro-blog").config).toBeUndefined();
  });

  it("--keep-urls sets permalink and trailingSlash instead of adding redirects", () => {
    const root = newBlog();
    const report = importInto(root, "astro-blog", { oldUrls: "/:slug", keepUrls: true });
    expect(report.config?.added).toEqual([]);
    expect(config(root)).toContain('  permalink: process.env["SITE_PERMALINK"] ?? "/:slug/",\n');
    expect(config(root)).toContain('  trailingSlash: process.env["SITE_TRAILING_SLASH"] ?? "never",\n');
    expect(formatImportSummary(report)).toContain('  permalinks: permalink "/:slug/", trailingSlash "never" (set)\n');
  });

  it("--keep-urls with a pattern the settings cannot express stops before writing anything", () => {
    const root = newBlog();
    const before = snapshot(root);
    expect(() => importInto(root, "astro-blog", { oldUrls: "/:year/:month/:slug/", keepUrls: true })).toThrow(
      '--keep-urls: "/:year/:month/:slug/" cannot be kept as it is',
    );
    expect(() => importInto(root, "astro-blog", { keepUrls: true })).toThrow("--keep-urls needs --old-urls");
    expect(snapshot(root)).toEqual(before);
  });
});

describe("other generators", () => {
  it("imports Jekyll posts with dates from their file names, and its pages, and sums it up", () => {
    const root = newBlog();
    const report = importInto(root, "jekyll-blog", { oldUrls: "/:year/:month/:title/" });
    expect(files(root)).toEqual(
      [
        "public/assets/img/first.png",
        "src/content/pages/about.md",
        "src/content/posts/first-jekyll-post.md",
        "src/content/posts/not-yet.md",
      ].map((file) => path.join(...file.split("/"))),
    );
    expect(fs.readFileSync(path.join(root, "src/content/posts/not-yet.md"), "utf8")).toBe(
      "---\ntitle: Not yet\ndate: 2019-05-02 10:00:00 -0400\ndraft: true\n---\nAn unpublished Jekyll post.\n",
    );
    const jekyll = path.relative(process.cwd(), path.join(importFixtures, "jekyll-blog"));
    expect(formatImportSummary(report).replaceAll(root, "<blog>")).toBe(
      [
        `Imported from ${jekyll} (Jekyll):`,
        "  posts: 2 written, 0 unchanged",
        "  pages: 1 written, 0 unchanged",
        "  assets: 1 copied, 0 unchanged",
        "  redirects: 1 added to <blog>/src/site.config.ts",
        "  feed aliases: /feed.xml",
        "  unmapped keys: 4 in 3 files",
        "  refused: 0",
        "",
        "Unmapped keys (not written; move what matters into the post by hand):",
        `  ${jekyll}/_posts/2019-04-01-first-jekyll-post.md: layout (no matching field)`,
        `  ${jekyll}/_posts/2019-05-02-not-yet.md: layout (no matching field)`,
        `  ${jekyll}/about.md: layout (no matching field), permalink (no matching field)`,
        "",
        "Old addresses left without a redirect:",
        "  not-yet: draft: no page to redirect to yet",
        "",
        "Content checks: 1 problem (0 errors) in the imported files:",
        "  <blog>/src/content/posts/first-jekyll-post.md:6:14 warning image-alt cover_image has no cover_alt; describe the image for screen readers",
      ].join("\n"),
    );
    expect(config(root)).toContain('    "/2019/04/first-jekyll-post/": "/posts/first-jekyll-post/",\n');
  });

  it("imports Hugo's TOML posts as YAML and its page bundles with their files", () => {
    const root = newBlog();
    const report = importInto(root, "hugo-blog");
    expect(report.plan.refused).toEqual([]);
    expect(files(root)).toEqual(
      [
        "public/images/hugo-cover.png",
        "src/content/pages/about.md",
        "src/content/posts/bundle-post/cover.png",
        "src/content/posts/bundle-post/diagram.png",
        "src/content/posts/bundle-post/index.md",
        "src/content/posts/toml-post.md",
      ].map((file) => path.join(...file.split("/"))),
    );
    expect(report.plan.documents.map((doc) => [path.basename(path.dirname(doc.target)), doc.unmapped])).toEqual([
      ["bundle-post", []],
      ["posts", [{ key: "weight", reason: "no matching field" }]],
      ["pages", []],
    ]);
  });

  it("imports Eleventy posts and their passthrough files, mapping hidden and cover", () => {
    const root = newBlog();
    importInto(root, "eleventy-blog");
    expect(fs.readFileSync(path.join(root, "src/content/posts/eleventy-post.md"), "utf8")).toBe(
      "---\ntitle: An Eleventy post\ndate: 2020-01-02\ntags: [post, notes]\nunlisted: true\ncover_image: /img/e.png\n---\nEleventy reads Markdown from posts/.\n",
    );
    expect(fs.existsSync(path.join(root, "public/img/e.png"))).toBe(true);
  });

  it("keeps every Markdown body byte for byte", () => {
    const pairs: [string, string][] = [];
    for (const fixture of ["astro-blog", "astro-starter", "jekyll-blog", "hugo-blog", "eleventy-blog"]) {
      const report = importInto(newBlog(), fixture);
      for (const doc of report.plan.documents) pairs.push([doc.source, doc.target]);
    }
    // Astro blog, Astro starter, Jekyll, Hugo, Eleventy.
    const astroBlog = 6;
    expect(pairs.length).toBe(astroBlog + 1 + 3 + 3 + 1);
    for (const [source, target] of pairs)
      expect(body(fs.readFileSync(target)).equals(body(fs.readFileSync(source))), `${source} → ${target}`).toBe(true);
  });
});

describe("npm run import", () => {
  const script = path.join(repoRoot, "scripts/import.ts");
  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8", cwd: repoRoot });

  it("prints the summary and exits 0 when nothing was refused", () => {
    const root = newBlog();
    const result = run(path.join(importFixtures, "hugo-blog"), "--into", root);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("Imported from tests/fixtures/import/hugo-blog (Hugo):\n  posts: 2 written, 0 unchanged\n");
    expect(result.status).toBe(0);
  });

  it("exits 1 naming the folder when there is no blog in it, and 2 without a folder", () => {
    const result = run(path.join(importFixtures, "hugo-blog/static"), "--into", newBlog());
    expect(result.stderr).toMatch(/^Import stopped, nothing written\. .*hugo-blog\/static: no blog found\./);
    expect(result.status).toBe(1);
    expect(run().status).toBe(2);
  });
});

describe("old slugs", () => {
  it("redirects from the address the old generator made of the file name", () => {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), "import-source-"));
    blogs.push(source);
    const posts = path.join(source, "src/content/posts");
    fs.mkdirSync(posts, { recursive: true });
    fs.writeFileSync(path.join(posts, "Mixed Case.md"), "---\ntitle: T\ndate: 2020-01-01\n---\nBody\n");
    const root = newBlog();
    const report = runImport({ from: source, root, timeZone, base: "/", oldUrls: "/blog/:slug" });
    expect(report.plan.documents.map((doc) => [doc.oldSlug, doc.slug])).toEqual([["mixed-case", "mixed-case"]]);
    expect(report.config?.added).toEqual(["/blog/:slug"]);
  });
});

describe("media that cannot be brought in", () => {
  function sourceBlog(posts: Record<string, string>): string {
    const source = fs.mkdtempSync(path.join(os.tmpdir(), "import-source-"));
    blogs.push(source);
    for (const [file, content] of Object.entries(posts)) {
      fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
      fs.writeFileSync(path.join(source, file), content);
    }
    return source;
  }

  it("refuses a post whose cover is remote or missing, and lists a missing body image", () => {
    const source = sourceBlog({
      "src/content/posts/remote.md": "---\ntitle: R\ndate: 2020-01-01\ncover_image: https://example.com/c.png\n---\n",
      "src/content/posts/missing.md": "---\ntitle: M\ndate: 2020-01-01\nheroImage: /gone.png\n---\n",
      "src/content/posts/body.md": "---\ntitle: B\ndate: 2020-01-01\n---\n![Gone](/gone.png)\n",
    });
    const report = runImport({ from: source, root: newBlog(), timeZone, base: "/" });
    expect(report.plan.refused.map(({ source: file, reason }) => `${path.basename(file)}: ${reason}`)).toEqual([
      'missing.md: cover_image "/gone.png" not found in public',
      'remote.md: cover_image "https://example.com/c.png" is remote; covers must be files (download it, then import again)',
    ]);
    expect(report.plan.documents.map((doc) => doc.missing)).toEqual([[{ url: "/gone.png", reason: "not found in public" }]]);
  });

  it("refuses a file in public/ that differs from the old blog's, naming both, and replaces it with --force", () => {
    const source = sourceBlog({
      "src/content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\n![Logo](/logo.png)\n",
      "public/logo.png": "old blog's logo",
    });
    const root = newBlog();
    fs.mkdirSync(path.join(root, "public"));
    fs.writeFileSync(path.join(root, "public/logo.png"), "this blog's logo");
    const refused = runImport({ from: source, root, timeZone, base: "/" }).plan.refused;
    expect(refused.map((entry) => entry.reason)).toEqual([
      `${path.join(root, "public/logo.png")} already exists with different content than ${path.join(source, "public/logo.png")} (--force replaces it)`,
    ]);
    expect(fs.existsSync(path.join(root, "src/content/posts/a.md"))).toBe(false);
    runImport({ from: source, root, timeZone, base: "/", force: true });
    expect(fs.readFileSync(path.join(root, "public/logo.png"), "utf8")).toBe("old blog's logo");
  });

  it("refuses the second of two old posts that would land on one slug, naming the first", () => {
    const source = sourceBlog({
      "src/content/posts/a.md": "---\ntitle: A\ndate: 2020-01-01\n---\n",
      "src/content/posts/b.md": "---\ntitle: B\ndate: 2020-01-01\nslug: a\n---\n",
    });
    const refused = runImport({ from: source, root: newBlog(), timeZone, base: "/" }).plan.refused;
    expect(refused).toEqual([
      {
        source: path.join(source, "src/content/posts/b.md"),
        reason: `its slug "a" is also the slug of ${path.join(source, "src/content/posts/a.md")}, imported first`,
      },
    ]);
  });
});
