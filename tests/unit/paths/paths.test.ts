import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeBase, safeDecode, withBase } from "../../../src/lib/paths/base.ts";
import {
  encodeRoute,
  pageRoute,
  postRoute,
  routeFile,
  routeOf,
  routeOfFile,
  routeOfPagePath,
  routePath,
  SITE_CARD_SLUG,
  socialCardRoute,
} from "../../../src/lib/paths/routes.ts";
import { describeCollision, isSiteRoute, routeCollisions, SITE_ROUTES } from "../../../src/lib/paths/site-routes.ts";
import { repoRoot } from "../../support/project.ts";

const always = { base: "/blog/", trailingSlash: "always" } as const;
const never = { base: "/blog/", trailingSlash: "never" } as const;

describe("base paths", () => {
  it("normalise every way of writing one base", () => {
    for (const written of ["blog", "/blog", "blog/", "/blog/", " /blog// "]) expect(normalizeBase(written)).toBe("/blog/");
    expect(normalizeBase("")).toBe("/");
    expect(normalizeBase(undefined)).toBe("/");
  });

  it("put the base in front of site-absolute paths only, with either spelling of the base", () => {
    expect(withBase("/posts/x/", "/blog")).toBe("/blog/posts/x/");
    expect(withBase("/blog", "/blog/")).toBe("/blog");
    expect(withBase("x/", "/blog/")).toBe("x/");
    expect(safeDecode("caf%C3%A9")).toBe("café");
    expect(safeDecode("100%")).toBe("100%");
  });
});

describe("routes and the URLs made from them", () => {
  it("place posts by the permalink setting and pages at the root", () => {
    expect(postRoute("a", "/posts/:slug/")).toBe("posts/a");
    expect(postRoute("a", "/:slug/")).toBe("a");
    expect(pageRoute("now")).toBe("now");
  });

  it("apply the base, the trailing slash and percent-encoding in one place", () => {
    expect(routePath("posts/café", always)).toBe("/blog/posts/caf%C3%A9/");
    expect(routePath("jumbocode+", never)).toBe("/blog/jumbocode+");
    expect(routePath("rss.xml", always)).toBe("/blog/rss.xml");
    expect(routePath("", always)).toBe("/blog/");
    expect(routePath("", never)).toBe("/blog");
    expect(routePath("", { base: "/", trailingSlash: "never" })).toBe("/");
    expect(encodeRoute("a'b(c)&d;e=f@g!h$i*j,k~l")).toBe("a'b(c)&d;e=f@g!h$i*j,k~l");
  });

  it("give each social card one route, a file under either trailing-slash setting", () => {
    expect(socialCardRoute("café")).toBe("og/café.png");
    expect(socialCardRoute(SITE_CARD_SLUG)).toBe("og/index.png");
    expect(routePath(socialCardRoute("café"), always)).toBe("/blog/og/caf%C3%A9.png");
    expect(routeFile(socialCardRoute("a"), "never")).toBe("og/a.png");
    expect(routeFile(socialCardRoute("a"), "always")).toBe("og/a.png");
  });

  it("read a route back from any spelling of its path", () => {
    for (const path of ["/posts/caf%C3%A9", "/posts/café/", "posts/café", "/posts/café/?x=1#y"])
      expect(routeOf(path)).toBe("posts/café");
    expect(routeOfPagePath("/blog/about.html", "/blog/")).toBe("about");
    expect(routeOfPagePath("/blog/about/", "/blog/")).toBe("about");
    expect(routeOfPagePath("/blog/index.html", "/blog/")).toBe("");
    expect(routeOfPagePath("/blog", "/blog/")).toBe("");
    expect(routeOfPagePath("/blogroll/", "/blog/")).toBe("blogroll");
  });

  it("name the file a static build writes for a route, and the route of a file", () => {
    expect(routeFile("posts/a", "always")).toBe("posts/a/index.html");
    expect(routeFile("posts/a", "never")).toBe("posts/a.html");
    expect(routeFile("", "never")).toBe("index.html");
    expect(routeFile("og/a.png", "never")).toBe("og/a.png");
    for (const file of ["posts/a/index.html", "posts/a.html"]) expect(routeOfFile(file)).toBe("posts/a");
    expect(routeOfFile("404.html")).toBe("404");
  });
});

describe("the site's own routes", () => {
  it("list every top-level route of src/pages", () => {
    const pages = readdirSync(join(repoRoot, "src/pages"))
      .filter((name) => !name.startsWith("_") && !name.startsWith("["))
      .map((name) => name.replace(/\.(astro|ts)$/, ""))
      .filter((name) => name !== "index");
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(SITE_ROUTES, page).toContain(page);
  });

  it("own their folders, except the archive, whose children are posts only under /posts/:slug/", () => {
    expect(isSiteRoute("tags/ai/2")).toBe(true);
    expect(isSiteRoute("posts")).toBe(true);
    expect(isSiteRoute("posts/a")).toBe(false);
    expect(isSiteRoute("about")).toBe(false);
  });

  it("are never given to a post or page, and two posts or pages never share a route", () => {
    expect(
      routeCollisions([
        { route: "tags", owner: "post src/content/posts/tags.md" },
        { route: "about", owner: "page src/content/pages/about.md" },
        { route: "about", owner: "post src/content/posts/about.md" },
        { route: "café", owner: "post src/content/posts/a.md" },
        { route: "cafe\u0301", owner: "post src/content/posts/b.md" },
        { route: "posts/tags", owner: "post src/content/posts/tags-post.md" },
      ]).map(describeCollision),
    ).toEqual([
      "post src/content/posts/tags.md claims /tags/, which the site itself serves; give it another slug",
      "page src/content/pages/about.md and post src/content/posts/about.md both claim /about/; rename one, or give one another slug",
      "post src/content/posts/a.md and post src/content/posts/b.md both claim /cafe\u0301/; rename one, or give one another slug",
    ]);
  });
});
