import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { LinkChecker } from "linkinator";
import Parser from "rss-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deploySettingsOf } from "../../src/lib/deploy/deploy-files.ts";
import { runImport } from "../../src/lib/import/run.ts";
import { importFixtures } from "../support/import.ts";
import { serveWithNginx, type NginxSite } from "../../scripts/lib/nginx-server.ts";
import { createProject, loadSiteSettings, runAstro, setSiteSettings } from "../support/project.ts";

/**
 * A blog modelled on one moving in from another Astro site: posts at the root without trailing
 * slashes, older /blog/<slug> and /posts/<slug> addresses, its feed at /rss, a `+` in a slug, CRLF
 * files, raw video, figure and table markup, untitled pages with covers. Moved in two ways: its files
 * copied unchanged and served as they were, and through `npm run import` under the default permalinks.
 */
const BLOG = join(importFixtures, "astro-blog");

interface Built {
  dist: string;
  output: string;
}

async function build(dir: string, env: Record<string, string>): Promise<Built> {
  const result = await runAstro(dir, ["build"], { SITE_URL: "https://old.example.org", ...env });
  if (result.code !== 0) throw new Error(`The moved blog did not build:\n${result.output}`);
  return { dist: join(dir, "dist"), output: result.output };
}

const reader = (built: () => Built) => (file: string) => readFileSync(join(built().dist, file), "utf8");

async function brokenLinks(site: NginxSite) {
  const origin = new URL(site.url).origin;
  const result = await new LinkChecker().check({
    path: site.url,
    recurse: true,
    linksToSkip: async (link) => !link.startsWith(origin),
    concurrency: 4,
  });
  return {
    broken: result.links.filter((link) => link.state === "BROKEN").map((link) => `${link.url} (from ${link.parent})`),
    checked: result.links.filter((link) => link.state === "OK").map((link) => new URL(link.url).pathname),
  };
}

