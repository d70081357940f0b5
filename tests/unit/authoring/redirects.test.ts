import { describe, expect, it } from "vitest";
import {
  parseRedirects,
  routesFromBuildFiles,
  toAstroRedirects,
  toNginxRedirects,
  toRedirectsFile,
  validateRedirects,
} from "../../../src/lib/authoring/redirects.ts";

const map = {
  "/old-post": "/posts/new/",
  "/2019/01/legacy.html": "/posts/legacy/",
  "/about-me/": "/about/",
  "/talk": "https://example.com/talk",
};

describe("redirect outputs", () => {
  it("make Astro config entries: the base goes on destinations only, since Astro adds it to sources", () => {
    expect(toAstroRedirects(map)).toEqual({
      "/old-post": "/posts/new/",
      "/2019/01/legacy.html": "/posts/legacy/",
      "/about-me": "/about/",
      "/talk": "https://example.com/talk",
    });
    expect(toAstroRedirects(map, { base: "/blog/" })).toEqual({
      "/old-post": "/blog/posts/new/",
      "/2019/01/legacy.html": "/blog/posts/legacy/",
      "/about-me": "/blog/about/",
      "/talk": "https://example.com/talk",
    });
    expect(toAstroRedirects({ "/a": "/b/" }, { status: 302 })).toEqual({ "/a": { status: 302, destination: "/b/" } });
  });

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
    expect(toNginxRedirects({ "/old-post": "/posts/new/", "/feed.xml": "/rss.xml" }, { base: "/blog/", status: 308 })).toBe(
      [
        "location = /blog/old-post { return 308 /blog/posts/new/; }",
        "location = /blog/old-post/ { return 308 /blog/posts/new/; }",
        "location = /blog/feed.xml { return 308 /blog/rss.xml; }",
        "",
      ].join("\n"),
    );
    expect(toNginxRedirects({ "/x": "/" })).toBe("location = /x { return 301 /; }\nlocation = /x/ { return 301 /; }\n");
  });

  it("refuse entries that would be unsafe or ambiguous in any of the formats", () => {
    const { redirects, problems } = parseRedirects({
      "no-slash": "/a/",
      "/with space": "/a/",
      "/var": "/$host/",
      "/inject": "/a/; return 200",
      "/query?x=1": "/a/",
      "/splat/*": "/a/",
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
      "/splat/*",
      "/dup/",
      "/relative",
    ]);
    expect(() => toNginxRedirects({ "/var": "/$host/" })).toThrow(/Invalid redirect \/var/);
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
