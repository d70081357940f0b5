import { describe, expect, it } from "vitest";
import { resolveSiteLink, routeFor } from "../../../src/lib/content-lint/site.ts";
import { parseAuthorDate } from "../../../src/lib/dates.ts";
import { site } from "../../../src/site.config.ts";
import { byRule, columnOf, lineOf, lintVirtual } from "./helpers.ts";

const post = (body: string, frontmatter = "title: T\ndate: 2026-01-01") => `---\n${frontmatter}\n---\n${body}\n`;
const now = new Date("2026-06-01T00:00:00Z");

describe("routes", () => {
  it("derive slugs from file or folder names like Astro's glob loader, unless frontmatter overrides", () => {
    expect(routeFor("posts/hello.md", undefined)).toEqual({ collection: "posts", slug: "hello", path: "posts/hello/" });
    expect(routeFor("posts/hello/index.mdx", undefined)).toMatchObject({ slug: "hello", path: "posts/hello/" });
    expect(routeFor("posts/My Post.md", undefined)).toMatchObject({ slug: "my-post" });
    expect(routeFor("posts/old.md", "new")).toMatchObject({ slug: "new", path: "posts/new/", fileSlug: "old" });
    expect(routeFor("pages/about.md", undefined)).toMatchObject({ collection: "pages", path: "about/" });
    expect(routeFor("pages/team/index.md", undefined)).toMatchObject({ collection: "pages", slug: "team", path: "team/" });
    expect(routeFor("notes/x.md", undefined)).toEqual({ collection: "other" });
  });

  it("leave files below a post folder out, as the loader's glob does", () => {
    expect(routeFor("posts/second/notes.md", undefined)).toEqual({ collection: "other" });
    expect(routeFor("posts/a/b/index.md", undefined)).toEqual({ collection: "other" });
    const files = {
      "posts/a.md": post("[notes](/posts/second/notes/)"),
      "posts/second/index.md": post("x"),
      "posts/second/notes.md": post("y"),
    };
    expect(byRule(lintVirtual(files), "internal-link").map((d) => d.message)).toEqual([
      'link to /posts/second/notes/ but no post has slug "second/notes"',
    ]);
  });

  it("resolve relative links against the page URL, honouring the base", () => {
    expect(resolveSiteLink("../foo/", "posts/bar/", "/", true)).toMatchObject({
      kind: "internal",
      path: "posts/foo/",
      hasBase: true,
    });
    expect(resolveSiteLink("../foo/", "posts/bar/", "/blog/", true)).toMatchObject({
      path: "posts/foo/",
      hasBase: true,
      display: "/blog/posts/foo/",
    });
    expect(resolveSiteLink("../../../foo/", "posts/bar/", "/blog/", true)).toMatchObject({ path: "foo/", hasBase: false });
    expect(resolveSiteLink("/posts/caf%C3%A9/", undefined, "/", true)).toMatchObject({ path: "posts/café/" });
    expect(resolveSiteLink("https://x.com/", undefined, "/", true)).toEqual({ kind: "external" });
    expect(resolveSiteLink("//cdn.example/x/", undefined, "/", true)).toEqual({ kind: "external" });
    expect(resolveSiteLink("#top", undefined, "/", true)).toEqual({ kind: "skip" });
  });

  it("add the base to site-absolute links the Markdown plugins rewrite, and leave ones that carry it alone", () => {
    expect(resolveSiteLink("/posts/foo/", "posts/bar/", "/blog/", true)).toMatchObject({
      path: "posts/foo/",
      hasBase: true,
      display: "/posts/foo/",
    });
    expect(resolveSiteLink("/blog/posts/foo/", "posts/bar/", "/blog/", true)).toMatchObject({
      path: "posts/foo/",
      hasBase: true,
    });
    expect(resolveSiteLink("/posts/foo/", "posts/bar/", "/blog/", false)).toMatchObject({ path: "posts/foo/", hasBase: false });
    expect(resolveSiteLink("/blog/posts/foo/", "posts/bar/", "/blog/", false)).toMatchObject({
      path: "posts/foo/",
      hasBase: true,
    });
  });
});