describe("the blog's files copied in unchanged, served at the root without trailing slashes", () => {
  const settings = {
    redirects: { "/blog/:slug": "/:slug/", "/posts/:slug": "/:slug/" },
    feedAliases: ["/rss"],
  };
  let built: Built;
  const read = reader(() => built);
  // A slug with characters every output must escape in its own way, beside the blog's own posts.
  const tricky = { slug: "tom&jerry's-café", path: "/tom&jerry's-caf%C3%A9" };
  beforeAll(async () => {
    const dir = createProject(
      "migration-copied",
      { "tricky.md": `---\ntitle: Tom & Jerry\ndate: 2020-02-02\nslug: "${tricky.slug}"\n---\nA post with an ampersand.\n` },
      { blog: BLOG },
    );
    setSiteSettings(dir, settings);
    built = await build(dir, { SITE_PERMALINK: "/:slug/", SITE_TRAILING_SLASH: "never" });
  });

  it("builds every published post and page at its old address, and no draft", () => {
    const pages = ["hello-world.html", "second-post.html", "jumbocode+.html", "now.html", "index.html", `${tricky.slug}.html`];
    expect(pages).toHaveLength(6);
    for (const file of pages) expect(existsSync(join(built.dist, file)), file).toBe(true);
    expect(existsSync(join(built.dist, "unfinished.html"))).toBe(false);
    expect(existsSync(join(built.dist, "index/index.html"))).toBe(false);
  });

  it("links posts to each other at their root addresses, written with or without the slash", () => {
    const hello = read("hello-world.html");
    expect(hello).toContain('href="/second-post"');
    expect(hello).toContain('href="/jumbocode+"');
    expect(read("jumbocode+.html")).toContain('href="/hello-world"');
    expect(read("jumbocode+.html")).toContain('href="/now"');
    expect(hello).toContain('<link rel="canonical" href="https://old.example.org/hello-world">');
  });

  it("writes the social card each page names, without trailing slashes too, and no card list left behind", () => {
    const cards = ["hello-world.html", "index.html", "now.html"].map(
      (file) => /<meta property="og:image" content="https:\/\/old\.example\.org\/([^"]+)"/.exec(read(file))?.[1],
    );
    expect(cards).toEqual(["og/hello-world.png", "og/index.png", "og/index.png"]);
    for (const card of cards) expect(existsSync(join(built.dist, card ?? "missing")), card).toBe(true);
    expect(existsSync(join(built.dist, ".social-cards.json"))).toBe(false);
  });

  it("shows the home page's introduction with its cover above the latest posts, and titles pages from their names", () => {
    const home = read("index.html");
    expect(home).toContain("I write software and notes about it.");
    expect(home.indexOf("I write software")).toBeLessThan(home.indexOf("Latest writing"));
    expect(home).toMatch(/<img [^>]*src="\/_astro\/portrait\.[^"]+\.webp"/);
    expect(home.indexOf("/_astro/portrait.")).toBeLessThan(home.indexOf("Latest writing"));
    expect(read("now.html")).toMatch(/<h1[^>]*>Now<\/h1>/);
    expect(read("now.html")).toMatch(/<img [^>]*src="\/_astro\/now\.[^"]+\.webp"/);
  });

  it("writes a meta-refresh page at each older address, patterns expanded, and none for the draft", () => {
    const slugs = ["hello-world", "second-post", "jumbocode+", "now"];
    expect(slugs).toHaveLength(4);
    for (const slug of slugs) {
      for (const old of [`blog/${slug}.html`, `posts/${slug}.html`]) {
        expect(read(old), old).toContain(`<meta http-equiv="refresh" content="0; url=/${slug}">`);
      }
    }
    expect(existsSync(join(built.dist, "blog/unfinished.html"))).toBe(false);
    expect(read(`blog/${tricky.slug}.html`)).toContain(`content="0; url=${tricky.path.replace("&", "&amp;")}"`);
    expect(built.output).toMatch(/\[old-addresses\] 10 old addresses redirected \(10 redirect pages\), 1 feed aliases/);
  });

  it("escapes a slug with & and ' and a non-ASCII letter correctly in HTML, XML and JSON", async () => {
    const html = tricky.path.replace("&", "&amp;");
    expect(read("index.html")).toContain(`href="${html}"`);
    expect(read(`${tricky.slug}.html`)).toContain(`<link rel="canonical" href="https://old.example.org${html}">`);
    // A feed reader's own parser reads the link back as the page's address.
    const rss = await new Parser().parseString(read("rss.xml"));
    expect(rss.items.map((item) => item.link)).toContain(`https://old.example.org${tricky.path}`);
    expect(read("sitemap-0.xml")).toContain(`<loc>https://old.example.org${html}</loc>`);
    const feed = JSON.parse(read("feed.json")) as { items: { url: string }[] };
    expect(feed.items.map((item) => item.url)).toContain(`https://old.example.org${tricky.path}`);
  });

  it("gives search results the pages' own addresses", () => {
    const folder = join(built.dist, "pagefind/fragment");
    const urls = readdirSync(folder).map(
      (file) =>
        (
          JSON.parse(
            gunzipSync(readFileSync(join(folder, file)))
              .toString("utf8")
              .replace(/^pagefind_dcd/, ""),
          ) as { url: string }
        ).url,
    );
    expect(urls.sort()).toEqual(["/hello-world", "/jumbocode+", tricky.path].sort());
  });

  it("serves the RSS feed itself at its old address", () => {
    expect(read("rss")).toBe(read("rss.xml"));
    expect(read("rss.xml")).toContain("<link>https://old.example.org/hello-world</link>");
  });

  it("lists listed pages in the sitemap at the addresses their canonical links give", () => {
    const sitemap = read("sitemap-0.xml");
    expect(sitemap).toContain("<loc>https://old.example.org/hello-world</loc>");
    expect(sitemap).toContain("<loc>https://old.example.org/jumbocode+</loc>");
    expect(sitemap).not.toContain("second-post");
  });

  describe("under nginx", () => {
    let site: NginxSite;
    beforeAll(async () => {
      site = await serveWithNginx(built.dist, "/", { ...settings, trailingSlash: "never" });
    });
    afterAll(() => site?.stop());
    const get = (path: string) => fetch(new URL(path, site.url), { redirect: "manual" });

    it("answers every old address: pages with 200, the slashed and older forms with a 301 to the page", async () => {
      const pages = ["/hello-world", "/second-post", "/jumbocode+", "/now", "/", tricky.path];
      expect(pages).toHaveLength(6);
      for (const path of pages) expect((await get(path)).status, path).toBe(200);
      const moved: [string, string][] = [
        ["/hello-world/", "/hello-world"],
        ["/blog/hello-world", "/hello-world"],
        ["/blog/jumbocode+/", "/jumbocode+"],
        ["/posts/second-post", "/second-post"],
        [`/blog${tricky.path}`, tricky.path],
      ];
      expect(moved).toHaveLength(5);
      for (const [path, location] of moved) {
        const response = await get(path);
        expect([path, response.status, response.headers.get("location")]).toEqual([path, 301, location]);
      }
      expect((await get("/unfinished")).status).toBe(404);
    });

    it("serves the feed at /rss as RSS, and the video and images the posts reference", async () => {
      const feed = await get("/rss");
      expect(feed.status).toBe(200);
      expect(feed.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      for (const path of ["/posts/hello-world/clip.mp4", "/posts/hello-world/My%20Chart.png", "/posts/jumbocode/screen.png"]) {
        expect((await get(path)).status, path).toBe(200);
      }
    });

    it("has no broken internal link, image or video, checked by linkinator through the server", async () => {
      const { broken, checked } = await brokenLinks(site);
      expect(broken).toEqual([]);
      expect(checked).toEqual(
        expect.arrayContaining(["/hello-world", "/jumbocode+", "/second-post", "/now", "/posts/hello-world/clip.mp4"]),
      );
    });
  });
});

