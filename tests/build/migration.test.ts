import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWithNginx, type NginxSite } from "../support/nginx.ts";
import { createProject, fixturesDir, runAstro, setSiteSettings } from "../support/project.ts";

/**
 * A blog modelled on one moved in from another Astro site, its files copied in unchanged and
 * served the way it always was: posts at the root without trailing slashes, older addresses
 * redirected, the feed at /rss.
 */
const BLOG = join(fixturesDir, "migration/astro-blog");
const SETTINGS = {
  redirects: { "/blog/:slug": "/:slug/", "/posts/:slug": "/:slug/" },
  feedAliases: ["/rss"],
};
const ENV = { SITE_PERMALINK: "/:slug/", SITE_TRAILING_SLASH: "never", SITE_URL: "https://old.example.org" };

let dist = "";
let output = "";
const read = (file: string) => readFileSync(join(dist, file), "utf8");

beforeAll(async () => {
  const dir = createProject("migration-root", {}, { blog: BLOG });
  setSiteSettings(dir, SETTINGS);
  const build = await runAstro(dir, ["build"], ENV);
  output = build.output;
  if (build.code !== 0) throw new Error(`The copied blog did not build:\n${build.output}`);
  dist = join(dir, "dist");
});

describe("a blog copied in unchanged, with root permalinks and no trailing slashes", () => {
  it("builds every published post and page at its old address, and no draft", () => {
    for (const file of ["hello-world.html", "second-post.html", "jumbocode+.html", "now.html", "index.html"]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
    expect(existsSync(join(dist, "unfinished.html"))).toBe(false);
    expect(existsSync(join(dist, "index/index.html")) || existsSync(join(dist, "index.html.html"))).toBe(false);
  });

  it("links posts to each other at their root addresses, without trailing slashes", () => {
    const hello = read("hello-world.html");
    expect(hello).toContain('href="/second-post"');
    expect(hello).toContain('href="/jumbocode+"');
    expect(read("second-post.html")).toContain('href="/hello-world"');
    expect(read("jumbocode+.html")).toContain('href="/now"');
    expect(hello).toContain('<link rel="canonical" href="https://old.example.org/hello-world">');
  });

  it("shows the home page's introduction with its cover above the latest posts, and titles pages from their names", () => {
    const home = read("index.html");
    expect(home).toContain("This introduction comes from the old blog");
    expect(home.indexOf("This introduction")).toBeLessThan(home.indexOf("Latest writing"));
    expect(home).toMatch(/<figure class="cover"[^>]*>\s*<img [^>]*src="\/_astro\/portrait\.[^"]+\.webp"/);
    expect(read("now.html")).toMatch(/<h1[^>]*>Now<\/h1>/);
    expect(read("now.html")).toMatch(/<img [^>]*src="\/_astro\/portrait\./);
  });

  it("writes a meta-refresh page at each older address of every post, patterns expanded", () => {
    for (const slug of ["hello-world", "second-post", "jumbocode+"]) {
      for (const old of [`blog/${slug}.html`, `posts/${slug}.html`]) {
        expect(read(old), old).toContain(`<meta http-equiv="refresh" content="0; url=/${slug}">`);
      }
    }
    expect(existsSync(join(dist, "blog/unfinished.html"))).toBe(false);
    // The pages match "/:slug/" too: /blog/now and /posts/now lead to /now.
    expect(output).toMatch(/\[old-addresses\] 8 old addresses redirected \(8 redirect pages\), 1 feed aliases/);
  });

  it("serves the RSS feed itself at its old address", () => {
    expect(read("rss")).toBe(read("rss.xml"));
    expect(read("rss.xml")).toContain("<link>https://old.example.org/hello-world</link>");
  });

  it("lists pages in the sitemap at the addresses their canonical links give", () => {
    const sitemap = read("sitemap-0.xml");
    expect(sitemap).toContain("<loc>https://old.example.org/hello-world</loc>");
    expect(sitemap).toContain("<loc>https://old.example.org/jumbocode+</loc>");
    expect(sitemap).not.toContain("second-post");
  });
});

describe("the copied blog under nginx", () => {
  let site: NginxSite;
  beforeAll(async () => {
    site = await serveWithNginx(dist, "/", { ...SETTINGS, trailingSlash: "never" });
  });
  afterAll(() => site?.stop());

  const get = (path: string) => fetch(new URL(path, site.url), { redirect: "manual" });

  it("answers every old address: pages with 200, slashed and older forms with a 301 to the page", async () => {
    const pages = ["/hello-world", "/second-post", "/jumbocode+", "/now", "/"];
    expect(pages).toHaveLength(5);
    for (const path of pages) expect((await get(path)).status, path).toBe(200);
    const moved: [string, string][] = [
      ["/hello-world/", "/hello-world"],
      ["/blog/hello-world", "/hello-world"],
      ["/blog/jumbocode+/", "/jumbocode+"],
      ["/posts/second-post", "/second-post"],
    ];
    for (const [path, location] of moved) {
      const response = await get(path);
      expect([path, response.status, response.headers.get("location")]).toEqual([path, 301, location]);
    }
    expect((await get("/unfinished")).status).toBe(404);
  });

  it("serves the feed at /rss as RSS, and the videos and images posts reference", async () => {
    const feed = await get("/rss");
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect((await get("/posts/hello-world/clip.mp4")).status).toBe(200);
    expect((await get("/posts/hello-world/my%20photo.png")).status).toBe(200);
  });

  it("has no broken internal link or image, checked by linkinator through the server", async () => {
    const checker = new LinkChecker();
    const origin = new URL(site.url).origin;
    const result = await checker.check({
      path: site.url,
      recurse: true,
      linksToSkip: async (link) => !link.startsWith(origin),
      concurrency: 4,
    });
    const broken = result.links.filter((link) => link.state === "BROKEN").map((link) => `${link.url} (from ${link.parent})`);
    expect(broken).toEqual([]);
    const checked = result.links.filter((link) => link.state === "OK").map((link) => new URL(link.url).pathname);
    expect(checked).toEqual(
      expect.arrayContaining(["/hello-world", "/jumbocode+", "/second-post", "/posts/hello-world/clip.mp4"]),
    );
  });
});