describe("internal-link rule", () => {
  const files = {
    "posts/a.md": post(
      "[b](/posts/b/) [b rel](../b/) [page](../../about/) [missing](/posts/zzz/) [draft](/posts/d/) [later](/posts/s/)",
    ),
    "posts/b.md": post("[a](../a/) [anchor](/posts/a/#intro) [home](/) [index](/posts/) [tags](/tags/) [tag](/tags/x/)"),
    "posts/d.md": post("[a](/posts/a/) [also unpublished](/posts/s/)", "title: D\ndraft: true"),
    "posts/s.md": post("x", "title: S\ndate: 2027-01-01"),
    "pages/about.md": post("[a](../posts/a/) [a again](/posts/a/) [under the page](posts/a/)", "title: About"),
  };

  it("accepts existing posts and pages, relative or absolute, and rejects missing ones", () => {
    const found = byRule(lintVirtual(files, { now }), "internal-link");
    expect(found.map((d) => [d.file, d.severity, d.message])).toEqual([
      [
        "pages/about.md",
        "error",
        'link to /about/posts/a/ but no such page exists below /about/ ("posts/a/" resolves from this page\'s URL, /about/)',
      ],
      ["posts/a.md", "error", 'link to /posts/zzz/ but no post has slug "zzz"'],
      ["posts/a.md", "warning", 'link to post "d", which is a draft and has no page in production builds'],
      ["posts/a.md", "warning", 'link to post "s", which is dated in the future and has no page in production builds'],
    ]);
  });

  it("accepts links with or without the trailing slash, whatever the setting, since the build and the servers accept both", () => {
    const files = {
      "posts/a.md": post("[b](/posts/b) [hash](/posts/b#x) [tags](/tags) [ok](/posts/b/) [gone](/posts/c)"),
      "posts/b.md": post("x"),
    };
    const messages = (trailingSlash: "always" | "never") =>
      byRule(lintVirtual(files, { trailingSlash }), "internal-link").map((d) => [d.column, d.message]);
    expect(messages("always")).toEqual([[71, 'link to /posts/c/ but no post has slug "c" (did you mean /posts/a/?)']]);
    expect(messages("never")).toEqual([[71, 'link to /posts/c but no post has slug "c" (did you mean /posts/a?)']]);
  });

  it("follows the permalink setting and the redirects, as the build routes them", () => {
    const files = {
      "posts/a.md": post("[root](/b) [slashed](/b/) [old](/posts/b) [older](/blog/b/) [missing](/zzz) [page](/about)"),
      "posts/b.md": post("x"),
      "pages/about.md": "---\ntitle: About\n---\nx",
    };
    const found = byRule(
      lintVirtual(files, {
        permalink: "/:slug/",
        trailingSlash: "never",
        redirects: { "/posts/:slug": "/:slug/", "/blog/:slug": "/:slug/" },
      }),
      "internal-link",
    );
    expect(found.map((d) => d.message)).toEqual(['link to /zzz but no post or page has slug "zzz"']);
  });

  it("reports a post and a page that take one root URL, and a post that takes a route of the site", () => {
    const files = { "posts/about.md": post("x"), "pages/about.md": "---\ntitle: About\n---\nx", "posts/search.md": post("x") };
    const found = byRule(lintVirtual(files, { permalink: "/:slug/" }), "duplicate-slug");
    expect(found.map((d) => [d.file, d.message])).toEqual([
      ["pages/about.md", 'page slug "about" takes /about/, which posts/about.md takes too; rename one'],
      ["posts/search.md", `post slug "search" clashes with the site's own /search/ route; rename the post`],
    ]);
    expect(byRule(lintVirtual(files), "duplicate-slug")).toEqual([]);
  });

  it("accounts for SITE_BASE: Markdown links get it added, raw HTML and JSX must carry it", () => {
    const found = byRule(
      lintVirtual(
        {
          "posts/a.md": post(
            '[ok](/blog/posts/b/) [rel](../b/) [no base](/posts/b/) [missing](/blog/posts/zzz/) [home](/blog/) [also missing](/posts/yyy/) <a href="/blog/posts/b/">ok</a> <a href="/posts/b/">html</a>',
          ),
          "posts/b.md": post("x"),
          "posts/c.mdx": post('[markdown](/posts/b/)\n\n<a href="/blog/posts/b/">ok</a> <a href="/posts/b/">jsx</a>'),
        },
        { base: "/blog/" },
      ),
      "internal-link",
    );
    expect(found.map((d) => [d.file, d.severity, d.message])).toEqual([
      ["posts/a.md", "error", 'link to /blog/posts/zzz/ but no post has slug "zzz"'],
      ["posts/a.md", "error", 'link to /blog/posts/yyy/ but no post has slug "yyy"'],
      [
        "posts/a.md",
        "error",
        "link /posts/b/ leaves out the site base /blog/; raw HTML is used as written, so write /blog/posts/b/",
      ],
      [
        "posts/c.mdx",
        "error",
        "link /posts/b/ leaves out the site base /blog/; JSX in MDX is used as written, so write /blog/posts/b/",
      ],
    ]);
  });

  it("judges whether a linked post is published exactly as the build does, in the site's time zone", () => {
    const files = {
      "posts/a.md": post("[b](/posts/b/) [c](/posts/c/)"),
      "posts/b.md": post("x", "title: B\ndate: 2026-06-01"),
      "posts/c.md": post("x", "title: C\ndate: 2026-02-30"),
    };
    const midnight = parseAuthorDate("2026-06-01", site.timeZone);
    if (!midnight.ok) throw new Error(midnight.reason);
    const messagesAt = (now: Date) => byRule(lintVirtual(files, { now }), "internal-link").map((d) => d.message);
    const impossibleDate = 'link to post "c", which has no valid date and has no page in production builds';
    expect(messagesAt(new Date(midnight.date.getTime() - 1))).toEqual([
      'link to post "b", which is dated in the future and has no page in production builds',
      impossibleDate,
    ]);
    expect(messagesAt(midnight.date)).toEqual([impossibleDate]);
  });

  it("lets extra top-level routes be declared", () => {
    const files = {
      "posts/a.md": post("[tags](/tags/) [a tag](/tags/astro/) [feed](/rss.xml) [now](/now/) [project](/projects/x/)"),
    };
    expect(byRule(lintVirtual(files), "internal-link").map((d) => d.message.split(" but ")[0])).toEqual([
      "link to /now/",
      "link to /projects/x/",
    ]);
    expect(byRule(lintVirtual(files, { topLevelRoutes: ["now", "tags", "projects"] }), "internal-link")).toEqual([]);
  });

  it("accepts folders and files served from public/", () => {
    const files = { "posts/a.md": post("[resume](/resume/) [demo](/demos/one/)") };
    expect(byRule(lintVirtual(files), "internal-link")).toHaveLength(2);
    expect(byRule(lintVirtual(files, { existing: ["public/resume", "public/demos/one"] }), "internal-link")).toEqual([]);
  });

  it("reports two entries that claim the same slug", () => {
    const found = byRule(
      lintVirtual({ "posts/a.md": post("x"), "posts/b.md": post("y", "title: B\nslug: a") }),
      "duplicate-slug",
    );
    expect(found).toMatchObject([{ file: "posts/b.md", line: 3, severity: "error" }]);
    const clash = byRule(lintVirtual({ "pages/tags.md": post("x", "title: Tags") }), "duplicate-slug");
    expect(clash.map((d) => d.message)).toEqual(['page slug "tags" clashes with the site\'s own /tags/ route; rename the page']);
  });
});

