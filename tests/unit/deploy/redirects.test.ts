import { describe, expect, it } from "vitest";
import {
  matchRedirect,
  parseRedirects,
  planRedirects,
  redirectedPath,
  routesFromBuildFiles,
  targetUrl,
  toNginxRedirects,
  toRedirectsFile,
  validateRedirects,
} from "../../../src/lib/deploy/redirects.ts";

const map = {
  "/old-post": "/posts/new/",
  "/2019/01/legacy.html": "/posts/legacy/",
  "/about-me/": "/about/",
  "/talk": "https://example.com/talk",
};

const builtPages = ["/", "/posts/new/", "/posts/legacy/", "/about/", "/404", "/rss.xml"];

describe("redirect outputs", () => {
  it("make a _redirects file with both slash forms of page sources", () => {
    expect(toRedirectsFile(map, { base: "/blog" })).toBe(
      [
        "/blog/old-post /blog/posts/new/ 301",
        "/blog/old-post/ /blog/posts/new/ 301",
        "/blog/2019/01/legacy.html /blog/posts/legacy/ 301",
        "/blog/about-me /blog/about/ 301",
        "/blog/about-me/ /blog/about/ 301",
        "/blog/talk https://example.com/talk 301",
        "/blog/talk/ https://example.com/talk 301",
        "",
      ].join("\n"),
    );
    expect(toRedirectsFile({})).toBe("");
  });

  it("make exact-match nginx locations", () => {
    const exact = { "/old-post": "/posts/new/", "/feed.xml": "/rss.xml" };
    expect(toNginxRedirects(planRedirects(exact, builtPages), exact, { base: "/blog/", status: 308 })).toBe(
      [
        "location = /blog/feed.xml { return 308 /blog/rss.xml; }",
        "location = /blog/old-post { return 308 /blog/posts/new/; }",
        "location = /blog/old-post/ { return 308 /blog/posts/new/; }",
        "",
      ].join("\n"),
    );
    const home = { "/x": "/" };
    expect(toNginxRedirects(planRedirects(home, builtPages), home)).toBe(
      "location = /x { return 301 /; }\nlocation = /x/ { return 301 /; }\n",
    );
  });

  it("refuse entries that would be unsafe or ambiguous in any of the formats", () => {
    const { redirects, problems } = parseRedirects({
      "no-slash": "/a/",
      "/with space": "/a/",
      "/var": "/$host/",
      "/inject": "/a/; return 200",
      "/query?x=1": "/a/",
      "/splat/*/more": "/a/",
      "/dup": "/a/",
      "/dup/": "/b/",
      "/relative": "a/",
      "/ok": "/a/",
    });
    expect(redirects.map((r) => r.from)).toEqual(["/dup", "/ok"]);
    expect(problems.map((p) => p.from)).toEqual([
      "no-slash",
      "/with space",
      "/var",
      "/inject",
      "/query?x=1",
      "/splat/*/more",
      "/dup/",
      "/relative",
    ]);
    expect(() => toRedirectsFile({ "/var": "/$host/" })).toThrow(
      /Invalid redirect \/var .* in site\.redirects \(src\/site\.config\.ts\)/,
    );
  });
});