describe('the blog brought in by npm run import --old-urls "/:slug", under the default permalinks', () => {
  let built: Built;
  let summary: ReturnType<typeof runImport>;
  const read = reader(() => built);
  beforeAll(async () => {
    const dir = createProject("migration-imported");
    summary = runImport({ from: BLOG, root: dir, timeZone: "America/New_York", base: "/", oldUrls: "/:slug" });
    built = await build(dir, {});
  });

  it("imports every post and page, and adds the old addresses and the old feed to the settings", () => {
    expect(summary.plan.refused).toEqual([]);
    expect(summary.plan.documents).toHaveLength(6);
    expect(summary.config?.added).toEqual(["/:slug"]);
    expect(summary.config?.addedFeeds).toEqual(["/rss"]);
  });

  it("serves posts under /posts/ and prints links to old addresses as the pages they lead to", () => {
    for (const file of ["posts/hello-world/index.html", "posts/jumbocode+/index.html", "now/index.html"]) {
      expect(existsSync(join(built.dist, file)), file).toBe(true);
    }
    const hello = read("posts/hello-world/index.html");
    expect(hello).toContain('href="/posts/second-post/"');
    expect(hello).toContain('href="/posts/jumbocode+/"');
    expect(read("posts/jumbocode+/index.html")).toContain('href="/now/"');
  });

  it("leaves a meta-refresh page at every old root address", () => {
    expect(read("hello-world/index.html")).toContain('<meta http-equiv="refresh" content="0; url=/posts/hello-world/">');
    expect(read("jumbocode+/index.html")).toContain('<meta http-equiv="refresh" content="0; url=/posts/jumbocode+/">');
    expect(existsSync(join(built.dist, "unfinished/index.html"))).toBe(false);
    expect(read("rss")).toBe(read("rss.xml"));
  });

  describe("under nginx", () => {
    let site: NginxSite;
    beforeAll(async () => {
      site = await serveWithNginx(built.dist, "/", deploySettingsOf(await loadSiteSettings(join(built.dist, ".."))));
    });
    afterAll(() => site?.stop());
    const get = (path: string) => fetch(new URL(path, site.url), { redirect: "manual" });

    it("answers each old address with a 301 to the post, and the old feed address with the feed", async () => {
      const moved: [string, string][] = [
        ["/hello-world", "/posts/hello-world/"],
        ["/second-post/", "/posts/second-post/"],
        ["/jumbocode+", "/posts/jumbocode+/"],
      ];
      expect(moved).toHaveLength(3);
      for (const [path, location] of moved) {
        const response = await get(path);
        expect([path, response.status, response.headers.get("location")]).toEqual([path, 301, location]);
      }
      expect((await get("/rss")).headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      expect((await get("/now/")).status).toBe(200);
    });

    it("has no broken internal link, image or video", async () => {
      const { broken, checked } = await brokenLinks(site);
      expect(broken).toEqual([]);
      expect(checked).toEqual(
        expect.arrayContaining(["/posts/hello-world/", "/posts/jumbocode+/", "/posts/hello-world/clip.mp4"]),
      );
    });
  });
});

describe("URLs that cannot be built", () => {
  const post = (extra = "") => `---\ntitle: A post\ndate: 2020-01-01\n${extra}---\nText.\n`;

  it("fails when a post and a page take one root URL, or a post takes a route of the site, naming both sides", async () => {
    const dir = createProject("migration-collisions", { "about.md": post(), "feed.md": post('slug: "tags"\n') });
    mkdirSync(join(dir, "src/content/pages"), { recursive: true });
    writeFileSync(join(dir, "src/content/pages/about.md"), "---\ntitle: About\n---\nMe.\n");
    const result = await runAstro(dir, ["build"], { SITE_PERMALINK: "/:slug/" });
    expect(result.code).toBe(1);
    const lines = result.output.split("\n");
    expect(lines).toContain(
      "  - post src/content/posts/about.md and page src/content/pages/about.md both claim /about/; rename one, or give one another slug",
    );
    expect(lines).toContain(
      "  - post src/content/posts/feed.md claims /tags/, which the site itself serves; give it another slug",
    );
  });

  it("fails on a slug one URL segment cannot carry, naming the file, the field and the character", async () => {
    const dir = createProject("migration-bad-slug", { "case-a.md": post('slug: "notes/2020"\n') });
    const result = await runAstro(dir, ["build"]);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(
      /src\/content\/posts\/case-a\.md:4: slug: "notes\/2020" has "\/"; a slug holds letters and digits of any script/,
    );
  });
});