describe("image rules", () => {
  it("resolve local images beside the post and site-absolute ones under public/, URL-decoded", () => {
    const files = {
      "posts/a/index.md": post(
        "![a](./x.png) ![b](x%20y.png) ![c](/img/p%20q.png?v=1) ![e](https://remote.example/e.png) ![f](data:image/png;base64,AA==)",
      ),
    };
    const existing = ["content/posts/a/x.png", "content/posts/a/x y.png", "public/img/p q.png"];
    expect(byRule(lintVirtual(files, { existing }), "missing-image")).toEqual([]);
    expect(byRule(lintVirtual(files, { existing: [] }), "missing-image").map((d) => d.column)).toEqual([6, 20, 36]);
  });

  it("follow the site's base handling: Markdown images, raw HTML and JSX media all get the base added", () => {
    const existing = ["public/img/p.png"];
    const files = {
      "posts/a.md": post(
        '![ok](/img/p.png) ![twice](/blog/img/p.png) <img src="/img/p.png" alt="ok"> <img src="/blog/img/p.png" alt="twice">',
      ),
      "posts/b.mdx": post(
        '![ok](/img/p.png)\n\n<img src="/img/p.png" alt="ok" /> <img src="/blog/img/p.png" alt="twice" /> <video src="/img/gone.mp4" />',
      ),
    };
    const found = byRule(lintVirtual(files, { existing, base: "/blog/" }), "missing-image");
    expect(found.map((d) => [d.file, d.message])).toEqual([
      [
        "posts/a.md",
        'image "/blog/img/p.png" includes the site base /blog/; write /img/p.png since the site adds the base to images itself',
      ],
      [
        "posts/a.md",
        'img src: "/blog/img/p.png" includes the site base /blog/; write /img/p.png since the site adds the base itself',
      ],
      [
        "posts/b.mdx",
        'img src: "/blog/img/p.png" includes the site base /blog/; write /img/p.png since the site adds the base itself',
      ],
      ["posts/b.mdx", 'video src: "/img/gone.mp4" does not exist (looked for public/img/gone.mp4)'],
    ]);
  });

  it("refuse relative paths in raw HTML, which would load from the page URL, and reject remote covers", () => {
    const files = {
      "posts/a.md": post(
        '<img src="./pic.png" alt="x"> <img src="gone.png" alt="y">',
        "title: T\ncover_image: https://cdn.example/c.png\ncover_alt: C",
      ),
    };
    const found = byRule(lintVirtual(files, { existing: ["content/posts/pic.png"] }), "missing-image");
    expect(found.map((d) => [d.line, d.column, d.message.split(/;| \(looked/)[0]])).toEqual([
      [3, 14, 'cover_image "https://cdn.example/c.png" is remote'],
      [6, 11, 'img src: "./pic.png" is relative'],
      [6, 41, 'img src: "gone.png" does not exist'],
    ]);
    expect(found[2]?.message).toMatch(/looked for \S*content\/posts\/gone\.png\);/);
    for (const finding of found.slice(1)) {
      expect(finding.message).toContain(
        "raw HTML is published as written, so the browser would look for it relative to the page URL. Use Markdown image syntax",
      );
    }
  });

  it("check every file raw HTML media name: video src and poster, audio, source src and srcset", () => {
    const source = post(
      [
        '<video controls playsinline src="/v/clip.mp4" poster="/v/gone%20poster.png"></video>',
        "",
        "<audio controls><source src='/v/gone.ogg'></audio>",
        "",
        '<picture><source srcset="/v/a.png 1x, /v/gone.png 2x"><img src="https://cdn.example/r.png" alt="Remote"></picture>',
        "",
        "<!-- <img src=/v/in-a-comment.png> -->",
      ].join("\r\n"),
    );
    const found = byRule(
      lintVirtual({ "posts/a.md": source }, { existing: ["public/v/clip.mp4", "public/v/a.png"] }),
      "missing-image",
    );
    expect(found).toHaveLength(3);
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([
      [
        lineOf(source, "<video"),
        columnOf(source, "/v/gone%20poster"),
        'video poster: "/v/gone%20poster.png" does not exist (looked for public/v/gone poster.png)',
      ],
      [
        lineOf(source, "<audio"),
        columnOf(source, "/v/gone.ogg"),
        'source src: "/v/gone.ogg" does not exist (looked for public/v/gone.ogg)',
      ],
      [
        lineOf(source, "<picture>"),
        columnOf(source, "/v/gone.png"),
        'source srcset: "/v/gone.png" does not exist (looked for public/v/gone.png)',
      ],
    ]);
    expect(byRule(lintVirtual({ "posts/a.md": source }), "image-alt")).toEqual([]);
  });

  it("warn about missing alt text, but accept an explicit empty alt in HTML", () => {
    const existing = ["content/posts/i.png"];
    const found = byRule(
      lintVirtual(
        { "posts/a.md": post('![](i.png) <img src="i.png" alt=""> <img src="i.png"> ![i.png](i.png) ![Chart](i.png)') },
        { existing },
      ),
      "image-alt",
    );
    expect(found.map((d) => [d.column, d.severity])).toEqual([
      [1, "warning"],
      [37, "warning"],
      [55, "warning"],
    ]);
  });
});