describe("redirect patterns", () => {
  const routes = ["/", "/posts/", "/tags/", "/tags/ai/", "/café/", "/jumbocode+/", "/about/", "/404", "/rss.xml"];

  it("expand against the built pages by matching the target", () => {
    const plan = planRedirects({ "/blog/:slug": "/:slug/" }, routes);
    expect(plan.problems).toEqual([]);
    // Site routes (posts, tags) are not posts: a placeholder at the front of a target only stands for content.
    expect(plan.redirects.map(({ from, to }) => `${from} → ${to}`)).toEqual([
      "/blog/about → /about/",
      "/blog/café → /café/",
      "/blog/jumbocode+ → /jumbocode+/",
    ]);
  });

  it("skip old addresses that are real pages and need every source placeholder in the target", () => {
    expect(planRedirects({ "/:slug": "/posts/:slug/" }, ["/posts/a/", "/a/"]).redirects).toEqual([]);
    expect(planRedirects({ "/:slug": "/posts/:slug/" }, ["/posts/a/", "/a/"]).problems.map((p) => p.message)).toEqual([
      "pattern reaches no page of the built site",
    ]);
    expect(parseRedirects({ "/:year/:slug": "/posts/:slug/" }).problems[0]?.message).toMatch(
      /source placeholder :year does not appear in the target/,
    );
    expect(parseRedirects({ "/a/:slug": "/posts/:id/" }).problems[0]?.message).toMatch(
      /uses :id, which the source does not have/,
    );
    expect(parseRedirects({ "/a/:slug": "https://example.com/:slug" }).problems[0]?.message).toMatch(
      /must lead to pages of this site/,
    );
  });

  it("send a splat without :splat to one page, and one with :splat page by page", () => {
    const prefix = planRedirects({ "/archive/*": "/posts/" }, routes);
    expect(prefix.redirects.map(({ from, to }) => `${from} → ${to}`)).toEqual(["/archive/ → /posts/"]);
    const each = planRedirects({ "/old-tags/*": "/tags/:splat/" }, routes);
    expect(each.redirects.map(({ from, to }) => `${from} → ${to}`)).toEqual(["/old-tags/ai → /tags/ai/"]);
  });

  it("write the hosts' placeholders in _redirects and concrete rules for nginx", () => {
    const map = { "/blog/:slug": "/:slug/", "/archive/*": "/posts/" };
    expect(toRedirectsFile(map, { base: "/b/" })).toBe("/b/blog/:slug /b/:slug/ 301\n/b/archive/* /b/posts/ 301\n");
    expect(toNginxRedirects(planRedirects(map, routes), map).split("\n")).toEqual([
      "location ^~ /archive/ { return 301 /posts/; }",
      "location = /blog/about { return 301 /about/; }",
      "location = /blog/about/ { return 301 /about/; }",
      "location = /blog/café { return 301 /caf%C3%A9/; }",
      "location = /blog/café/ { return 301 /caf%C3%A9/; }",
      "location = /blog/jumbocode+ { return 301 /jumbocode+/; }",
      "location = /blog/jumbocode+/ { return 301 /jumbocode+/; }",
      "",
    ]);
  });

  it("follow the trailing-slash setting in targets", () => {
    const map = { "/blog/:slug": "/:slug/" };
    const plan = planRedirects(map, ["/a"], { trailingSlash: "never" });
    expect(toNginxRedirects(plan, map, { trailingSlash: "never" })).toBe(
      "location = /blog/a { return 301 /a; }\nlocation = /blog/a/ { return 301 /a; }\n",
    );
    expect(targetUrl("/a/", false, { base: "/b/", trailingSlash: "never" })).toBe("/b/a");
    expect(targetUrl("/a#part", false, { base: "/b/" })).toBe("/b/a/#part");
  });

  it("resolve links to old addresses, leaving real pages alone", () => {
    const isRoute = (route: string) => ["posts/a", "tags", "about"].includes(route);
    const map = { "/:slug": "/posts/:slug/", "/me": "/about/" };
    expect(redirectedPath(map, "/a", isRoute)).toBe("/posts/a/");
    expect(redirectedPath(map, "/a/", isRoute)).toBe("/posts/a/");
    expect(redirectedPath(map, "/tags", isRoute)).toBeUndefined();
    expect(redirectedPath(map, "/missing", isRoute)).toBeUndefined();
    expect(redirectedPath(map, "/me", isRoute)).toBe("/about/");
    const [pattern] = parseRedirects({ "/blog/:slug": "/:slug/" }).redirects;
    expect(pattern && matchRedirect(pattern, "/blog/x/")).toBe("/x/");
  });
});

describe("validateRedirects", () => {
  const routes = routesFromBuildFiles([
    "index.html",
    "posts/new/index.html",
    "posts/legacy/index.html",
    "about/index.html",
    "404.html",
    "rss.xml",
  ]);

  it("turns build output files into routes", () => {
    expect(routes).toEqual(["/", "/404", "/about/", "/posts/legacy/", "/posts/new/", "/rss.xml"]);
  });

  it("accepts targets that exist, with or without trailing slash or base", () => {
    expect(validateRedirects(map, routes)).toEqual([]);
    expect(validateRedirects({ "/x": "/posts/new" }, ["/blog/posts/new/"], { base: "/blog/" })).toEqual([]);
  });

  it("reports missing targets with the nearest route", () => {
    expect(validateRedirects({ "/x": "/posts/nwe/", "/y": "/nothing-like-it/" }, routes)).toEqual([
      {
        from: "/x",
        to: "/posts/nwe/",
        severity: "error",
        message: "target /posts/nwe/ is not a route of the built site (did you mean /posts/new/?)",
      },
      {
        from: "/y",
        to: "/nothing-like-it/",
        severity: "error",
        message: "target /nothing-like-it/ is not a route of the built site",
      },
    ]);
  });

  it("reports sources that hide real pages, self-redirects, chains and loops", () => {
    const problems = validateRedirects(
      {
        "/about": "/posts/new/",
        "/self/": "/self",
        "/a": "/b",
        "/b": "/posts/new/",
        "/loop1": "/loop2",
        "/loop2": "/loop1",
        "/chain-to-nowhere": "/c",
        "/c": "/gone/",
      },
      routes,
    );
    expect(problems.map((p) => `${p.severity} ${p.from}: ${p.message}`)).toEqual([
      "error /about: source /about is a page of the site; the redirect would hide it",
      "error /self/: redirects to itself",
      "warning /a: target /b is itself redirected; point straight at the final page",
      "error /loop1: redirect loop: /loop1 → /loop2 → /loop1",
      "error /loop2: redirect loop: /loop2 → /loop1 → /loop2",
      "warning /chain-to-nowhere: target /c is itself redirected; point straight at the final page",
      "error /chain-to-nowhere: final target /gone (via /c) is not a route of the built site",
      "error /c: target /gone/ is not a route of the built site",
    ]);
  });

  it("includes syntax problems", () => {
    expect(validateRedirects({ bad: "/posts/new/" }, routes)).toMatchObject([{ from: "bad", severity: "error" }]);
  });
});
