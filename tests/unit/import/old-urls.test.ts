import { describe, expect, it } from "vitest";
import { DEFAULT_PERMALINKS, keepUrlSettings, oldUrlRedirects, parseOldUrlPattern } from "../../../src/lib/import/old-urls.ts";

const published = "published" as const;
const posts = [
  { oldSlug: "hello-world", slug: "hello-world", date: "2019-04-14", status: published },
  // 2 a.m. UTC on May 1st is still April 30th in New York.
  { oldSlug: "late", slug: "late", date: "2019-05-01T02:00:00Z", status: published },
  { oldSlug: "Old_Name", slug: "old_name", date: "2020-01-05", status: published },
];
const timeZone = "America/New_York";

describe("oldUrlRedirects", () => {
  it("writes one pattern for /:slug, plus an exact rule for each post whose slug changed", () => {
    expect(oldUrlRedirects("/:slug", posts, DEFAULT_PERMALINKS, timeZone)).toEqual({
      redirects: { "/:slug": "/posts/:slug/", "/Old_Name": "/posts/old_name/" },
      skipped: [],
    });
  });

  it("keeps the old trailing slash in the pattern: /blog/:slug/", () => {
    expect(oldUrlRedirects("/blog/:slug/", posts.slice(0, 1), DEFAULT_PERMALINKS, timeZone).redirects).toEqual({
      "/blog/:slug/": "/posts/:slug/",
    });
  });

  it("writes one exact rule per post for /:year/:month/:slug/, with the month in the site's time zone", () => {
    expect(oldUrlRedirects("/:year/:month/:slug/", posts, DEFAULT_PERMALINKS, timeZone)).toEqual({
      redirects: {
        "/2019/04/hello-world/": "/posts/hello-world/",
        "/2019/04/late/": "/posts/late/",
        "/2020/01/Old_Name/": "/posts/old_name/",
      },
      skipped: [],
    });
  });

  it("skips a dated pattern for a post without a date, saying so", () => {
    expect(
      oldUrlRedirects(
        "/:year/:slug",
        [{ oldSlug: "d", slug: "d", date: undefined, status: published }],
        DEFAULT_PERMALINKS,
        timeZone,
      ),
    ).toEqual({ redirects: {}, skipped: [{ slug: "d", reason: "no date to fill in /:year/:slug" }] });
  });

  it("writes no exact rule to a draft or scheduled post, whose page the build does not make", () => {
    const unpublished = [
      { oldSlug: "d", slug: "d", date: "2019-01-01", status: "draft" as const },
      { oldSlug: "s", slug: "s-new", date: "2099-01-01", status: "scheduled" as const },
    ];
    expect(oldUrlRedirects("/:year/:slug", unpublished, DEFAULT_PERMALINKS, timeZone)).toEqual({
      redirects: {},
      skipped: [
        { slug: "d", reason: "draft: no page to redirect to yet" },
        { slug: "s-new", reason: "scheduled: no page to redirect to yet" },
      ],
    });
  });

  it("follows the site's permalink settings for the targets", () => {
    const root = { permalink: "/:slug/", trailingSlash: "never" } as const;
    expect(oldUrlRedirects("/blog/:slug", posts.slice(0, 1), root, timeZone).redirects).toEqual({ "/blog/:slug": "/:slug" });
    // Already the address the posts are served at: nothing to redirect.
    expect(oldUrlRedirects("/:slug", posts.slice(0, 1), root, timeZone).redirects).toEqual({});
  });

  it("refuses patterns it cannot fill in, naming the part", () => {
    expect(() => oldUrlRedirects("/:category/:slug", posts, DEFAULT_PERMALINKS, timeZone)).toThrow(
      '--old-urls: ":category" is not supported',
    );
    expect(parseOldUrlPattern("/archive/")).toEqual({
      ok: false,
      reason: '"/archive/" needs :slug, the part of the address that names the post',
    });
    expect(parseOldUrlPattern(":slug")).toMatchObject({ ok: false, reason: '":slug" must start with "/", like "/:slug"' });
  });
});

describe("keepUrlSettings", () => {
  it.each([
    ["/:slug", { permalink: "/:slug/", trailingSlash: "never" }],
    ["/:slug/", { permalink: "/:slug/", trailingSlash: "always" }],
    ["/posts/:slug", { permalink: "/posts/:slug/", trailingSlash: "never" }],
    ["/posts/:title/", { permalink: "/posts/:slug/", trailingSlash: "always" }],
  ])("serves %s as it was", (pattern, settings) => {
    expect(keepUrlSettings(pattern)).toEqual(settings);
  });

  it("refuses a pattern the permalink settings cannot express, pointing at --old-urls", () => {
    expect(() => keepUrlSettings("/:year/:month/:slug/")).toThrow(
      '--keep-urls: "/:year/:month/:slug/" cannot be kept as it is; this blog serves posts at /:slug or /posts/:slug (with or without a trailing slash). Use --old-urls "/:year/:month/:slug/" alone',
    );
  });
});