describe("MDX", () => {
  it("treats an alt given as an expression as present, and skips src expressions", () => {
    const source =
      '---\ntitle: T\n---\nimport pic from "./pic.png";\n\n<img src="/x.png" alt={"A picture"} />\n\n<img src={pic} />\n';
    const diagnostics = lintVirtual({ "posts/a.mdx": source }, { existing: ["public/x.png"] });
    expect(diagnostics).toEqual([]);
  });
});

describe("frontmatter-length rule", () => {
  it("counts characters as people see them", () => {
    const ok = `title: "${"é".repeat(60)}"\ndescription: "${"👍🏽".repeat(160)}"`;
    expect(byRule(lintVirtual({ "posts/a.md": post("x", ok) }), "frontmatter-length")).toEqual([]);
    const long = `title: "${"a".repeat(61)}"\ndescription: "${"b".repeat(161)}"`;
    expect(byRule(lintVirtual({ "posts/a.md": post("x", long) }), "frontmatter-length").map((d) => d.line)).toEqual([2, 3]);
  });
});

describe("relative links", () => {
  it("explain that they resolve from the page URL when they miss", () => {
    const found = byRule(lintVirtual({ "posts/a.md": post("[sibling](other-post/)"), "posts/b.md": post("x") }), "internal-link");
    expect(found.map((d) => d.message)).toEqual([
      'link to /posts/a/other-post/ but no post has slug "a/other-post" ("other-post/" resolves from this page\'s URL, /posts/a/)',
    ]);
  });
});
